import { z } from 'zod';
import { Id } from './common';

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

export const RoleTerm = z.object({
  role: Role,
  post: z.string().max(20).optional(), // e.g. 主任, 会计
  from: z.string(),
  until: z.string().optional(),
});
export type RoleTerm = z.infer<typeof RoleTerm>;

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

export const Me = z.object({
  person: PersonSummary,
  villages: z.array(VillageSummary),
  township: z.object({ townshipId: Id, name: z.string() }),
});
export type Me = z.infer<typeof Me>;

export const DemoSignInRequest = z.object({ tenantId: Id, personId: Id });
export type DemoSignInRequest = z.infer<typeof DemoSignInRequest>;
export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  person: PersonSummary,
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
