import { setTimeout as sleep } from 'node:timers/promises';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo, type TransactItem, table } from './db';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
const BATCH = 25; // DynamoDB's limit per BatchWriteItem
const GET_BATCH = 100; // and per BatchGetItem

/**
 * Writes many requests in batches of 25, retrying what DynamoDB leaves unprocessed
 * with backoff. Not atomic: callers write things a re-run converges on (whole
 * items keyed by id, deletions). Returns the write capacity consumed.
 */
async function writeAll(requests: WriteRequest[], concurrency: number): Promise<number> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH) batches.push(requests.slice(i, i + BATCH));
  let consumed = 0;
  const writeBatch = async (first: WriteRequest[]) => {
    let pending = first;
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt > 10) throw new Error('batch write kept leaving items unprocessed');
      if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
      const r = await dynamo.send(
        new BatchWriteCommand({ RequestItems: { [table()]: pending }, ReturnConsumedCapacity: 'TOTAL' }),
      );
      for (const c of r.ConsumedCapacity ?? []) consumed += c.CapacityUnits ?? 0;
      pending = r.UnprocessedItems?.[table()] ?? [];
    }
  };
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) await writeBatch(batch);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return consumed;
}

export type EntryWrite = WriteRequest;
const TRANSACTION_LIMIT = 100; // DynamoDB's limit of items per TransactWriteItems

/**
 * Index entries that follow an item (its search words) ride in the item's
 * transaction while they fit in DynamoDB's 100 items; the rest are written by
 * `afterCommit`, right after the transaction commits. Those may lag for a moment
 * (after a crash, until the item's next save), so a reader checks every hit against
 * the item itself.
 */
export function withEntries(transaction: TransactItem[], entries: EntryWrite[]) {
  const room = Math.max(0, TRANSACTION_LIMIT - transaction.length);
  const inside: TransactItem[] = entries
    .slice(0, room)
    .map((e) =>
      e.PutRequest
        ? { Put: { TableName: table(), Item: e.PutRequest.Item } }
        : { Delete: { TableName: table(), Key: e.DeleteRequest?.Key } },
    );
  const rest = entries.slice(room);
  return { items: [...transaction, ...inside], afterCommit: () => (rest.length ? writeAll(rest, 4) : 0) };
}

export const putAll = (items: Record<string, unknown>[], concurrency = 4) =>
  writeAll(
    items.map((Item) => ({ PutRequest: { Item } })),
    concurrency,
  );

export const deleteAll = (keys: { pk: string; sk: string }[], concurrency = 4) =>
  writeAll(
    keys.map((Key) => ({ DeleteRequest: { Key } })),
    concurrency,
  );

type Key = { pk: string; sk: string };
type GetOptions = Omit<NonNullable<BatchGetCommandInput['RequestItems']>[string], 'Keys'>;

/**
 * Items by key, 100 to a BatchGetItem, retrying what DynamoDB leaves unprocessed
 * with backoff: a page of N heads costs ceil(N / 100) calls, not N. Answers in the
 * order of the keys asked for, undefined where no item exists.
 */
export async function getAll<T>(wanted: Key[], options: GetOptions = {}): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  const id = (k: Record<string, unknown>) => `${k.pk}\u0000${k.sk}`;
  const unique = [...new Map(wanted.map((k) => [id(k), { pk: k.pk, sk: k.sk }])).values()];
  const chunks: Key[][] = [];
  for (let i = 0; i < unique.length; i += GET_BATCH) chunks.push(unique.slice(i, i + GET_BATCH));
  await Promise.all(
    chunks.map(async (chunk) => {
      let pending: Record<string, unknown>[] = chunk;
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 10) throw new Error('batch get kept leaving keys unprocessed');
        if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
        const r = await dynamo.send(
          new BatchGetCommand({ RequestItems: { [table()]: { ...options, Keys: pending } } }),
        );
        for (const item of r.Responses?.[table()] ?? []) found.set(id(item), item as T);
        pending = r.UnprocessedKeys?.[table()]?.Keys ?? [];
      }
    }),
  );
  return wanted.map((k) => found.get(id(k)));
}
