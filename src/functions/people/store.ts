import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { adultFrom, idTail } from '../../shared/rules/identity';
import { maskBirthDate, maskIdNumber, maskPhone } from '../../shared/rules/tiers';
import type { PersonStatus, RoleTerm, RosterPerson, Tenant } from '../../shared/schemas/person';
import { isoDay } from '../lib/clock';
import { dynamo, type TransactItem, table } from '../lib/db';
import { keys } from '../lib/keys';
import { countAll, indexQuery, prefixQuery, queryAll } from '../lib/query';
import { fingerprint, seal, unseal } from '../lib/sensitive';

/** The sensitive tier of a person (PIPL): stored sealed, matched by fingerprint, shown masked. */
export interface SensitiveFields {
  idNumber: string;
  phone?: string;
  birthDate: string;
}

/** A person as stored in the roster (村民名册). */
export interface PersonRecord {
  personId: string;
  tenantId: string;
  tenant: Tenant;
  name: string;
  groupName?: string; // 村民小组 / 网格 / 楼栋
  householdId?: string; // 户号
  relation?: string; // 与户主关系
  roles: RoleTerm[];
  bodies?: string[]; // other bodies: a residents' council, a volunteer team, an owners' group
  verified: boolean; // bound to an account, or checked in person
  status: PersonStatus;
  departedOn?: string;
  sealed?: string;
  idHash?: string;
  idTail?: string;
  phoneHash?: string;
  masked?: { idNumber: string; phone?: string; birthDate: string };
  adultFrom?: string; // the 18th birthday: adulthood comes from the birth date, never a typed flag
  accountId?: string; // the one WeChat account bound to this person
  boundAt?: string;
  updatedAt?: string;
}

/** The stored form of the sensitive fields. */
export const sensitiveAttributes = (f: SensitiveFields) => ({
  sealed: seal(f),
  idHash: fingerprint('id-number', f.idNumber),
  idTail: idTail(f.idNumber),
  phoneHash: f.phone ? fingerprint('phone', f.phone) : undefined,
  masked: {
    idNumber: maskIdNumber(f.idNumber),
    phone: f.phone ? maskPhone(f.phone) : undefined,
    birthDate: maskBirthDate(f.birthDate),
  },
  adultFrom: adultFrom(f.birthDate),
});

export const unsealSensitive = (p: PersonRecord) => (p.sealed ? unseal<SensitiveFields>(p.sealed) : undefined);

/** Role names of terms not yet ended: lets a roster query filter by role. */
const currentRoleNames = (roles: RoleTerm[], now: Date) => [
  ...new Set(roles.filter((t) => !t.until || t.until >= isoDay(now)).map((t) => t.role)),
];

export const personItem = (p: PersonRecord, now = new Date()) => ({
  type: 'person',
  ...p,
  roleNames: currentRoleNames(p.roles, now),
  ...keys.person(p.tenantId, p.personId),
  ...(p.tenant.kind === 'village' ? keys.personNameIndex(p.tenant.villageId, p.name, p.personId) : {}),
  ...(p.householdId && p.tenant.kind === 'village'
    ? keys.householdIndex(p.tenant.villageId, p.householdId, p.personId)
    : {}),
});

/** The uniqueness marker of a person's ID number, written beside the person. */
export const idNumberMarkerItem = (villageId: string, idHash: string, personId: string) => ({
  ...keys.idNumberMarker(villageId, idHash),
  type: 'id-number',
  personId,
});

/** Adult (18+) on this day, from the birth date; never a typed flag. */
export const isAdultOn = (p: Pick<PersonRecord, 'adultFrom'>, now: Date) =>
  Boolean(p.adultFrom && p.adultFrom <= isoDay(now));

