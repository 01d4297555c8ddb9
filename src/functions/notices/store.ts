import { GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { lookupWord, pairsOf } from '../../shared/rules/search-words';
import type { Rating } from '../../shared/schemas/case';
import type { Notice, NoticeCategory, NoticeVersion } from '../../shared/schemas/notice';
import { type EntryWrite, getAll, withEntries } from '../lib/batch';
import { dynamo, isConditionFailure, type TransactItem, table, transact } from '../lib/db';
import * as keys from '../lib/keys';
import { type NoticeListGroup, withoutKeys } from '../lib/keys';
import { countAll, indexQuery, prefixQuery, queryAll } from '../lib/query';

/** A stored question: the asker's id and name stay server-side; responses shape them per reader. */
export interface QuestionRecord {
  questionId: string;
  noticeId: string;
  noticeTitle: string; // as it was when asked, for the committee's list of waiting questions
  text: string;
  askedAt: string;
  askedBy: { personId: string; name: string };
  answer?: { text: string; answeredAt: string; answeredBy: { personId: string; name: string } };
}
export interface ReadRecord {
  personId: string;
  name: string;
  groupName?: string;
  readAt: string;
}

export const listGroupOf = (n: Notice): NoticeListGroup =>
  n.status === 'published' || n.status === 'withdrawn' ? 'public' : n.status;
const sortTimeOf = (n: Notice) => (listGroupOf(n) === 'public' ? (n.publishedAt ?? n.updatedAt) : n.updatedAt);

/** Keys last: a head read back from the table carries its old index keys, which must not win. */
export const noticeItem = (n: Notice) => ({
  type: 'notice',
  ...withoutKeys(n),
  ...keys.notice(n.villageId, n.noticeId),
  ...keys.noticeListIndex(n.villageId, listGroupOf(n), n.category, sortTimeOf(n), n.noticeId),
});

/**
 * A public notice's title search entries: one item per pair of neighbouring
 * characters of its title, sorted like the public list (newest first), each with
 * the title and category a search checks. Drafts and notices awaiting review have
 * none: those staff lists hold a handful and are filtered as they are read.
 */
export const titleWordItems = (n: Notice) =>
  listGroupOf(n) === 'public'
    ? pairsOf(n.title).map((pair) => ({
        ...keys.noticeWord(n.villageId, pair, `${sortTimeOf(n)}#${n.noticeId}`),
        type: 'notice-word',
        noticeId: n.noticeId,
        title: n.title,
        category: n.category,
      }))
    : [];

/** A notice with its title's search entries: what the seed writes. */
export const noticeItems = (n: Notice) => [noticeItem(n), ...titleWordItems(n)];

/**
 * A notice's transaction with what it changes in the title's search entries: new
 * or changed ones written, those of pairs gone deleted (a publish writes them all,
 * a correction of the title moves them, a withdrawal leaves them).
 */
export function withTitleWords(transaction: TransactItem[], next: Notice, before?: Notice) {
  const now = titleWordItems(next);
  const was = before ? titleWordItems(before) : [];
  const at = (i: { pk: string; sk: string }) => `${i.pk}\u0000${i.sk}`;
  const wasAt = new Map(was.map((w) => [at(w), w]));
  const nowAt = new Set(now.map(at));
  const writes: EntryWrite[] = [
    ...now
      .filter((i) => {
        const w = wasAt.get(at(i));
        return !w || w.title !== i.title || w.category !== i.category;
      })
      .map((Item) => ({ PutRequest: { Item } })),
    ...was.filter((w) => !nowAt.has(at(w))).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })),
  ];
  return withEntries(transaction, writes);
}

export const versionItem = (villageId: string, v: NoticeVersion) => ({
  ...keys.noticeVersion(villageId, v.noticeId, v.version),
  type: 'notice-version',
  ...v,
});

