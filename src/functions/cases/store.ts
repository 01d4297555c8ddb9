import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { supportingStates } from '../../shared/rules/case-flow';
import type {
  CaseAbout,
  CaseKind,
  CaseRoute,
  CaseStatus,
  CaseTrack,
  Duty,
  Intake,
  MeetingAsked,
  Rating,
  TimelineEntry,
} from '../../shared/schemas/case';
import type { PhotoRef } from '../../shared/schemas/photo';
import { getAll } from '../lib/batch';
import { dynamo, failedConditions, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';
import { indexQuery, prefixQuery, queryAll } from '../lib/query';

type PersonRef = { personId: string; name: string };

/** A case as stored. Its petitioner (`submitter`) leaves the server only through the view, for those policy allows. */
export interface CaseRecord {
  caseId: string;
  villageId: string;
  townshipId: string;
  kind: CaseKind;
  categoryId: string;
  care: boolean;
  text: string;
  place?: string;
  /** The contact phone, sealed (lib/sensitive.ts): a table export shows no number. */
  contact?: string;
  photos: PhotoRef[];
  public: boolean;
  anonymous: boolean;
  route: CaseRoute;
  submitter: PersonRef & { groupName?: string };
  enteredBy?: PersonRef & { intake: Intake };
  about?: { kind: CaseAbout; personId?: string; name?: string };
  groupName?: string;
  asksFor?: MeetingAsked;
  status: CaseStatus;
  escalation?: { reason: 'overdue_accept' | 'overdue_resolve' | 'unsatisfied'; at: string; from: CaseStatus };
  assignee?: PersonRef;
  submittedAt: string;
  decidedAt?: string;
  acceptedAt?: string;
  /** Where the resolve clock runs from: the acceptance, or the latest reopening. */
  resolveFrom?: string;
  extension?: { reason: string; at: string };
  /** How an accepted suggestion is taken forward: done at once, or on the needs or project list. */
  track?: { kind: CaseTrack; at: string };
  /** Handed over to another authority (移交), and closed here. */
  transfer?: { to: string; reason: string; at: string; by: string };
  reply?: { text: string; at: string; by: string };
  rating?: { rating: Rating; comment?: string; at: string };
  duty?: Duty;
  mergedInto?: string;
  merged: string[];
  topicId?: string;
  timeline: TimelineEntry[];
  /** The sort key of this case's item on the deadline list, if it has a clock running. */
  clock?: string;
  version: number;
  /** When retention removed its petitioner's identity and contact (cases/retention.ts). */
  anonymisedAt?: string;
}

const headItem = (c: CaseRecord) => ({
  type: 'case',
  ...withoutKeys(c),
  ...keys.caseHead(c.villageId, c.caseId),
  ...(c.public ? keys.publicCaseIndex(c.villageId, c.submittedAt, c.caseId) : {}),
  ...keys.submitterIndex(c.villageId, c.submitter.personId, c.submittedAt, c.caseId),
});

/** Saves the head whole, guarded by the version it was read at (or as new). */
export const putCase = (c: CaseRecord, readVersion: number | 'new'): TransactItem => ({
  Put: {
    TableName: table(),
    Item: headItem({ ...c, version: readVersion === 'new' ? 1 : readVersion + 1 }),
    ...(readVersion === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': readVersion } }),
  },
});

/** Moves the case's entry on the deadline list: the old one out, the next one (if any) in. */
export function clockItems(c: CaseRecord, next: string | undefined, before?: string): TransactItem[] {
  if (next === before) return [];
  const out: TransactItem[] = [];
  if (before) out.push({ Delete: { TableName: table(), Key: { pk: keys.caseClockPartition().pk, sk: before } } });
  if (next)
    out.push({
      Put: {
        TableName: table(),
        Item: {
          pk: keys.caseClockPartition().pk,
          sk: next,
          type: 'case-clock',
          villageId: c.villageId,
          caseId: c.caseId,
        },
      },
    });
  return out;
}
export const clockKey = (dueAt: string, c: Pick<CaseRecord, 'villageId' | 'caseId'>) =>
  keys.caseClock(dueAt, c.villageId, c.caseId).sk;

export async function getCase(villageId: string, caseId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.caseHead(villageId, caseId), ConsistentRead: true }),
  );
  return Item ? (withoutKeys(Item) as CaseRecord) : undefined;
}

