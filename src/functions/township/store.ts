import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Rating } from '../../shared/schemas/case';
import type { NoticeCategory } from '../../shared/schemas/notice';
import type { Cadence } from '../../shared/schemas/settings';
import { dynamo, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';

/** Counts of a village's cases, for one class of viewer (township/summary.ts). */
export interface CaseCounts {
  open: number;
  overdue: number;
  escalated: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
}

/**
 * One village's summary, in its township's partition. Two kinds of field: those
 * worked out again from the village's own items (SET by a refresh, one part at a
 * time) and counters bumped in the transaction of the change they count (ADD:
 * notice ratings, inquiries open), which a refresh never touches.
 */
export interface VillageSummaryRecord {
  villageId: string;
  townshipId: string;
  villageName?: string;
  /** The last publication of each category, and the village's cadence rules: overdue is worked out when read. */
  lastPublished?: Partial<Record<NoticeCategory, string | null>>;
  cadence?: Partial<Record<NoticeCategory, Cadence>>;
  utcOffsetMinutes?: number;
  dueSoonDays?: number;
  /** Cases by who may count them: `ordinary` every township staff member, `care` civil affairs only. */
  cases?: { ordinary: CaseCounts; care: CaseCounts };
  lastVote?: {
    topicId: string;
    title: string;
    closedAt: string;
    participants: number;
    electorate: number;
  } | null;
  adults?: number;
  bound?: number;
  ratedSatisfied?: number;
  ratedBasically?: number;
  ratedUnsatisfied?: number;
  inquiriesOpen?: number;
  lastActivityAt?: string;
  refreshedAt?: string;
}

const ratingCounter: Record<Rating, string> = {
  satisfied: 'ratedSatisfied',
  basically: 'ratedBasically',
  unsatisfied: 'ratedUnsatisfied',
};

const counter = (townshipId: string, villageId: string, attribute: string, by: number): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.villageSummary(townshipId, villageId),
    UpdateExpression: 'SET #type = :type, villageId = :v, townshipId = :t ADD #c :by',
    ExpressionAttributeNames: { '#type': 'type', '#c': attribute },
    ExpressionAttributeValues: { ':type': 'village-summary', ':v': villageId, ':t': townshipId, ':by': by },
  },
});

/** A notice rated: counted in the rating's own transaction (a count, no rater, no time). */
export const countNoticeRating = (townshipId: string, villageId: string, rating: Rating) =>
  counter(townshipId, villageId, ratingCounter[rating], 1);

/**
 * Moves the village's count of open 质询 (formal inquiries) by +1 when one is made, −1 when it is
 * answered or withdrawn: for the inquiries' use cases to put in their own transactions.
 */
export const bumpInquiriesOpen = (townshipId: string, villageId: string, by: 1 | -1) =>
  counter(townshipId, villageId, 'inquiriesOpen', by);

/** Sets the worked-out fields a refresh computed, leaving the counters alone. */
export async function setSummaryFields(townshipId: string, villageId: string, fields: Record<string, unknown>) {
  const entries = Object.entries({ type: 'village-summary', villageId, townshipId, ...fields });
  await dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.villageSummary(townshipId, villageId),
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:f${i}`, v])),
    }),
  );
}

/** Every village summary of a township: one Query (50 villages' items are a few dozen KB, one page). */
export const listSummaries = (townshipId: string) =>
  queryAll<VillageSummaryRecord>(prefixQuery(keys.villageSummaryPrefix(townshipId)));
