import * as z from 'zod';
import { Cursor, Id, IsoDate, Line, Prose, page } from './common';
import { ConsentRecord } from './consent';

/** Roles a person holds in a village (or, for township staff, over a township). */
export const Role = z.enum([
  'resident', // 村民 / 居民
  'household_head', // 户主
  'representative', // 村民代表
  'party_member', // 党员
  'party_branch', // 党支部委员 (drafts 党务 notices)
  'grid_worker', // 网格员
  'committee', // 村委会委员
  'supervisor', // 村务监督委员会委员
  'township_staff', // 乡镇 / 街道工作人员
]);
export type Role = z.infer<typeof Role>;
export { roleLabels } from './role-labels';

/** A role held for a term (任期): from a date, until a date or open-ended. */
export const RoleTerm = z.object({
  termId: Id,
  role: Role,
  post: z.string().max(20).optional(), // e.g. 主任, 会计
  grid: z.string().max(30).optional(), // grid_worker: the group / grid (网格) they own
  households: z.array(Id).max(50).optional(), // representative: the households (户) they represent
  from: IsoDate,
  until: IsoDate.optional(),
});
export type RoleTerm = z.infer<typeof RoleTerm>;

/** Roles a committee member may assign; township staff are appointed by the township, not here. */
export const AssignableRole = Role.exclude(['township_staff'], { error: '身份不正确' });

/** Where a session belongs: one village, or a township (its staff). */
export const Tenant = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('village'), villageId: Id, townshipId: Id }),
  z.object({ kind: z.literal('township'), townshipId: Id }),
]);
export type Tenant = z.infer<typeof Tenant>;

export const PersonSummary = z.object({
  personId: Id,
  name: z.string(),
  tenant: Tenant,
  groupName: z.string().optional(),
  roles: z.array(Role),
  posts: z.array(z.string()),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const VillageSummary = z.object({
  villageId: Id,
  townshipId: Id,
  name: z.string(),
  kind: z.enum(['village', 'community']),
});
export type VillageSummary = z.infer<typeof VillageSummary>;

/** A signed-in WeChat account, bound to a person of the roster or not yet. */
export const Me = z.object({
  account: z.object({ accountId: Id, boundAt: z.string().optional() }),
  person: PersonSummary.nullable(), // null until the account claims a person of the roster
  villages: z.array(VillageSummary),
  township: z.object({ townshipId: Id, name: z.string() }).nullable(),
  /** Another WeChat account claimed my person; it waits for the committee (binding is never taken over silently). */
  pendingTakeover: z.object({ claimedAt: z.string() }).optional(),
  /** The privacy policy version this account agreed to (null: never); the app asks again when it is older. */
  consent: ConsentRecord.nullable(),
});
export type Me = z.infer<typeof Me>;

export const DemoSignInRequest = z.object({ tenantId: Id, personId: Id });
export type DemoSignInRequest = z.infer<typeof DemoSignInRequest>;
export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: PersonSummary.nullable(),
});
/** The mini-program's wx.login() code, exchanged once for the account's WeChat openid. */
export const WechatSignInRequest = z.object({
  code: z
    .string()
    .trim()
    .min(1, '缺少微信登录凭证')
    .max(128, '微信登录凭证过长')
    .regex(/^[\w.-]+$/, '微信登录凭证格式不正确'),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const DemoPeople = z.object({
  people: z.array(
    z.object({
      tenantId: Id,
      tenantName: z.string(),
      personId: Id,
      name: z.string(),
      roles: z.array(Role),
      posts: z.array(z.string()),
    }),
  ),
});
export type DemoPeople = z.infer<typeof DemoPeople>;

/** My household (户): who is registered in it, and who heads it. */
export const MyHousehold = z.object({
  householdId: Id.nullable(),
  groupName: z.string().optional(),
  members: z.array(
    z.object({
      name: z.string(),
      isHead: z.boolean(),
      isMe: z.boolean(),
      status: z.enum(['active', 'deceased', 'moved_out']),
    }),
  ),
});
export type MyHousehold = z.infer<typeof MyHousehold>;

export const PersonStatus = z.enum(['active', 'deceased', 'moved_out']);
export type PersonStatus = z.infer<typeof PersonStatus>;

/**
 * A roster entry as staff see it in lists: the sensitive tier (ID number, phone,
 * birth date) only ever masked; adulthood derived from the birth date.
 */
export const RosterPerson = z.object({
  personId: Id,
  name: z.string(),
  groupName: z.string().optional(),
  householdId: Id.optional(),
  relation: z.string().optional(), // 与户主关系
  adult: z.boolean(),
  idNumber: z.string().optional(), // masked: 330*************** (never the ending a claim asks for)
  phone: z.string().optional(), // masked: 138****5678
  birthDate: z.string().optional(), // masked: 1956-**-**
  roles: z.array(Role),
  status: PersonStatus,
  bound: z.boolean(), // a WeChat account is bound to this person
});
export type RosterPerson = z.infer<typeof RosterPerson>;

export const RosterQuery = z.object({
  villageId: Id.optional(),
  q: z.string().trim().max(20, '搜索词最多 20 个字').optional(),
  groupName: z.string().max(30).optional(),
  role: Role.optional(),
  status: PersonStatus.optional(),
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(30),
  cursor: Cursor.optional(),
});
export const RosterPage = page(RosterPerson);

export const HistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  actorName: z.string().optional(),
  reason: z.string().optional(),
  changedFields: z.array(z.string()).optional(),
});
export const PersonDetail = RosterPerson.extend({
  terms: z.array(RoleTerm),
  bodies: z.array(z.string()),
  departedOn: IsoDate.optional(),
  boundAt: z.string().optional(),
  history: z.array(HistoryEntry),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** The unmasked sensitive fields, for named staff roles; every view is audited. */
export const SensitiveView = z.object({
  personId: Id,
  idNumber: z.string(),
  phone: z.string().optional(),
  birthDate: IsoDate,
});

const Name = Line('请填写姓名').min(1, '请填写姓名').max(20, '姓名最多 20 个字');
const Phone = Line().max(20, '联系电话过长');
export const PersonInput = z.object({
  name: Name,
  groupName: Line('请选择村民小组').min(1, '请选择村民小组').max(30),
  householdId: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,20}$/, '户号只能包含数字、字母和 -'),
  relation: Line('请填写与户主关系').min(1, '请填写与户主关系').max(10, '与户主关系最多 10 个字'),
  idNumber: z.string().trim().min(1, '请填写身份证号').max(20, '身份证号应为 18 位'),
  phone: Phone.optional(),
  bodies: z.array(Line().min(1).max(20)).max(10, '最多 10 个组织').default([]),
});
export type PersonInput = z.infer<typeof PersonInput>;
/** An edit names the fields it changes; sensitive ones may be left out to keep them. */
export const PersonUpdate = PersonInput.extend({ bodies: PersonInput.shape.bodies.unwrap().optional() }).partial();
export type PersonUpdate = z.infer<typeof PersonUpdate>;

