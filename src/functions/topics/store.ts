import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Channel, Topic } from '../../shared/schemas/topic';
import { putAll } from '../lib/batch';
import { dynamo, failedConditions, type TransactItem, table } from '../lib/db';
import { keys, withoutKeys } from '../lib/keys';
import { indexQuery, prefixQuery, queryAll } from '../lib/query';

/** A topic as stored: the view without the caller's own standing. */
export type TopicRecord = Omit<Topic, 'me'>;

/** One place in the frozen electorate: a person, or a household (户) voting once. */
export interface VoterRecord {
  voterKey: string;
  name: string; // the person, or the household's head
  personIds: string[]; // who may cast this vote (a household's adults)
  votedAt?: string;
  channel?: Channel;
}

export interface BallotRecord {
  choices: string[];
  channel: Channel;
  proxy?: boolean;
  /** Only on an open (记名) ballot: who cast it. A secret ballot carries nothing that names its voter. */
  voterKey?: string;
  name?: string;
}

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
/** A village's newest topics (one page: a village decides a few dozen matters a year). */
export async function listTopics(villageId: string) {
  const r = await dynamo.send(
    new QueryCommand(indexQuery(keys.topicListPartition(villageId), { ScanIndexForward: false, Limit: TOPICS_PAGE })),
  );
  const hits = (r.Items ?? []) as { pk: string }[];
  const topics = await Promise.all(hits.map((h) => getTopic(villageId, h.pk.split('#T#')[1])));
  return topics.filter((t): t is TopicRecord => Boolean(t));
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

export const listVoters = (villageId: string, topicId: string) =>
  queryAll<VoterRecord>(prefixQuery(keys.topicVoterPrefix(villageId, topicId)));

export async function ballotExists(villageId: string, topicId: string, ballotKey: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.topicBallot(villageId, topicId, ballotKey), ConsistentRead: true }),
  );
  return Boolean(Item);
}

export const listBallots = (villageId: string, topicId: string) =>
  queryAll<BallotRecord>(prefixQuery(keys.topicBallotPrefix(villageId, topicId)));

export type CastOutcome = 'counted' | 'already-voted' | 'closed';

/**
 * One vote, all or nothing: the voter's marker (only if not yet voted), the
 * ballot (keyed by the receipt's hash), one tally shard, and a check that the
 * topic is still open, with whatever the caller adds (a scrutineer's audit
 * entry). Whichever channel arrives first counts; the second
 * fails its condition.
 */
export async function cast(
  t: TopicRecord,
  voter: { voterKey: string; castBy: string },
  ballotKey: string,
  ballot: BallotRecord,
  now: Date,
  more: TransactItem[] = [],
): Promise<CastOutcome> {
  const at = now.toISOString();
  const shard = Math.floor(Math.random() * TALLY_SHARDS);
  const names: Record<string, string> = {};
  const adds = ['participants :one'];
  ballot.choices.forEach((c, i) => {
    names[`#o${i}`] = tallyAttribute(c);
    adds.push(`#o${i} :one`);
  });
  const failed = await failedConditions([
    {
      Update: {
        TableName: table(),
        Key: keys.topicVoter(t.villageId, t.topicId, voter.voterKey),
        UpdateExpression: 'SET votedAt = :at, channel = :c, castBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(votedAt)',
        ExpressionAttributeValues: { ':at': at, ':c': ballot.channel, ':by': voter.castBy },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.topicBallot(t.villageId, t.topicId, ballotKey), type: 'ballot', ...ballot },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.topicTally(t.villageId, t.topicId, shard),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      ConditionCheck: {
        TableName: table(),
        Key: keys.topic(t.villageId, t.topicId),
        ConditionExpression: '#s = :open AND closesAt > :at',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':at': at },
      },
    },
    ...more,
  ]);
  if (failed.includes(3)) return 'closed';
  if (failed.includes(0) || failed.includes(1)) return 'already-voted';
  if (failed.length) throw new Error(`vote transaction refused by item ${failed.join(', ')}`);
  return 'counted';
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
