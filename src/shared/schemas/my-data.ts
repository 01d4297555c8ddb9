import * as z from 'zod';
import { Claim } from './binding';
import { CaseKind, CaseStatus } from './case';
import { Cursor, Id, PageQuery, Prose, page } from './common';
import { ConsentRecord } from './consent';
import { InboxItem } from './inbox';
import { MyHousehold, MySubmissions, RoleTerm, RosterPerson } from './person';
import { DeviceSession } from './qr-sign-in';

/**
 * 我的数据 (PIPL art. 45): everything the village holds about the caller, as one
 * document they can read and download. The roster entry is masked as in every list
 * (the sensitive tier never leaves whole); a secret ballot says only that they took
 * part, never how.
 */
export const MyData = z.object({
  exportedAt: z.string(),
  policyVersion: z.string(),
  account: z.object({
    accountId: Id,
    createdAt: z.string().optional(),
    boundAt: z.string().optional(),
    consent: ConsentRecord.nullable(),
    claims: z.array(Claim),
  }),
  person: RosterPerson.nullable(),
  household: MyHousehold,
  roles: z.array(RoleTerm.omit({ termId: true })),
  cases: z.array(
    z.object({
      caseId: Id,
      kind: CaseKind,
      category: z.string(),
      text: z.string(),
      place: z.string().optional(),
      contactPhone: z.string().optional(), // masked
      status: CaseStatus,
      submittedAt: z.string(),
      reply: z.object({ text: z.string(), at: z.string() }).optional(),
      rating: z.string().optional(),
    }),
  ),
  questions: MySubmissions.shape.questions,
  topics: z.array(
    z.object({
      topicId: Id,
      title: z.string(),
      secret: z.boolean(),
      voted: z.boolean(),
      /** Open (记名) ballots only: a secret one keeps no time either. */
      votedAt: z.string().optional(),
    }),
  ),
  inbox: z.array(InboxItem),
  sessions: z.array(DeviceSession),
});
export type MyData = z.infer<typeof MyData>;

/** What a correction request is about: a field of the register, or something else. */
export const CorrectionField = z.enum(['name', 'idNumber', 'phone', 'household', 'groupName', 'other'], {
  error: '请选择要更正的内容',
});
export type CorrectionField = z.infer<typeof CorrectionField>;
export const correctionFieldLabels: Record<CorrectionField, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  household: '户籍（所在的户）',
  groupName: '村民小组',
  other: '其他',
};

export const CorrectionRequest = z.object({
  field: CorrectionField,
  text: Prose('请写明哪里不对、应当是什么').min(2, '请写明哪里不对、应当是什么').max(300, '最多 300 字'),
});
export const CorrectionReceipt = z.object({
  correctionId: Id,
  field: CorrectionField,
  requestedAt: z.string(),
  /** The committee answers by this day. */
  dueBy: z.string(),
});

export const AccountDeleted = z.object({ deleted: z.literal(true) });

/** The committee's list of correction requests not yet answered, the nearest deadline first. */
export const CorrectionListQuery = z.object({
  villageId: Id.optional(),
  limit: PageQuery.shape.limit,
  cursor: Cursor.optional(),
});
export const OpenCorrection = z.object({
  correctionId: Id,
  personId: Id,
  personName: z.string().optional(),
  field: CorrectionField,
  text: z.string(),
  requestedAt: z.string(),
  dueBy: z.string(),
  /** Its deadline has passed (the village's today). */
  overdue: z.boolean(),
});
export type OpenCorrection = z.infer<typeof OpenCorrection>;
export const CorrectionPage = page(OpenCorrection);

/** The committee's answer: corrected or not, and what the resident is told in their inbox. */
export const ResolveCorrectionRequest = z.object({
  corrected: z.boolean({ error: '请选择是否已更正' }),
  reply: Prose('请写给村民的答复').min(2, '答复至少 2 个字').max(300, '答复最多 300 字'),
});
export const CorrectionResolved = z.object({
  correctionId: Id,
  corrected: z.boolean(),
  resolvedAt: z.string(),
});
export const correctionParams = z.object({ correctionId: z.string().regex(/^[0-9A-Z]{26}$/, '申请编号不正确') });
