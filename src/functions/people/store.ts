import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleTerm, Tenant } from '../../shared/schemas/person';
import { dynamo, table } from '../lib/db';
import { keys } from '../lib/keys';

/** A person as stored in the roster (issue 4 grows this into the full register). */
export interface PersonRecord {
  personId: string;
  tenantId: string;
  tenant: Tenant;
  name: string;
  groupName?: string;
  householdId?: string;
  roles: RoleTerm[];
  verified: boolean;
  status: 'active' | 'deceased' | 'moved_out';
}

export const personItem = (p: PersonRecord) => ({ ...keys.person(p.tenantId, p.personId), type: 'person', ...p });

export async function getPerson(tenantId: string, personId: string): Promise<PersonRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.person(tenantId, personId) }));
  return Item as PersonRecord | undefined;
}

export async function listPeople(tenantId: string): Promise<PersonRecord[]> {
  const { pk, skPrefix } = keys.personPrefix(tenantId);
  const out: PersonRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...((r.Items ?? []) as PersonRecord[]));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Denominator of a notice's reach: verified residents still living in the village. */
export async function countVerifiedResidents(villageId: string): Promise<number> {
  const { pk, skPrefix } = keys.personPrefix(villageId);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        FilterExpression: 'verified = :t AND #s = :active',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix, ':t': true, ':active': 'active' },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start);
  return count;
}
