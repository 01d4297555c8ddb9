import * as z from 'zod';
import { Id } from './common';
import { NoticeCategory } from './notice';

/**
 * The township's table of its villages (issue 14 §3): one row per village, read from
 * the summary items its villages keep up to date as things happen (township/summary.ts).
 */
export const townshipSortKeys = [
  'name',
  'disclosureOverdue',
  'casesOpen',
  'casesOverdue',
  'casesEscalated',
  'caseSatisfaction',
  'turnout',
  'bindingRate',
  'inquiriesOpen',
  'noticeSatisfaction',
  'lastActivity',
] as const;
export const TownshipSort = z.enum(townshipSortKeys, { error: '排序字段不正确' });
export type TownshipSort = z.infer<typeof TownshipSort>;
export const TownshipTableQuery = z.object({
  sort: TownshipSort.optional(),
  order: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }).optional(),
});
export type TownshipTableQuery = z.infer<typeof TownshipTableQuery>;

const Rate = z.number().nullable(); // 0–1; null where there is nothing to divide by yet
export const VillageRow = z.object({
  villageId: Id,
  villageName: z.string(),
  disclosure: z.object({ overdue: z.array(NoticeCategory), due: z.array(NoticeCategory) }),
  /** Cases the caller may see (a care concern counts only for civil-affairs staff). */
  cases: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    escalated: z.number().int(),
    rated: z.number().int(),
    satisfaction: Rate,
  }),
  lastVote: z
    .object({
      topicId: Id,
      title: z.string(),
      closedAt: z.string(),
      participants: z.number().int(),
      electorate: z.number().int(),
      turnout: Rate,
    })
    .nullable(),
  binding: z.object({ bound: z.number().int(), adults: z.number().int(), rate: Rate }),
  inquiriesOpen: z.number().int(),
  notices: z.object({ rated: z.number().int(), satisfaction: Rate }),
  lastActivityAt: z.string().nullable(),
  /** When the counts that move with time alone (cases overdue, adults) were last worked out. */
  refreshedAt: z.string().nullable(),
});
export type VillageRow = z.infer<typeof VillageRow>;
export const TownshipTable = z.object({
  townshipId: Id,
  asOf: z.string(),
  sort: TownshipSort,
  order: z.enum(['asc', 'desc']),
  items: z.array(VillageRow),
});
export type TownshipTable = z.infer<typeof TownshipTable>;
