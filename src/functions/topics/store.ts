import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Channel, Topic } from '../../shared/schemas/topic';
import { getAll, putAll } from '../lib/batch';
import { dynamo, failedConditions, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';
import { indexQuery, prefixQuery, queryAll } from '../lib/query';

/** A topic as stored: the view without the caller's own standing. */
export type TopicRecord = Omit<Topic, 'me'>;

/**
 * One place in the frozen electorate: a person, or a household (户) voting once.
 * Once their vote is in: by whom and on which channel, nothing finer. The time is
 * kept only on an open (记名) ballot, whose ballots name their voters anyway; on a
 * secret one a time would line the marker up with an audit entry or a ballot.
 */
export interface VoterRecord {
  voterKey: string;
  name: string; // the person, or the household's head
  personIds: string[]; // who may cast this vote (a household's adults)
  voted?: boolean;
  votedAt?: string; // open ballots only
  channel?: Channel;
  castBy?: string; // which of the household's adults
  proxy?: boolean; // 委托投票, as the scrutineer marked it
}

/**
 * A secret ballot is its choices and nothing else: no channel, no time, no voter,
 * keyed by a random-looking hash, so a ballot from the app and one from the box
 * look the same. An open (记名) ballot names its voter and how it was cast.
 */
export type BallotRecord =
  | { choices: string[] }
  | { choices: string[]; channel: Channel; proxy?: boolean; voterKey: string; name: string };

export interface CommentRecord {
  commentId: string;
  text: string; // kept when hidden: the moderation is visible, the record is not destroyed
  at: string;
  by: { personId: string; name: string };
  hidden?: { reason: string; at: string; by: { personId: string; name: string } };
}

export const putComment = (
  villageId: string,
  topicId: string,
  c: CommentRecord,
  expectVisible: boolean,
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.topicComment(villageId, topicId, c.commentId), type: 'topic-comment', ...c },
    ...(expectVisible
      ? {
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#h)',
          ExpressionAttributeNames: { '#h': 'hidden' },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' }),
  },
});

export async function getComment(villageId: string, topicId: string, commentId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.topicComment(villageId, topicId, commentId) }),
  );
  return Item ? (withoutKeys(Item) as CommentRecord) : undefined;
}

export const listComments = (villageId: string, topicId: string) =>
  queryAll<CommentRecord>(prefixQuery(keys.topicCommentPrefix(villageId, topicId)));

export const TALLY_SHARDS = 10;
/** Counter attribute per option: option ids are our own (approve, o1…), so the name is safe. */
export const tallyAttribute = (optionId: string) => `c_${optionId}`;

export const topicItem = (t: TopicRecord) => ({
  type: 'topic',
  ...withoutKeys(t),
  ...keys.topic(t.villageId, t.topicId),
  ...keys.topicListIndex(t.villageId, t.createdAt, t.topicId),
  ...(t.status === 'open' ? keys.openTopicIndex(t.closesAt, t.villageId, t.topicId) : {}),
});

export async function getTopic(villageId: string, topicId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.topic(villageId, topicId), ConsistentRead: true }),
  );
  return Item ? (withoutKeys(Item) as TopicRecord) : undefined;
}

const TOPICS_PAGE = 50;
/** A village's newest topics (one page: a village decides a few dozen matters a year), their heads in one batch. */
export async function listTopics(villageId: string) {
  const r = await dynamo.send(
    new QueryCommand(indexQuery(keys.topicListPartition(villageId), { ScanIndexForward: false, Limit: TOPICS_PAGE })),
  );
  const hits = (r.Items ?? []) as { pk: string }[];
  const heads = await getAll<Record<string, unknown>>(
    hits.map((h) => keys.topic(villageId, h.pk.split('#T#')[1])),
    { ConsistentRead: true },
  );
  return heads.flatMap((h) => (h ? [withoutKeys(h) as unknown as TopicRecord] : []));
}

/** Saves the head whole, guarded by the status it was read with. */
export const putTopic = (t: TopicRecord, expectStatus: Topic['status'] | 'new'): TransactItem => ({
  Put: {
    TableName: table(),
    Item: topicItem(t),
    ...(expectStatus === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          ConditionExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': expectStatus },
        }),
  },
});

/** Freezes the electorate: one item per voter, written before the head says "open". */
export const writeElectorate = (villageId: string, topicId: string, voters: VoterRecord[]) =>
  putAll(voters.map((v) => ({ ...keys.topicVoter(villageId, topicId, v.voterKey), type: 'voter', ...v })));

export async function getVoter(villageId: string, topicId: string, voterKey: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.topicVoter(villageId, topicId, voterKey), ConsistentRead: true }),
  );
  return Item as VoterRecord | undefined;
}

