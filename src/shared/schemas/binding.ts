import * as z from 'zod';
import { Id, Line, Prose } from './common';
import { Consent } from './consent';
import { RosterPerson, SessionResponse, VillageSummary } from './person';

/**
 * Binding (绑定) a signed-in WeChat account to a person of the roster: by what
 * only the person knows (name, the end of their ID number, their phone), or by an
 * invite code a committee member or grid worker hands over face to face.
 */
export const ClaimRequest = z.object({
  villageId: Id,
  name: Line('请填写姓名').min(1, '请填写姓名').max(20, '姓名最多 20 个字'),
  idTail: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{3}[\dX]$/, '请填写身份证号的后 4 位'),
  phone: Line('请填写联系电话').min(7, '请填写联系电话').max(20, '联系电话过长'),
  note: Prose().max(100, '说明最多 100 字').optional(), // e.g. "在外务工，现在杭州"
  consent: Consent,
});
export type ClaimRequest = z.infer<typeof ClaimRequest>;

export const RedeemInviteRequest = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((c) => c.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字')),
  consent: Consent,
});

export const ClaimStatus = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);
/** A claim as its claimant sees it. */
export const Claim = z.object({
  claimId: Id,
  villageId: Id,
  villageName: z.string(),
  name: z.string(),
  status: ClaimStatus,
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(), // why it was rejected
});
export type Claim = z.infer<typeof Claim>;

export const BindingOutcome = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('bound'),
    session: SessionResponse,
    /** The person had another account bound; it is signed out now (one person, one account). */
    replacedEarlierAccount: z.boolean(),
  }),
  z.object({ status: z.literal('pending'), claim: Claim }),
]);
export type BindingOutcome = z.infer<typeof BindingOutcome>;

export const MyClaims = z.object({ items: z.array(Claim) });

/**
 * A pending claim as the committee reviews it: the claimant's phone (masked), and
 * roster people who might be them, each with whether the ID ending and the phone
 * typed agree with the register (the typed ending itself is not shown: it is the
 * claim's secret, and a true one is the person's).
 */
export const PendingClaim = Claim.extend({
  phone: z.string(), // masked
  note: z.string().optional(),
  candidates: z.array(RosterPerson.extend({ matches: z.object({ idTail: z.boolean(), phone: z.boolean() }) })),
});
export const PendingClaimList = z.object({ items: z.array(PendingClaim) });

export const ApproveClaimRequest = z.object({ personId: Id });
export const RejectClaimRequest = z.object({
  reason: Prose().min(2, '请写明不通过的原因（至少 2 个字）').max(200, '原因最多 200 字'),
});

export const Invite = z.object({
  code: z.string(),
  personId: Id,
  personName: z.string(),
  expiresAt: z.string(),
});

export const VillageDirectory = z.object({
  items: z.array(VillageSummary.extend({ townshipName: z.string() })),
});
