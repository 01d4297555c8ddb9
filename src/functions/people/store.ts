import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RoleTerm, Tenant } from '../../shared/schemas/person';
import { dynamo, table } from '../lib/db';
import { keys } from '../lib/keys';
import { countAll, indexQuery, prefixQuery, queryAll } from '../lib/query';

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

export const personItem = (p: PersonRecord) => ({
  type: 'person',
  ...p,
  ...keys.person(p.tenantId, p.personId),
  ...(p.householdId && p.tenant.kind === 'village'
    ? keys.householdIndex(p.tenant.villageId, p.householdId, p.personId)
    : {}),
});

/** Everyone registered in a household (户), including those who moved out or died (history kept). */
export const listHousehold = (villageId: string, householdId: string) =>
  queryAll<Pick<PersonRecord, 'personId' | 'name' | 'roles' | 'status'>>(
    indexQuery(keys.householdPartition(villageId, householdId)),
  );

export async function getPerson(tenantId: string, personId: string): Promise<PersonRecord | undefined> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.person(tenantId, personId) }));
  return Item as PersonRecord | undefined;
}

export const listPeople = (tenantId: string) => queryAll<PersonRecord>(prefixQuery(keys.personPrefix(tenantId)));

/** Denominator of a notice's reach: verified residents still living in the village. */
export const countVerifiedResidents = (villageId: string) =>
  countAll(
    prefixQuery(keys.personPrefix(villageId), {
      FilterExpression: 'verified = :t AND #s = :active',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':t': true, ':active': 'active' },
    }),
  );