/** The heads of a page of cases, in one batch (consistent, like a case opened alone); those gone are left out. */
export async function getCases(villageId: string, caseIds: string[]) {
  const heads = await getAll<Record<string, unknown>>(
    caseIds.map((id) => keys.caseHead(villageId, id)),
    { ConsistentRead: true },
  );
  return heads.flatMap((h) => (h ? [withoutKeys(h) as unknown as CaseRecord] : []));
}

/** Every case of a village, oldest first: the staff work lists and the dashboard. */
export const listVillageCases = (villageId: string) =>
  queryAll<CaseRecord>(prefixQuery(keys.caseHeadPrefix(villageId))).then((items) =>
    items.map((i) => withoutKeys(i) as CaseRecord),
  );

/**
 * One page of an index list (public cases, or one person's), newest first. The
 * position is the index sort key (`createdAt#caseId`) the last page stopped at;
 * it reaches here only from a cursor this list sealed (lib/cursor.ts).
 */
export async function pageIndex(
  part: { index: string; pk: string },
  villageId: string,
  limit: number,
  after?: string,
): Promise<{ items: CaseRecord[]; nextCursor: string | null }> {
  const start = after
    ? {
        ...keys.caseHead(villageId, after.slice(after.lastIndexOf('#') + 1)),
        [`${part.index}pk`]: part.pk,
        [`${part.index}sk`]: after,
      }
    : undefined;
  const r = await dynamo.send(
    new QueryCommand({ ...indexQuery(part, { ScanIndexForward: false, Limit: limit }), ExclusiveStartKey: start }),
  );
  const items = await getCases(
    villageId,
    (r.Items ?? []).map((i) => String(i.sk).slice('CASE#'.length)),
  );
  const next = r.LastEvaluatedKey?.[`${part.index}sk`];
  return { items, nextCursor: typeof next === 'string' ? next : null };
}

/* ---------- the needs and project lists (需求清单, 项目清单) ---------- */

const trackMarker = (c: CaseRecord, track: { kind: CaseTrack; at: string }) =>
  keys.caseTrack(c.villageId, track.kind, track.at, c.caseId);

/** Moves a case onto the list of its new track (off the one it was on), in the step's transaction. */
export const trackItems = (c: CaseRecord, next: { kind: CaseTrack; at: string }): TransactItem[] => [
  ...(c.track ? [{ Delete: { TableName: table(), Key: trackMarker(c, c.track) } }] : []),
  { Put: { TableName: table(), Item: { ...trackMarker(c, next), type: 'case-track', caseId: c.caseId } } },
];

/** One page of a list, newest on it first. The position is the marker's sort key (`at#caseId`) the last page stopped at. */
export async function pageTrack(villageId: string, kind: CaseTrack, limit: number, after?: string) {
  const pk = keys.caseTrack(villageId, kind, '', '').pk;
  const r = await dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: after ? { pk, sk: after } : undefined,
    }),
  );
  const items = await getCases(
    villageId,
    (r.Items ?? []).map((i) => String(i.caseId)),
  );
  const next = r.LastEvaluatedKey?.sk;
  return { items, nextCursor: typeof next === 'string' ? next : null };
}

/* ---------- 附议: one marker per person, counted in shards so a crowd can second at once ---------- */

export const SECOND_SHARDS = 10;

export async function second(c: CaseRecord, personId: string, at: string): Promise<'counted' | 'already' | 'closed'> {
  const shard = Math.floor(Math.random() * SECOND_SHARDS);
  const failed = await failedConditions([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.caseSecond(c.villageId, c.caseId, personId), type: 'case-second', at },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.caseSecondShard(c.villageId, c.caseId, shard),
        UpdateExpression: 'ADD seconds :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      ConditionCheck: {
        TableName: table(),
        Key: keys.caseHead(c.villageId, c.caseId),
        ConditionExpression: `#s IN (${supportingStates.map((_, i) => `:s${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: Object.fromEntries(supportingStates.map((state, i) => [`:s${i}`, state])),
      },
    },
  ]);
  return failed.includes(0) ? 'already' : failed.includes(2) ? 'closed' : 'counted';
}

export async function countSeconds(villageId: string, caseId: string) {
  const shards = await queryAll<{ seconds?: number }>(prefixQuery(keys.caseSecondShardPrefix(villageId, caseId)));
  return shards.reduce((n, s) => n + Number(s.seconds ?? 0), 0);
}

