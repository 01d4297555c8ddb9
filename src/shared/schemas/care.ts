import * as z from 'zod';
import { Id, IsoDate, IsoDateTime, Line, Prose } from './common';
import { PhotoId, PhotoView } from './photo';

/**
 * The care registry for people in extreme poverty (特困人员监护照料): who is in care,
 * their guardian (class Ⅰ–Ⅲ), the care agreement, visits with a structured check,
 * and the problem tasks a visit finds. Staff only, the strictest privacy tier: the
 * reason a person qualifies, their disability, health and needs are stored sealed.
 */

/** Why a person qualifies as unable to work (无劳动能力): the plan's three kinds of people. */
export const CareReason = z.enum(['aged', 'minor', 'disability'], {
  error: '请选择认定条件：老年人、未成年人或残疾人',
});
export type CareReason = z.infer<typeof CareReason>;
export const careReasonLabels: Record<CareReason, string> = {
  aged: '60 周岁以上老年人',
  minor: '未满 16 周岁未成年人',
  disability: '重度残疾人',
};

export const DisabilityCategory = z.enum(['intellectual', 'mental', 'physical'], {
  error: '请选择残疾类别：智力、精神或肢体',
});
export type DisabilityCategory = z.infer<typeof DisabilityCategory>;
export const disabilityLabels: Record<DisabilityCategory, string> = {
  intellectual: '智力残疾',
  mental: '精神残疾',
  physical: '肢体残疾',
};
/** The plan's grades: intellectual and mental disability of grade 1 or 2, physical of grade 1. */
export const qualifyingGrades: Record<DisabilityCategory, number[]> = {
  intellectual: [1, 2],
  mental: [1, 2],
  physical: [1],
};
export const Disability = z.object({
  category: DisabilityCategory,
  grade: z
    .number({ error: '残疾等级应为 1–4 级' })
    .int('残疾等级应为整数')
    .min(1, '残疾等级从 1 级起')
    .max(4, '残疾等级最多 4 级'),
});
export type Disability = z.infer<typeof Disability>;

export const SupportMode = z.enum(['dispersed', 'centralized', 'mental_health'], {
  error: '请选择供养方式：分散供养、集中供养或精神卫生机构',
});
export type SupportMode = z.infer<typeof SupportMode>;
export const supportModeLabels: Record<SupportMode, string> = {
  dispersed: '分散供养',
  centralized: '集中供养',
  mental_health: '精神卫生机构托养',
};

/* ---------- guardians ---------- */

export const Kinship = z.enum(['spouse', 'child', 'parent', 'sibling', 'grandchild', 'grandparent', 'other_relative'], {
  error: '请选择与被监护人的关系',
});
export type Kinship = z.infer<typeof Kinship>;
export const kinshipLabels: Record<Kinship, string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女、外孙子女',
  grandparent: '祖父母、外祖父母',
  other_relative: '其他近亲属',
};
export const GuardianClass = z.enum(['relative', 'volunteer', 'institution']);
export type GuardianClass = z.infer<typeof GuardianClass>;
export const guardianClassLabels: Record<GuardianClass, string> = {
  relative: 'Ⅰ类：近亲属',
  volunteer: 'Ⅱ类：自愿担任的个人或组织',
  institution: 'Ⅲ类：村委会或乡镇民政办',
};
export const GuardianBody = z.enum(['village_committee', 'township_civil_affairs'], {
  error: '请选择村委会或乡镇民政办',
});
export const guardianBodyLabels: Record<z.infer<typeof GuardianBody>, string> = {
  village_committee: '村民委员会',
  township_civil_affairs: '乡镇民政办',
};
const infirm = z.boolean({ error: '请选择监护人是否年老体弱' }).default(false);

/** A guardian as the committee names one: the class decides what must be shown. */
export const GuardianInput = z.discriminatedUnion(
  'guardianClass',
  [
    z.object({
      guardianClass: z.literal('relative'),
      /** Class Ⅰ: a relative registered in the person's household (户) on the roster. */
      personId: Id,
      kinship: Kinship,
      infirm,
    }),
    z.object({
      guardianClass: z.literal('volunteer'),
      name: Line('请填写监护人姓名或组织名称')
        .min(2, '监护人姓名或组织名称至少 2 个字')
        .max(40, '监护人姓名或组织名称最多 40 个字'),
      organisation: z.boolean({ error: '请选择是个人还是组织' }),
      /** On the roster, when the volunteer is a villager. */
      personId: Id.optional(),
      approvedBy: z.enum(['committee', 'civil_affairs'], { error: '请选择由村委会还是乡镇民政办同意' }),
      approvedOn: IsoDate,
      infirm,
    }),
    z.object({
      guardianClass: z.literal('institution'),
      body: GuardianBody,
      /** Why the township takes it on: the committee can't. */
      note: Prose('请填写说明').max(200, '说明最多 200 字').optional(),
    }),
  ],
  { error: '请选择监护人类别：Ⅰ类近亲属、Ⅱ类自愿监护人或Ⅲ类村委会/民政办' },
);
export type GuardianInput = z.infer<typeof GuardianInput>;

