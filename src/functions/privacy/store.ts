import type { CorrectionField } from '../../shared/schemas/my-data';
import { getCase } from '../cases/store';
import { deleteAll } from '../lib/batch';
import { type TransactItem, table } from '../lib/db';
import { keys } from '../lib/keys';
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
}

export const putCorrection = (c: CorrectionRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: { ...keys.correction(c.villageId, c.correctionId), type: 'correction', ...c },
    ConditionExpression: 'attribute_not_exists(pk)',
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
 * subscriptions, and, for the person it was bound to, their inbox, subscriptions
 * and preferences. Deleting what is gone already is no error: a re-run converges.
 */
export async function deleteAccountItems(accountId: string, person: PersonRecord | undefined) {
  const pks = [keys.account(accountId).pk, keys.inboxOwner({ accountId })];
  if (person) pks.push(keys.inboxOwner({ tenantId: person.tenantId, personId: person.personId }));
  const doomed = (await Promise.all(pks.map(partitionKeys))).flat();
  if (person) doomed.push(keys.preferences(person.tenantId, person.personId));
  await deleteAll(doomed);
  return doomed.length;
}
