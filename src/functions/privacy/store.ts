import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CorrectionField } from '../../shared/schemas/my-data';
import { accountClaims } from '../bindings/store';
import { getCase } from '../cases/store';
import { deleteAll, getAll } from '../lib/batch';
import { dynamo, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';
import { indexQuery, queryAll } from '../lib/query';
import type { PersonRecord } from '../people/store';

export interface CorrectionRecord {
  correctionId: string;
  villageId: string;
  personId: string;
  field: CorrectionField;
  text: string;
  requestedAt: string;
  dueBy: string;
  corrected?: boolean;
  reply?: string;
  resolvedAt?: string;
  resolvedBy?: string;
}

export const putCorrection = (c: CorrectionRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.correction(c.villageId, c.correctionId),
      ...keys.openCorrectionIndex(c.villageId, c.dueBy, c.correctionId),
      type: 'correction',
      ...c,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function getCorrection(villageId: string, correctionId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.correction(villageId, correctionId), ConsistentRead: true }),
  );
  return Item ? { ...(withoutKeys(Item) as CorrectionRecord), open: Boolean(Item.gsi1pk) } : undefined;
}

/**
 * One page of the requests not yet answered, the nearest deadline first. The
 * position is the index sort key (`dueBy#correctionId`) the last page stopped at;
 * it reaches here only from a cursor this list sealed (lib/cursor.ts).
 */
export async function pageOpenCorrections(villageId: string, limit: number, after?: string) {
  const part = keys.openCorrectionPartition(villageId);
  const start = after
    ? {
        ...keys.correction(villageId, after.slice(after.indexOf('#') + 1)),
        gsi1pk: part.pk,
        gsi1sk: after,
      }
    : undefined;
  const r = await dynamo.send(new QueryCommand({ ...indexQuery(part, { Limit: limit }), ExclusiveStartKey: start }));
  // The index holds keys only: the requests themselves, as they stand now (one answered meanwhile is left out).
  const heads = await getAll<Record<string, unknown>>(
    (r.Items ?? []).map((i) => ({ pk: i.pk as string, sk: i.sk as string })),
    { ConsistentRead: true },
  );
  const next = r.LastEvaluatedKey?.gsi1sk;
  return {
    items: heads.flatMap((h) => (h?.gsi1pk ? [withoutKeys(h) as unknown as CorrectionRecord] : [])),
    nextCursor: typeof next === 'string' ? next : null,
  };
}

/** The answer, taken off the open list; conditional on its still being open, so two answers never both land. */
export const resolveCorrectionItem = (
  c: CorrectionRecord,
  answer: { corrected: boolean; reply: string; resolvedAt: string; resolvedBy: string },
): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.correction(c.villageId, c.correctionId),
    UpdateExpression:
      'SET corrected = :corrected, reply = :reply, resolvedAt = :at, resolvedBy = :by REMOVE gsi1pk, gsi1sk',
    ConditionExpression: 'attribute_exists(gsi1pk)',
    ExpressionAttributeValues: {
      ':corrected': answer.corrected,
      ':reply': answer.reply,
      ':at': answer.resolvedAt,
      ':by': answer.resolvedBy,
    },
  },
});

/** Every case a person submitted, newest first, on the submitter index. */
export async function casesBy(villageId: string, personId: string) {
  const hits = await queryAll<{ sk: string }>(
    indexQuery(keys.submitterPartition(villageId, personId), { ScanIndexForward: false }),
  );
  const heads = await Promise.all(hits.map((h) => getCase(villageId, h.sk.slice('CASE#'.length))));
  return heads.filter((c) => c !== undefined);
}

/** The keys of every item in a partition (an account's, or an inbox's with its grants and push days). */
const partitionKeys = async (pk: string) =>
  (
    await queryAll<{ pk: string; sk: string }>({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: 'pk, sk',
    })
  ).map((i) => ({ pk: i.pk, sk: i.sk }));

/**
 * The account (with its consent and 扫码登录 sessions), its own inbox and
 * subscriptions, its binding claims still waiting for the committee (what the
 * claimant typed to prove who they are, which nobody will now decide on), and,
 * for the person it was bound to, their inbox, subscriptions and preferences.
 * Deleting what is gone already is no error: a re-run converges.
 */
export async function deleteAccountItems(accountId: string, person: PersonRecord | undefined) {
  const pks = [keys.account(accountId).pk, keys.inboxOwner({ accountId })];
  if (person) pks.push(keys.inboxOwner({ tenantId: person.tenantId, personId: person.personId }));
  const doomed = (await Promise.all(pks.map(partitionKeys))).flat();
  if (person) doomed.push(keys.preferences(person.tenantId, person.personId));
  for (const c of await accountClaims(accountId))
    if (c.status === 'pending') doomed.push(keys.claim(c.villageId, c.claimId));
  await deleteAll(doomed);
  return doomed.length;
}
