import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, table } from './db';

/** Items of one partition whose sort key starts with a prefix (the shape of most of our reads). */
export const prefixQuery = (
  key: { pk: string; skPrefix: string },
  extra: Partial<QueryCommandInput> = {},
): QueryCommandInput => ({
  TableName: table(),
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
  ...extra,
  ExpressionAttributeValues: { ':pk': key.pk, ':prefix': key.skPrefix, ...extra.ExpressionAttributeValues },
});

/** Every page of a query, following LastEvaluatedKey. */
export async function* pages(input: QueryCommandInput) {
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield r;
    start = r.LastEvaluatedKey;
  } while (start);
}

/** Every item a query matches. Only for partitions bounded by the domain (a village's roster, a notice's questions). */
export async function queryAll<T>(input: QueryCommandInput): Promise<T[]> {
  const out: T[] = [];
  for await (const r of pages(input)) out.push(...((r.Items ?? []) as T[]));
  return out;
}

/** How many items a query matches, counted by DynamoDB (Select COUNT), page by page. */
export async function countAll(input: QueryCommandInput): Promise<number> {
  let count = 0;
  for await (const r of pages({ ...input, Select: 'COUNT' })) count += r.Count ?? 0;
  return count;
}

/** Items of one partition of a secondary index (`gsi1pk = …`), in sort-key order. */
export const indexQuery = (
  part: { index: string; pk: string },
  extra: Partial<QueryCommandInput> = {},
): QueryCommandInput => ({
  TableName: table(),
  IndexName: part.index,
  KeyConditionExpression: `${part.index}pk = :pk`,
  ExpressionAttributeValues: { ':pk': part.pk },
  ...extra,
});