export async function ballotExists(villageId: string, topicId: string, ballotKey: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.topicBallot(villageId, topicId, ballotKey), ConsistentRead: true }),
  );
  return Boolean(Item);
}

/** 'added-refused': only an item the caller added (a retry mark) failed its condition. */
export type CastOutcome = 'counted' | 'already-voted' | 'closed' | 'added-refused';

const shardOf = () => Math.floor(Math.random() * TALLY_SHARDS);

const stillOpen = (t: TopicRecord, at: string): TransactItem => ({
  ConditionCheck: {
    TableName: table(),
    Key: keys.topic(t.villageId, t.topicId),
    ConditionExpression: '#s = :open AND closesAt > :at',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':open': 'open', ':at': at },
  },
});

/** The voter's marker, set once: whichever channel comes first counts, the second fails its condition. */
function markVoter(
  t: TopicRecord,
  voter: { voterKey: string; castBy: string },
  channel: Channel,
  at: string,
  proxy?: boolean,
): TransactItem {
  const set = ['voted = :t', 'channel = :c', 'castBy = :by'];
  const values: Record<string, unknown> = { ':t': true, ':c': channel, ':by': voter.castBy };
  if (!t.secret) {
    set.push('votedAt = :at');
    values[':at'] = at;
  }
  if (proxy) {
    set.push('proxy = :p');
    values[':p'] = true;
  }
  return {
    Update: {
      TableName: table(),
      Key: keys.topicVoter(t.villageId, t.topicId, voter.voterKey),
      UpdateExpression: `SET ${set.join(', ')}`,
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(voted)',
      ExpressionAttributeValues: values,
    },
  };
}

/** A name on the list of who took part, beside the marker; an open ballot's choices with it, a secret one's never. */
export interface TookPartRecord {
  name: string;
  channel: Channel;
  choices?: string[];
}

const putTookPart = (
  t: TopicRecord,
  voter: { voterKey: string; name: string },
  channel: Channel,
  at: string,
  choices: string[],
): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.topicTookPart(t.villageId, t.topicId, t.secret ? voter.voterKey : `${at}#${voter.voterKey}`),
      type: 'took-part',
      name: voter.name,
      channel,
      ...(t.secret ? {} : { choices }),
    },
  },
});

/** One page of who took part (the position is the last sort key read), at most `limit` names: one Query. */
export async function pageTookPart(villageId: string, topicId: string, limit: number, after?: string) {
  const part = keys.topicTookPartPrefix(villageId, topicId);
  const r = await dynamo.send(
    new QueryCommand({
      ...prefixQuery(part, {
        ProjectionExpression: '#n, channel, choices',
        ExpressionAttributeNames: { '#n': 'name' },
      }),
      Limit: limit,
      ExclusiveStartKey: after ? { pk: part.pk, sk: after } : undefined,
    }),
  );
  const next = r.LastEvaluatedKey?.sk;
  return { items: (r.Items ?? []) as TookPartRecord[], nextCursor: typeof next === 'string' ? next : undefined };
}