/** Version 1 of a notice as it is published: its content, who published it, when. */
export const firstVersion = (n: Notice, by: NoticeVersion['publishedBy'], at: string): NoticeVersion => ({
  noticeId: n.noticeId,
  version: 1,
  publishedAt: at,
  publishedBy: by,
  category: n.category,
  title: n.title,
  body: n.body,
  period: n.period,
  major: n.major,
  ledger: n.ledger,
  guide: n.guide,
  attachments: n.attachments,
});

export async function getNotice(villageId: string, noticeId: string): Promise<Notice | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.notice(villageId, noticeId) }));
  return Item && (withoutKeys(Item) as Notice);
}

export type { TransactItem } from '../lib/db';

/**
 * Saves a notice head, guarded by the status and version it was read with, plus any
 * new version and the audit entry, all or nothing. Returns false when another
 * request changed the notice first.
 */
export async function saveNotice(next: Notice, expect: Notice | 'new', extra: TransactItem[]): Promise<boolean> {
  const guard =
    expect === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#s = :s AND version = :v',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': expect.status, ':v': expect.version },
        };
  const { items, afterCommit } = withTitleWords(
    [{ Put: { TableName: table(), Item: noticeItem(next), ...guard } }, ...extra],
    next,
    expect === 'new' ? undefined : expect,
  );
  if (!(await transact(items))) return false;
  await afterCommit();
  return true;
}

export const putVersion = (villageId: string, v: NoticeVersion): TransactItem => ({
  Put: { TableName: table(), Item: versionItem(villageId, v), ConditionExpression: 'attribute_not_exists(pk)' },
});

export async function deleteDraft(villageId: string, noticeId: string, audit: TransactItem): Promise<boolean> {
  return transact([
    {
      Delete: {
        TableName: table(),
        Key: keys.notice(villageId, noticeId),
        ConditionExpression: '#s = :draft',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':draft': 'draft' },
      },
    },
    audit,
  ]);
}

/* ---------- lists ---------- */

/** Bounds the work of one title search over a long list. */
const MAX_QUERY_ROUNDS = 20;
const SEARCH_PAGE = 100;

export interface NoticeListParams {
  villageId: string;
  group: NoticeListGroup;
  category?: NoticeCategory;
  q?: string;
  limit: number;
  /** The list's sort key the last page stopped at, from a cursor this list sealed (lib/cursor.ts). */
  cursor?: string;
}

/** The one Query behind every notice list (also issued directly by the benchmark). */
export function noticeListQuery(p: NoticeListParams, startSortKey?: string, pageSize = p.limit): QueryCommandInput {
  const part = keys.noticeListPartition(p.villageId, p.group, p.category);
  return {
    TableName: table(),
    IndexName: part.index,
    KeyConditionExpression: `${part.pkName} = :pk`,
    ExpressionAttributeValues: { ':pk': part.pk, ...(p.q ? { ':q': p.q } : {}) },
    ...(p.q ? { FilterExpression: 'contains(title, :q)' } : {}),
    ScanIndexForward: false,
    Limit: pageSize,
    ExclusiveStartKey: startSortKey
      ? {
          ...keys.notice(p.villageId, startSortKey.split('#')[1]),
          [part.pkName]: part.pk,
          [part.skName]: startSortKey,
        }
      : undefined,
    ReturnConsumedCapacity: 'TOTAL',
  };
}

/**
 * A public title search of two characters or more reads the search entries of the
 * query's first pair (with `contains` for a longer query), newest first.
 */
function titleWordQuery(p: NoticeListParams, pair: string, exact: boolean, start?: string, pageSize = p.limit) {
  const { pk } = keys.noticeWord(p.villageId, pair, '');
  const clauses = [...(exact ? [] : ['contains(title, :q)']), ...(p.category ? ['category = :c'] : [])];
  return {
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: {
      ':pk': pk,
      ...(exact ? {} : { ':q': p.q }),
      ...(p.category ? { ':c': p.category } : {}),
    },
    ...(clauses.length ? { FilterExpression: clauses.join(' AND ') } : {}),
    ScanIndexForward: false,
    Limit: pageSize,
    ExclusiveStartKey: start ? { pk, sk: start } : undefined,
    ReturnConsumedCapacity: 'TOTAL' as const,
  };
}