export const Guardian = z.object({
  guardianId: Id,
  guardianClass: GuardianClass,
  name: z.string(),
  personId: Id.optional(),
  kinship: Kinship.optional(),
  organisation: z.boolean().optional(),
  approvedBy: z.enum(['committee', 'civil_affairs']).optional(),
  approvedOn: IsoDate.optional(),
  body: GuardianBody.optional(),
  note: z.string().optional(),
  /** Aged 60 or over by the roster's birth date: the plan asks that such a guardian be watched. */
  elderly: z.boolean(),
  infirm: z.boolean(),
  since: IsoDateTime,
  until: IsoDateTime.optional(),
  endReason: z.string().optional(),
  /** Problems the visits found with this guardian's care. */
  problemCount: z.number().int(),
});
export type Guardian = z.infer<typeof Guardian>;

/* ---------- the registry ---------- */

export const RegisterCareRequest = z.object({
  personId: Id,
  reason: CareReason,
  disability: Disability.optional(),
  supportMode: SupportMode,
  needs: Prose('请填写照料需求').min(2, '照料需求至少 2 个字').max(500, '照料需求最多 500 字'),
  health: Prose('请填写健康状况').max(500, '健康状况最多 500 字').optional(),
  /** The village cadre in charge (包村干部): a committee member. */
  cadreId: Id,
  /** The day the person came into care; visits fall due from it. */
  careSince: IsoDate.optional(),
  guardian: GuardianInput,
});
export type RegisterCareRequest = z.infer<typeof RegisterCareRequest>;

export const ReplaceGuardianRequest = z.object({
  guardian: GuardianInput,
  reason: Prose('请填写更换原因').min(4, '更换原因至少 4 个字').max(300, '更换原因最多 300 字'),
});
export type ReplaceGuardianRequest = z.infer<typeof ReplaceGuardianRequest>;

/* ---------- 关爱线索 about a person in care ---------- */

/** A 关爱线索 case (a villager's concern about someone) that is about this person: their file lists it. */
export const LinkCaseRequest = z.object({ caseId: Id });
export type LinkCaseRequest = z.infer<typeof LinkCaseRequest>;
export const CaseLink = z.object({ caseId: Id, linkedAt: IsoDateTime });
export type CaseLink = z.infer<typeof CaseLink>;

/* ---------- the care agreement (监护照料协议) ---------- */

export const DutyKind = z.enum(['daily_watch', 'daily_life', 'hospital', 'village'], { error: '职责类别不正确' });
export type DutyKind = z.infer<typeof DutyKind>;
export const dutyLabels: Record<DutyKind, string> = {
  daily_watch: '日常看护',
  daily_life: '生活照料',
  hospital: '住院陪护',
  village: '村里增加的职责',
};
/** The duties every agreement names; a village adds its own beside them. */
export const namedDuties: DutyKind[] = ['daily_watch', 'daily_life', 'hospital'];
export const Duty = z.object({
  kind: DutyKind,
  text: Prose('请写明这项职责具体做什么').min(4, '职责内容至少 4 个字').max(300, '职责内容最多 300 字'),
});
export type Duty = z.infer<typeof Duty>;
export const AgreementRequest = z.object({
  duties: z.array(Duty).min(3, '协议须写明日常看护、生活照料、住院陪护三项职责').max(10, '职责最多 10 项'),
  signedOn: IsoDate,
  startsOn: IsoDate,
  endsOn: IsoDate,
  /** The signed paper, photographed: uploaded through POST /photos first. */
  scanPhotoId: PhotoId,
});
export type AgreementRequest = z.infer<typeof AgreementRequest>;
export const Agreement = z.object({
  agreementId: Id,
  guardianId: Id,
  guardianName: z.string(),
  duties: z.array(Duty),
  signedOn: IsoDate,
  startsOn: IsoDate,
  endsOn: IsoDate,
  scan: PhotoView.optional(),
  /** Ended when its guardian is replaced. */
  status: z.enum(['active', 'ended']),
  recordedAt: IsoDateTime,
});
export type Agreement = z.infer<typeof Agreement>;

/* ---------- visits (走访探视) ---------- */

export const CheckArea = z.enum(['food', 'clothing', 'housing', 'medical', 'safety', 'guardian']);
export type CheckArea = z.infer<typeof CheckArea>;
export const checkAreaLabels: Record<CheckArea, string> = {
  food: '吃（饮食）',
  clothing: '穿（衣被）',
  housing: '住（住房）',
  medical: '医（看病就医）',
  safety: '安全',
  guardian: '监护人履责',
};
export const checkAreas = CheckArea.options;
export const Check = z.object({
  status: z.enum(['ok', 'problem'], { error: '请选择正常或有问题' }),
  note: Prose('请填写情况').max(300, '情况说明最多 300 字').optional(),
});
export type Check = z.infer<typeof Check>;
const checksShape = Object.fromEntries(checkAreas.map((a) => [a, Check])) as Record<CheckArea, typeof Check>;
export const Checks = z.object(checksShape);
export type Checks = z.infer<typeof Checks>;