/** How staff see a person in a list: names whole, the sensitive tier masked. */
export const toRosterPerson = (p: PersonRecord, now: Date, activeRoles: RosterPerson['roles']): RosterPerson => ({
  personId: p.personId,
  name: p.name,
  groupName: p.groupName,
  householdId: p.householdId,
  relation: p.relation,
  adult: isAdultOn(p, now),
  idNumber: p.masked?.idNumber,
  phone: p.masked?.phone,
  birthDate: p.masked?.birthDate,
  roles: activeRoles,
  status: p.status,
  bound: Boolean(p.accountId),
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

/** Everyone registered in a household, as full records. */
export const householdMembers = async (villageId: string, householdId: string) =>
  getPeople(
    villageId,
    (await listHousehold(villageId, householdId)).map((m) => m.personId),
  );

export const getPeople = (tenantId: string, personIds: string[]) =>
  Promise.all([...new Set(personIds)].map((id) => getPerson(tenantId, id))).then((ps) =>
    ps.filter((p): p is PersonRecord => Boolean(p)),
  );

export const listPeople = (tenantId: string) => queryAll<PersonRecord>(prefixQuery(keys.personPrefix(tenantId)));

/** The adults living in a village, with only what counting them needs: not the sealed ID numbers and phones. */
export const listLivingAdults = (villageId: string, now: Date) =>
  queryAll<Pick<PersonRecord, 'personId' | 'roles'>>(
    prefixQuery(keys.personPrefix(villageId), {
      FilterExpression: '#s = :active AND adultFrom <= :today',
      ProjectionExpression: 'personId, #r',
      ExpressionAttributeNames: { '#s': 'status', '#r': 'roles' },
      ExpressionAttributeValues: { ':active': 'active', ':today': isoDay(now) },
    }),
  );

/** People of a village with this exact name: usually one, sometimes two. */
export async function findByName(villageId: string, name: string) {
  const hits = await queryAll<{ pk: string; sk: string }>(indexQuery(keys.personNamePartition(villageId, name)));
  return getPeople(
    villageId,
    hits.map((h) => h.sk.slice('PERSON#'.length)),
  );
}

export interface RosterFilter {
  q?: string;
  groups?: string[]; // the groups asked for, within those the caller may browse
  role?: string;
  status?: PersonStatus;
}

/**
 * One page of a village's roster in register order, filtered by DynamoDB. The
 * position is the last returned person's id (from a cursor this list sealed,
 * lib/cursor.ts), so a page cut short mid-query resumes exactly after it.
 */
export async function pageRoster(villageId: string, filter: RosterFilter, limit: number, after?: string) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses: string[] = [];
  if (filter.q) {
    names['#n'] = 'name';
    values[':q'] = filter.q;
    clauses.push('(contains(#n, :q) OR householdId = :q)');
  }
  const { groups } = filter;
  if (groups) {
    groups.forEach((g, i) => {
      values[`:g${i}`] = g;
    });
    clauses.push(
      groups.length ? `groupName IN (${groups.map((_, i) => `:g${i}`).join(', ')})` : 'attribute_not_exists(pk)',
    );
  }
  if (filter.role) {
    values[':r'] = filter.role;
    clauses.push('contains(roleNames, :r)');
  }
  if (filter.status) {
    names['#s'] = 'status';
    values[':s'] = filter.status;
    clauses.push('#s = :s');
  }
  const items: PersonRecord[] = [];
  let start: Record<string, unknown> | undefined = after ? keys.person(villageId, after) : undefined;
  do {
    const r = await dynamo.send(
      new QueryCommand({
        ...prefixQuery(keys.personPrefix(villageId), {
          ...(clauses.length ? { FilterExpression: clauses.join(' AND ') } : {}),
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
        }),
        ExclusiveStartKey: start,
        Limit: 200,
      }),
    );
    for (const item of (r.Items ?? []) as PersonRecord[]) {
      if (items.length === limit) break;
      items.push(item);
    }
    start = items.length === limit ? keys.person(villageId, items[items.length - 1].personId) : r.LastEvaluatedKey;
    if (items.length === limit || !r.LastEvaluatedKey) break;
  } while (start);
  const last = items.length === limit && start !== undefined ? items[items.length - 1].personId : undefined;
  return { items, nextCursor: last ?? null };
}

export type SaveOutcome = 'saved' | 'stale' | 'duplicate-id';

/**
 * Saves a person whole, only if nobody saved it since it was read (the
 * updatedAt it was read with), moving its ID-number marker when the number
 * changed, together with the audit entry: all or nothing.
 */
export async function savePerson(
  person: PersonRecord,
  before: PersonRecord | undefined,
  now: Date,
  more: TransactItem[],
): Promise<SaveOutcome> {
  const villageId = person.tenantId;
  const idMoved = person.idHash !== before?.idHash;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: table(),
        Item: personItem(person, now),
        ...(before
          ? before.updatedAt
            ? { ConditionExpression: 'updatedAt = :read', ExpressionAttributeValues: { ':read': before.updatedAt } }
            : { ConditionExpression: 'attribute_not_exists(updatedAt)' }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    ...(idMoved && person.idHash
      ? [
          {
            Put: {
              TableName: table(),
              Item: idNumberMarkerItem(villageId, person.idHash, person.personId),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : []),
    ...(idMoved && before?.idHash
      ? [{ Delete: { TableName: table(), Key: keys.idNumberMarker(villageId, before.idHash) } }]
      : []),
    ...more,
  ];
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (e) {
    const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (!reasons) throw e;
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'stale';
    if (idMoved && person.idHash && reasons[1]?.Code === 'ConditionalCheckFailed') return 'duplicate-id';
    throw e;
  }
}

/** Denominator of a notice's reach: verified residents still living in the village. */
export const countVerifiedResidents = (villageId: string) =>
  countAll(
    prefixQuery(keys.personPrefix(villageId), {
      FilterExpression: 'verified = :t AND #s = :active',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':t': true, ':active': 'active' },
    }),
  );
