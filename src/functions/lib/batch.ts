import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, table } from './db';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
const BATCH = 25; // DynamoDB's limit per BatchWriteItem
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
      if (attempt > 0) await pause(Math.min(2000, 50 * 2 ** attempt));
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
