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

/** Every item a query matches, following LastEvaluatedKey. Only for partitions bounded by the domain (a village's roster, a notice's questions). */
export async function queryAll<T>(input: QueryCommandInput): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...((r.Items ?? []) as T[]));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** How many items a query matches, counted by DynamoDB (Select COUNT), page by page. */
export async function countAll(input: QueryCommandInput): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start);
  return count;
}
