import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, table } from './db';
import { keys } from './keys';

/**
 * A create with an Idempotency-Key writes this marker in the same transaction;
 * a retry with the same key finds it and returns the first result instead.
 */
export interface IdempotencyScope {
  tenantId: string;
  personId: string;
  key: string;
}

export const idempotencyPut = (s: IdempotencyScope, resultId: string, at: string) => ({
  Put: {
    TableName: table(),
    Item: { ...keys.idempotency(s.tenantId, s.personId, s.key), type: 'idempotency', resultId, at },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A create by this person in this tenant, when the client sent an Idempotency-Key; none without one. */
export const idempotencyScope = (tenantId: string, personId: string, key: string | undefined) =>
  key ? { tenantId, personId, key } : undefined;

/** What an earlier create with the same key made, if any: its id. */
export async function findIdempotentResult(s: IdempotencyScope | undefined): Promise<string | undefined> {
  if (!s) return undefined;
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.idempotency(s.tenantId, s.personId, s.key), ConsistentRead: true }),
  );
  return Item?.resultId as string | undefined;
}