/**
 * Newest first. A public title search of two characters or more reads the entries
 * of its first pair, then the page's heads in one BatchGetItem, each checked
 * against the head (an entry may lag behind its notice for a moment). A search of
 * one character, and any search of the staff lists, filters the list partition,
 * reading on until a page is full (bounded).
 */
export async function listNotices(p: NoticeListParams) {
  const part = keys.noticeListPartition(p.villageId, p.group, p.category);
  const word = p.group === 'public' && p.q ? lookupWord(p.q) : undefined;
  const byWord = word?.kind === 'pair' ? word : undefined;
  const filtered = byWord ? !byWord.exact || Boolean(p.category) : Boolean(p.q);
  const skName = byWord ? 'sk' : part.skName;
  const items: (Notice & Record<string, string>)[] = [];
  let start = p.cursor;
  let exhausted = false;
  let consumedCapacity = 0;
  for (let round = 0; round < MAX_QUERY_ROUNDS && items.length < p.limit && !exhausted; round++) {
    const pageSize = filtered ? SEARCH_PAGE : p.limit - items.length;
    const r = await dynamo.send(
      new QueryCommand(
        byWord ? titleWordQuery(p, byWord.word, byWord.exact, start, pageSize) : noticeListQuery(p, start, pageSize),
      ),
    );
    consumedCapacity += r.ConsumedCapacity?.CapacityUnits ?? 0;
    const found = (r.Items ?? []) as (Notice & Record<string, string>)[];
    const taken = found.slice(0, p.limit - items.length);
    items.push(...taken);
    if (taken.length < found.length) start = taken.at(-1)?.[skName];
    else if (r.LastEvaluatedKey) start = r.LastEvaluatedKey[skName] as string;
    else exhausted = true;
  }
  const nextCursor = !exhausted && start ? start : null;
  if (!byWord) return { items: items as Notice[], nextCursor, consumedCapacity };
  const heads = await getAll<Notice>(items.map((i) => keys.notice(p.villageId, i.noticeId)));
  const q = p.q ?? '';
  return {
    items: heads
      .filter(
        (n): n is Notice => Boolean(n) && listGroupOf(n as Notice) === 'public' && (n as Notice).title.includes(q),
      )
      .filter((n) => !p.category || n.category === p.category)
      .map((n) => withoutKeys(n)),
    nextCursor,
    consumedCapacity,
  };
}

export async function lastPublishedAt(villageId: string, category: NoticeCategory): Promise<string | null> {
  const r = await dynamo.send(new QueryCommand(noticeListQuery({ villageId, group: 'public', category, limit: 1 })));
  return (r.Items?.[0]?.publishedAt as string | undefined) ?? null;
}

/* ---------- versions ---------- */

export const listVersions = (villageId: string, noticeId: string) =>
  queryAll<NoticeVersion>(prefixQuery(keys.noticeVersionPrefix(villageId, noticeId), { ScanIndexForward: false }));

export async function getVersion(villageId: string, noticeId: string, version: number) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.noticeVersion(villageId, noticeId, version) }),
  );
  return Item as NoticeVersion | undefined;
}

/* ---------- reads (已读) ---------- */

/** First opening counts; later ones change nothing. */
export async function recordRead(villageId: string, noticeId: string, read: ReadRecord): Promise<void> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: table(),
        Item: { ...keys.noticeRead(villageId, noticeId, read.personId), type: 'notice-read', ...read },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

export const countReaders = (villageId: string, noticeId: string) =>
  countAll(prefixQuery(keys.noticeReadPrefix(villageId, noticeId)));

