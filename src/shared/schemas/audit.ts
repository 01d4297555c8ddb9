import * as z from 'zod';
import { Cursor, Id, IsoDate, PageQuery, page } from './common';

/**
 * What checking a village's hash-chained audit record (防篡改校验) finds: that
 * every link holds, up to the head whose hash is shown to the village; or the
 * first link that doesn't, and why.
 */
export const ChainProblem = z.enum(['missing_link', 'out_of_order', 'missing_entry', 'changed_entry', 'anchor']);
export type ChainProblem = z.infer<typeof ChainProblem>;
export const ChainCheck = z.union([
  z.object({ ok: z.literal(true), length: z.number().int(), hash: z.string() }),
  z.object({
    ok: z.literal(false),
    length: z.number().int(),
    /** The first link (1 = the oldest entry) that doesn't hold. */
    seq: z.number().int(),
    problem: ChainProblem,
    /** The entry's time (a changed entry) or the anchor's day (an anchor the chain doesn't reach). */
    at: z.string().optional(),
  }),
]);
export type ChainCheck = z.infer<typeof ChainCheck>;

/** The head as anchored each day: shown on 村务公开 and printed in notices' footers. */
export const ChainAnchor = z.object({ day: z.string(), seq: z.number().int(), hash: z.string() });
export type ChainAnchor = z.infer<typeof ChainAnchor>;
export const LatestAnchor = z.object({ anchor: ChainAnchor.nullable() });

/** What an audit entry is about: the first part of its action (notice.correct → notice). */
export const AuditKind = z.enum(
  ['notice', 'case', 'topic', 'person', 'role', 'claim', 'village', 'roster', 'privacy', 'account'],
  { error: '类别应为 notice、case、topic、person、role、claim、village、roster、privacy 或 account' },
);
export type AuditKind = z.infer<typeof AuditKind>;

/** The longest span one list covers: a year of monthly partitions at most. */
export const AUDIT_SPAN_DAYS = 366;

/** 操作记录 filtered by who did it, its kind and the village's local dates; newest first. */
export const AuditListQuery = z
  .object({
    villageId: Id.optional(),
    /** The one who did it (their roster id). */
    person: Id.optional(),
    kind: AuditKind.optional(),
    /** From and to, the village's calendar days, both included; by default the last 30 days. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    limit: PageQuery.shape.limit,
    cursor: Cursor.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], error: '开始日期不能晚于结束日期' })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) < AUDIT_SPAN_DAYS, {
    path: ['from'],
    error: `一次最多查看 ${AUDIT_SPAN_DAYS} 天的记录`,
  });

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const AuditChange = z.object({
  field: z.string(),
  /** Absent for a sensitive field: its name is shown, never its value. */
  before: z.string().optional(),
  after: z.string().optional(),
});

export const AuditListEntry = z.object({
  entryId: z.string(),
  at: z.string(),
  action: z.string(),
  kind: z.string(),
  /** Who did it; absent where naming them would name a petitioner (their own case, a co-signature). */
  actorId: z.string().optional(),
  actorName: z.string().optional(),
  target: z.string(),
  /** The person a register entry is about, by name. */
  targetName: z.string().optional(),
  reason: z.string().optional(),
  changes: z.array(AuditChange),
});
export type AuditListEntry = z.infer<typeof AuditListEntry>;
export const AuditPage = page(AuditListEntry);
