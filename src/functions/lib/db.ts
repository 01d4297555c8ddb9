import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { env } from './env';

const local = env.dynamoEndpoint
  ? {
      endpoint: env.dynamoEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }
  : {};

/** The plain client, for libraries that marshal their own items (Powertools idempotency). */
export const dynamoClient = new DynamoDBClient({ ...local, maxAttempts: 5 });
// We give the client no logger, yet its logger middleware makes a filtered copy of every input and output for
// the no-op one: a few percent of each call's CPU (bench:notices), spent on nothing.
dynamoClient.middlewareStack.remove('loggerMiddleware');
export const dynamo = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});
export const table = () => env.tableName;

export const isConditionFailure = (e: unknown) =>
  e instanceof Error &&
  (e.name === 'ConditionalCheckFailedException' ||
    (e.name === 'TransactionCanceledException' && e.message.includes('ConditionalCheckFailed')));

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

type CommitListener = (items: TransactItem[]) => Promise<void>;
const commitListeners: CommitListener[] = [];
/** A hook for what must follow a committed transaction: the outbox (lib/outbox.ts) hands its events to the queue. */
export const onCommit = (listener: CommitListener) => {
  commitListeners.push(listener);
};
/** Runs the commit hooks; for the few stores that send their own TransactWriteCommand. */
export async function committed(items: TransactItem[]) {
  for (const listener of commitListeners) await listener(items);
}

/** Why DynamoDB cancelled a transaction, item by item (none for another error). */
export const reasonsOf = (e: unknown) => (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
/** Sent again after a conflict, at most this many times in all. */
const CONFLICT_TRIES = 5;

/**
 * Sends a transaction. DynamoDB cancels one that meets another under way on one of
 * its items (two ballots on one tally shard, a double tap) with TransactionConflict,
 * which the SDK does not retry; nothing was written, so it is sent again after a
 * short random wait. A failed condition is an answer, never retried.
 */
export async function sendTransaction(items: TransactItem[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (e) {
      const codes = reasonsOf(e)?.map((r) => r.Code) ?? [];
      const conflicted = codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
      if (!conflicted || attempt >= CONFLICT_TRIES) throw e;
      await sleep(Math.random() * 25 * 2 ** attempt);
    }
  }
}

/** A transaction whose conditions may fail: false then, and nothing written. */
export async function transact(items: TransactItem[]): Promise<boolean> {
  try {
    await sendTransaction(items);
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
  await committed(items);
  return true;
}

/**
 * A transaction whose conditions may fail, telling which: the positions of the
 * items whose condition failed (none when it was written). Anything else throws.
 */
export async function failedConditions(items: TransactItem[]): Promise<number[]> {
  try {
    await sendTransaction(items);
  } catch (e) {
    const reasons = reasonsOf(e);
    if (!reasons) throw e;
    const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
    if (!failed.length) throw e;
    return failed;
  }
  await committed(items);
  return [];
}