const READERS_PAGE = 100;
/** `after` is the person id the last page stopped at, from a cursor this list sealed (lib/cursor.ts). */
export async function listReaders(villageId: string, noticeId: string, after?: string) {
  const r = await dynamo.send(
    new QueryCommand(
      prefixQuery(keys.noticeReadPrefix(villageId, noticeId), {
        Limit: READERS_PAGE,
        ExclusiveStartKey: after ? keys.noticeRead(villageId, noticeId, after) : undefined,
      }),
    ),
  );
  const items = (r.Items ?? []) as ReadRecord[];
  return { items, nextCursor: r.LastEvaluatedKey ? (items.at(-1)?.personId ?? null) : null };
}

/* ---------- questions (询问与答复) ---------- */

/** A question item; while unanswered it also sits in the village's open-questions index. */
export const questionItem = (villageId: string, q: QuestionRecord) => ({
  type: 'notice-question',
  ...q,
  ...keys.noticeQuestion(villageId, q.noticeId, q.questionId),
  ...(q.answer ? {} : keys.openQuestionIndex(villageId, q.askedAt, q.questionId)),
  ...keys.askerIndex(villageId, q.askedBy.personId, q.askedAt, q.questionId),
});

export const questionPut = (villageId: string, q: QuestionRecord): TransactItem => ({
  Put: { TableName: table(), Item: questionItem(villageId, q), ConditionExpression: 'attribute_not_exists(pk)' },
});

export async function getQuestion(villageId: string, noticeId: string, questionId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.noticeQuestion(villageId, noticeId, questionId) }),
  );
  return Item as QuestionRecord | undefined;
}

export const listQuestions = (villageId: string, noticeId: string) =>
  queryAll<QuestionRecord>(prefixQuery(keys.noticeQuestionPrefix(villageId, noticeId)));

const MY_QUESTIONS = 50;
/** The questions a person asked, newest first (the last 50). */
export async function listQuestionsBy(villageId: string, personId: string) {
  const r = await dynamo.send(
    new QueryCommand(
      indexQuery(keys.askerPartition(villageId, personId), { ScanIndexForward: false, Limit: MY_QUESTIONS }),
    ),
  );
  return (r.Items ?? []) as QuestionRecord[];
}

const OPEN_QUESTIONS_PAGE = 100;
/** Unanswered questions, the longest waiting first (one page: a village rarely has more waiting). */
export async function listOpenQuestions(villageId: string) {
  const r = await dynamo.send(
    new QueryCommand(indexQuery(keys.openQuestionPartition(villageId), { Limit: OPEN_QUESTIONS_PAGE })),
  );
  return { items: (r.Items ?? []) as QuestionRecord[], more: Boolean(r.LastEvaluatedKey) };
}

/** Only an unanswered question can be answered: the second answer loses, visibly. */
export const answerUpdate = (
  villageId: string,
  q: QuestionRecord,
  answer: NonNullable<QuestionRecord['answer']>,
): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.noticeQuestion(villageId, q.noticeId, q.questionId),
    UpdateExpression: 'SET answer = :a REMOVE gsi1pk, gsi1sk',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer)',
    ExpressionAttributeValues: { ':a': answer },
  },
});

/* ---------- ratings (一满意) ---------- */

/** A stored rating: what was chosen and why, nothing of who or when (the key is a keyed fingerprint). */
export interface RatingRecord {
  noticeId: string;
  rating: Rating;
  reason?: string;
}

export const ratingPut = (villageId: string, raterKey: string, r: RatingRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.noticeRating(villageId, r.noticeId, raterKey), type: 'notice-rating', ...r },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function getRating(villageId: string, noticeId: string, raterKey: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.noticeRating(villageId, noticeId, raterKey), ConsistentRead: true }),
  );
  return Item ? (withoutKeys(Item) as RatingRecord) : undefined;
}

/** Every rating of a notice, in the order of their fingerprints: an order that follows no one. Bounded by the village. */
export const listRatings = (villageId: string, noticeId: string) =>
  queryAll<RatingRecord>(prefixQuery(keys.noticeRatingPrefix(villageId, noticeId)));