function addToTally(t: TopicRecord, shard: number, counts: Map<string, number>): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds = [...counts].map(([attr, n], i) => {
    names[`#a${i}`] = attr;
    values[`:n${i}`] = n;
    return `#a${i} :n${i}`;
  });
  return {
    Update: {
      TableName: table(),
      Key: keys.topicTally(t.villageId, t.topicId, shard),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const choiceCounts = (ballots: string[][]) => {
  const counts = new Map<string, number>();
  for (const c of ballots.flat()) counts.set(tallyAttribute(c), (counts.get(tallyAttribute(c)) ?? 0) + 1);
  return counts;
};

/**
 * Who took part and what was chosen go to two independently drawn shards: a shard
 * holds a person's turnout beside their choice no more often than chance puts a
 * marked voter and a ballot from the box there, so the shards can't tell a ballot
 * cast in the app from one entered from the box.
 */
function tallyItems(t: TopicRecord, participants: number, ballots: string[][]): TransactItem[] {
  const [p, c] = [shardOf(), shardOf()];
  const choices = choiceCounts(ballots);
  if (p === c) return [addToTally(t, p, new Map([['participants', participants], ...choices]))];
  return [addToTally(t, p, new Map([['participants', participants]])), addToTally(t, c, choices)];
}

const putBallot = (t: TopicRecord, ballotKey: string, ballot: BallotRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.topicBallot(t.villageId, t.topicId, ballotKey), type: 'ballot', ...ballot },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * One vote, all or nothing: the voter's marker (only if not yet voted), the
 * ballot (keyed by the receipt's hash), the tally, and a check that the topic
 * is still open, with whatever the caller adds (a scrutineer's audit entry).
 */
export async function cast(
  t: TopicRecord,
  voter: { voterKey: string; castBy: string; name: string },
  channel: Channel,
  ballotKey: string,
  ballot: BallotRecord,
  now: Date,
  more: TransactItem[] = [],
): Promise<CastOutcome> {
  const at = now.toISOString();
  const own = [
    stillOpen(t, at),
    markVoter(t, voter, channel, at, 'proxy' in ballot ? ballot.proxy : undefined),
    putBallot(t, ballotKey, ballot),
    ...tallyItems(t, 1, [ballot.choices]),
    putTookPart(t, voter, channel, at, ballot.choices),
  ];
  const failed = await failedConditions([...own, ...more]);
  if (failed.includes(0)) return 'closed';
  if (failed.includes(1) || failed.includes(2)) return 'already-voted';
  if (failed.length && failed.every((i) => i >= own.length)) return 'added-refused';
  if (failed.length) throw new Error(`vote transaction refused by item ${failed.join(', ')}`);
  return 'counted';
}

export async function getRegister(villageId: string, topicId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.topicRegister(villageId, topicId), ConsistentRead: true }),
  );
  return { marked: Number(Item?.marked ?? 0), entered: Number(Item?.entered ?? 0) };
}

export type MarkOutcome = { marked: true } | { marked: false; closed: boolean; alreadyVoted: number[] };

/**
 * 登记领票: the markers of the people who received a ballot offline, counted as
 * taking part, and the register's count of ballots still to come from the box,
 * all or nothing.
 */
export async function markVoters(
  t: TopicRecord,
  voters: { voterKey: string; castBy: string; name: string }[],
  channel: Channel,
  proxy: boolean,
  now: Date,
  more: TransactItem[] = [],
): Promise<MarkOutcome> {
  const at = now.toISOString();
  const n = voters.length;
  const failed = await failedConditions([
    stillOpen(t, at),
    ...voters.map((v) => markVoter(t, v, channel, at, proxy)),
    addToTally(t, shardOf(), new Map([['participants', n]])),
    {
      Update: {
        TableName: table(),
        Key: keys.topicRegister(t.villageId, t.topicId),
        UpdateExpression: 'ADD marked :n, unentered :n',
        ExpressionAttributeValues: { ':n': n },
      },
    },
    ...voters.map((v) => putTookPart(t, v, channel, at, [])),
    ...more,
  ]);
  if (!failed.length) return { marked: true };
  const closed = failed.includes(0);
  const alreadyVoted = failed.filter((i) => i >= 1 && i <= n).map((i) => i - 1);
  if (!closed && !alreadyVoted.length) throw new Error(`register transaction refused by item ${failed.join(', ')}`);
  return { marked: false, closed, alreadyVoted };
}

export type EnterOutcome = 'entered' | 'too-many' | 'closed';

/**
 * 录入票箱: anonymous ballots, each under a random key, their choices added to the
 * tally, never more than the people marked and not yet matched by a ballot.
 */
export async function enterBallots(
  t: TopicRecord,
  ballots: { key: string; choices: string[] }[],
  now: Date,
  more: TransactItem[] = [],
): Promise<EnterOutcome> {
  const at = now.toISOString();
  const failed = await failedConditions([
    {
      Update: {
        TableName: table(),
        Key: keys.topicRegister(t.villageId, t.topicId),
        UpdateExpression: 'SET unentered = unentered - :n ADD entered :n',
        ConditionExpression: 'unentered >= :n',
        ExpressionAttributeValues: { ':n': ballots.length },
      },
    },
    stillOpen(t, at),
    addToTally(t, shardOf(), choiceCounts(ballots.map((b) => b.choices))),
    ...ballots.map((b) => putBallot(t, b.key, { choices: b.choices })),
    ...more,
  ]);
  if (failed.includes(1)) return 'closed';
  if (failed.includes(0)) return 'too-many';
  if (failed.length) throw new Error(`ballot box transaction refused by item ${failed.join(', ')}`);
  return 'entered';
}

/** The count, summed over the shards: participants and votes per option. */
export async function tally(villageId: string, topicId: string) {
  const shards = await queryAll<Record<string, unknown>>(prefixQuery(keys.topicTallyPrefix(villageId, topicId)));
  const sum = (attr: string) => shards.reduce((n, s) => n + Number(s[attr] ?? 0), 0);
  return { participants: sum('participants'), votesFor: (optionId: string) => sum(tallyAttribute(optionId)) };
}

/** Topics whose window has passed and are still open, across villages (the scheduled closer). */
export async function dueTopics(now: Date) {
  const r = await dynamo.send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
      ExpressionAttributeValues: { ':pk': 'TOPICS#open', ':now': now.toISOString() },
      Limit: 25,
    }),
  );
  return (r.Items ?? []).map((i) => {
    const [, villageId, topicId] = String(i.gsi2sk).split('#');
    return { villageId, topicId };
  });
}