export const Satisfaction = z.object({
  rating: z.enum(['satisfied', 'basically', 'dissatisfied'], { error: '请选择满意、基本满意或不满意' }),
  by: z.enum(['person', 'family'], { error: '请选择由本人还是家属评价' }),
});
export const satisfactionLabels = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' } as const;

export const VisitRequest = z.object({
  /** When the visit happened: entered later than the village allows, it is marked as entered late. */
  visitedAt: IsoDateTime,
  companions: Line('请填写同行人员').max(60, '同行人员最多 60 个字').optional(),
  checks: Checks,
  summary: Prose('请填写走访情况')
    .min(10, '走访情况至少 10 个字，写下这次看到的实际情况')
    .max(1000, '走访情况最多 1000 字'),
  photos: z.array(PhotoId).max(6, '最多 6 张照片').default([]),
  satisfaction: Satisfaction,
});
export type VisitRequest = z.infer<typeof VisitRequest>;

export const Visit = z.object({
  visitId: Id,
  visitedAt: IsoDateTime,
  enteredAt: IsoDateTime,
  visitor: z.object({ personId: Id, name: z.string() }),
  companions: z.string().optional(),
  checks: Checks,
  summary: z.string(),
  photos: z.array(PhotoView),
  satisfaction: Satisfaction,
  /** Entered more hours after the visit than the village allows. */
  late: z.boolean(),
  /** Its text or a photo repeats an earlier visit's (千篇一律): flagged to the township. */
  copied: z.boolean(),
  copiedFrom: z.object({ visitId: Id, personId: Id, what: z.enum(['text', 'photo']) }).optional(),
});
export type Visit = z.infer<typeof Visit>;

/* ---------- problem tasks ---------- */

export const Problem = z.object({
  problemId: Id,
  visitId: Id,
  area: CheckArea,
  note: z.string(),
  owner: z.object({ personId: Id, name: z.string() }),
  /** The end of the last working day allowed (the village's working-day calendar). */
  dueAt: IsoDateTime,
  status: z.enum(['open', 'resolved']),
  overdue: z.boolean(),
  createdAt: IsoDateTime,
  resolvedAt: IsoDateTime.optional(),
  resolution: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;
export const ResolveProblemRequest = z.object({
  resolution: Prose('请填写解决情况').min(4, '解决情况至少 4 个字').max(500, '解决情况最多 500 字'),
});

/* ---------- reads ---------- */

export const CareListItem = z.object({
  personId: Id,
  name: z.string(),
  groupName: z.string().optional(),
  supportMode: SupportMode,
  guardianClass: GuardianClass,
  guardianName: z.string(),
  guardianFlagged: z.boolean(),
  hasAgreement: z.boolean(),
  lastVisitOn: IsoDate.optional(),
  nextVisitDue: IsoDate,
  visitOverdue: z.boolean(),
  openProblems: z.number().int(),
});
export type CareListItem = z.infer<typeof CareListItem>;
export const CareList = z.object({ villageId: Id, items: z.array(CareListItem) });
export type CareList = z.infer<typeof CareList>;

export const CareRecord = z.object({
  villageId: Id,
  personId: Id,
  name: z.string(),
  groupName: z.string().optional(),
  reason: CareReason,
  disability: Disability.optional(),
  supportMode: SupportMode,
  needs: z.string(),
  health: z.string().optional(),
  cadre: z.object({ personId: Id, name: z.string() }),
  careSince: IsoDate,
  registeredAt: IsoDateTime,
  guardian: Guardian,
  /** Every guardian before, with why they were replaced. */
  formerGuardians: z.array(Guardian),
  agreements: z.array(Agreement),
  visits: z.array(Visit),
  problems: z.array(Problem),
  /** The 关爱线索 cases about this person, newest first. */
  cases: z.array(CaseLink),
  nextVisitDue: IsoDate,
  visitOverdue: z.boolean(),
});
export type CareRecord = z.infer<typeof CareRecord>;

const placed = z.object({ villageId: Id, villageName: z.string(), personId: Id, name: z.string() });
export const CareOverview = z.object({
  villages: z.array(
    z.object({
      villageId: Id,
      villageName: z.string(),
      people: z.number().int(),
      overdueVisits: z.number().int(),
      openProblems: z.number().int(),
      overdueProblems: z.number().int(),
      flaggedVisits: z.number().int(),
      repeatedGuardians: z.number().int(),
    }),
  ),
  overdueVisits: z.array(placed.extend({ nextVisitDue: IsoDate, lastVisitOn: IsoDate.optional() })),
  openProblems: z.array(
    placed.extend({ problemId: Id, area: CheckArea, dueAt: IsoDateTime, overdue: z.boolean(), ownerName: z.string() }),
  ),
  repeatedGuardians: z.array(placed.extend({ guardianName: z.string(), problemCount: z.number().int() })),
  flaggedVisits: z.array(
    placed.extend({ visitId: Id, visitedAt: IsoDateTime, copied: z.boolean(), late: z.boolean() }),
  ),
});
export type CareOverview = z.infer<typeof CareOverview>;