export const DepartureRequest = z.object({
  kind: z.enum(['deceased', 'moved_out'], { error: '请选择 去世 或 迁出' }),
  on: IsoDate,
  reason: Prose().min(2, '请写明情况（至少 2 个字）').max(200, '情况说明最多 200 字'),
});

export const AssignRoleRequest = z.object({
  role: AssignableRole,
  post: Line().max(20, '职务最多 20 个字').optional(),
  grid: Line().max(30).optional(),
  households: z.array(Id).max(50, '最多代表 50 户').optional(),
  from: IsoDate,
  until: IsoDate.optional(),
});
export type AssignRoleRequest = z.infer<typeof AssignRoleRequest>;
export const EndRoleRequest = z.object({ until: IsoDate, reason: Prose().max(200).optional() });

/** One household (户) of the register as staff see it. */
export const HouseholdView = z.object({
  householdId: Id,
  groupName: z.string().optional(),
  members: z.array(RosterPerson),
});

/** Counts only: what township staff see of a village's roster. */
export const RosterSummary = z.object({
  villages: z.array(
    z.object({
      villageId: Id,
      name: z.string(),
      people: z.number(),
      adults: z.number(),
      households: z.number(),
      bound: z.number(),
      /** Every group of the village, those with nobody in them yet too. */
      groups: z.array(z.string()),
      byGroup: z.array(z.object({ groupName: z.string(), people: z.number(), households: z.number() })),
      byRole: z.array(z.object({ role: Role, people: z.number() })),
    }),
  ),
});
export type RosterSummary = z.infer<typeof RosterSummary>;

/** What I have submitted so far (我的提交): questions on notices for now; suggestions and petitions join later. */
export const MySubmissions = z.object({
  questions: z.array(
    z.object({
      questionId: Id,
      noticeId: Id,
      noticeTitle: z.string(),
      text: z.string(),
      askedAt: z.string(),
      answeredAt: z.string().optional(),
    }),
  ),
});
export type MySubmissions = z.infer<typeof MySubmissions>;