/**
 * The 附议 counts of a list's cases, every shard of each in batches of 100 keys: a
 * page of 20 suggestions is 2 calls, not 20 Queries (a shard that was never written
 * reads as nothing). In the order asked for.
 */
export async function countSecondsOf(villageId: string, caseIds: string[]) {
  const shardKeys = caseIds.flatMap((id) =>
    Array.from({ length: SECOND_SHARDS }, (_, n) => keys.caseSecondShard(villageId, id, n)),
  );
  const shards = await getAll<{ seconds?: number }>(shardKeys, { ProjectionExpression: 'pk, sk, seconds' });
  return caseIds.map((_, i) =>
    shards.slice(i * SECOND_SHARDS, (i + 1) * SECOND_SHARDS).reduce((n, s) => n + Number(s?.seconds ?? 0), 0),
  );
}

/** Who seconded a case: read only when a merge carries them over. */
export async function seconders(villageId: string, caseId: string) {
  const markers = await queryAll<{ sk: string }>(
    prefixQuery(keys.caseSecondPrefix(villageId, caseId), { ProjectionExpression: 'sk' }),
  );
  return markers.map((m) => m.sk.slice('SECOND#'.length));
}

/** Only a suggestion is seconded (附议), so only one merged into another carries its supporters over. */
export const carriesSeconds = (from: CaseRecord, into: CaseRecord) =>
  from.kind === 'suggestion' && into.kind === 'suggestion';

/**
 * A suggestion merged into another is the same wish: its author and its 附议 now second the case it joined,
 * each person once (the marker sees to that) and never its own author. Carried after the merge is saved, a few
 * at a time; a person already seconding it simply stays counted once.
 */
export async function carrySeconds(from: CaseRecord, into: CaseRecord, at: string) {
  if (!carriesSeconds(from, into)) return;
  const supporters = new Set([from.submitter.personId, ...(await seconders(from.villageId, from.caseId))]);
  supporters.delete(into.submitter.personId);
  const queue = [...supporters];
  for (let i = 0; i < queue.length; i += CARRY_AT_ONCE)
    await Promise.all(queue.slice(i, i + CARRY_AT_ONCE).map((p) => second(into, p, at)));
}
const CARRY_AT_ONCE = 16;

async function exists(key: { pk: string; sk: string }) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: key, ProjectionExpression: 'pk' }));
  return Boolean(Item);
}
export const hasSeconded = (villageId: string, caseId: string, personId: string) =>
  exists(keys.caseSecond(villageId, caseId, personId));
export const hasCoSigned = (villageId: string, caseId: string, personId: string) =>
  exists(keys.caseCoSign(villageId, caseId, personId));

/* ---------- 联名: a marker per co-signer (a representative or not, at the moment of signing) and a running count ---------- */

export interface CoSignCount {
  coSigners: number;
  representatives: number;
}

export async function coSign(
  c: CaseRecord,
  personId: string,
  representative: boolean,
  at: string,
): Promise<'counted' | 'already'> {
  const failed = await failedConditions([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.caseCoSign(c.villageId, c.caseId, personId), type: 'case-cosign', at, representative },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.caseCoSignCount(c.villageId, c.caseId),
        UpdateExpression: 'ADD coSigners :one, representatives :rep',
        ExpressionAttributeValues: { ':one': 1, ':rep': representative ? 1 : 0 },
      },
    },
  ]);
  return failed.length ? 'already' : 'counted';
}

export async function coSignCount(villageId: string, caseId: string): Promise<CoSignCount> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.caseCoSignCount(villageId, caseId), ConsistentRead: true }),
  );
  return { coSigners: Number(Item?.coSigners ?? 0), representatives: Number(Item?.representatives ?? 0) };
}

/* ---------- the deadline list ---------- */

/** Cases whose next deadline has passed, across villages, earliest first (the scheduled escalation). */
export const DUE_PAGE = 25;
export async function dueCases(now: Date, limit = DUE_PAGE) {
  const r = await dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk <= :now',
      ExpressionAttributeValues: { ':pk': keys.caseClockPartition().pk, ':now': now.toISOString() },
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map((i) => ({ sk: String(i.sk), villageId: String(i.villageId), caseId: String(i.caseId) }));
}

/** A clock entry whose case no longer exists or no longer holds it. */
export const dropClock = (sk: string) =>
  dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk: keys.caseClockPartition().pk, sk } }));
