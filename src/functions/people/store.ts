import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isAdult } from '../../shared/rules/identity';
import { charactersOf, lookupWord, pairsOf } from '../../shared/rules/search-words';
import { maskBirthDate, maskIdNumber, maskPhone } from '../../shared/rules/tiers';
import type { PersonStatus, RoleTerm, RosterPerson, Tenant } from '../../shared/schemas/person';
import { type EntryWrite, getAll, withEntries } from '../lib/batch';
import { isoDay } from '../lib/clock';
import { dynamo, reasonsOf, sendTransaction, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
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
  accountId?: string; // the one WeChat account bound to this person
  boundAt?: string;
  /** Another account's claim matched this person while bound here: it waits for the committee, and /me tells this phone. */
  pendingTakeover?: { claimId: string; at: string };
  updatedAt?: string;
}

/**
 * The stored form of the sensitive fields: the sealed value and the keyed
 * fingerprint of the ID number (the register's uniqueness marker), nothing else.
 * No mask, tail, birthday or age group is kept beside them: each would be a
 * derivative a table export could read (a birth date and an ID's last 4 rebuilt
 * most ID numbers). Masks and adulthood are worked out from the sealed value when
 * read, which costs an AES-GCM open per person (microseconds, even for a whole
 * village's electorate).
 */
export const sensitiveAttributes = (f: SensitiveFields) => ({
  sealed: seal(f),
  idHash: fingerprint('id-number', f.idNumber),
});

export const unsealSensitive = (p: Pick<PersonRecord, 'sealed'>) =>
  p.sealed ? unseal<SensitiveFields>(p.sealed) : undefined;

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

/**
 * A person's roster search entries: one per character and per pair of characters
 * of the name, and one for the household number (village rosters only). Each
 * copies what a roster search filters by (the name, group, household, current
 * roles and status, all plain on the person already; nothing sealed), so a search
 * reads one word's entries instead of filtering the village's partition.
 */
export function personSearchItems(p: PersonRecord, now = new Date()) {
  if (p.tenant.kind !== 'village') return [];
  const roleNames = currentRoleNames(p.roles, now);
  const words = [
    ...charactersOf(p.name).map((c) => `C#${c}`),
    ...pairsOf(p.name).map((w) => `P#${w}`),
    ...(p.householdId ? [`HH#${p.householdId}`] : []),
  ];
  return words.map((word) => ({
    ...keys.personSearch(p.tenantId, word, p.personId),
    type: 'person-search',
    personId: p.personId,
    name: p.name,
    ...(p.groupName ? { groupName: p.groupName } : {}),
    ...(p.householdId ? { householdId: p.householdId } : {}),
    roleNames,
    status: p.status,
  }));
}

/** A person with its search entries: what a register import or the seed writes. */
export const personItems = (p: PersonRecord, now = new Date()) => [personItem(p, now), ...personSearchItems(p, now)];

/** What saving a person does to its search entries: each written anew (they copy the filtered fields), those of words gone deleted. */
export function searchEntryWrites(p: PersonRecord, before: PersonRecord | undefined, now: Date): EntryWrite[] {
  const items = personSearchItems(p, now);
  const kept = new Set(items.map((i) => i.pk));
  const gone = before ? personSearchItems(before, now).filter((i) => !kept.has(i.pk)) : [];
  return [
    ...items.map((Item) => ({ PutRequest: { Item } })),
    ...gone.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })),
  ];
}

/** The uniqueness marker of a person's ID number, written beside the person. */
export const idNumberMarkerItem = (villageId: string, idHash: string, personId: string) => ({
  ...keys.idNumberMarker(villageId, idHash),
  type: 'id-number',
  personId,
});

const adultOn = (f: SensitiveFields | undefined, now: Date) => Boolean(f && isAdult(f.birthDate, isoDay(now)));

/**
 * Adult (18+) on this day, from the sealed birth date: exact to the day, as an
 * electorate frozen at opening and a co-sign base need; never a typed flag.
 */
export const isAdultOn = (p: Pick<PersonRecord, 'sealed'>, now: Date) => adultOn(unsealSensitive(p), now);

/** How staff see a person in a list: names whole, the sensitive tier masked. */
export function toRosterPerson(p: PersonRecord, now: Date, activeRoles: RosterPerson['roles']): RosterPerson {
  const f = unsealSensitive(p);
  return {
    personId: p.personId,
    name: p.name,
    groupName: p.groupName,
    householdId: p.householdId,
    relation: p.relation,
    adult: adultOn(f, now),
    idNumber: f && maskIdNumber(f.idNumber),
    phone: f?.phone && maskPhone(f.phone),
    birthDate: f && maskBirthDate(f.birthDate),
    roles: activeRoles,
    status: p.status,
    bound: Boolean(p.accountId),
  };
}

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

/** The adults living in a village, with only what counting them needs; adulthood is read from the sealed value. */
export const listLivingAdults = async (villageId: string, now: Date) =>
  (
    await queryAll<Pick<PersonRecord, 'personId' | 'roles' | 'sealed'>>(
      prefixQuery(keys.personPrefix(villageId), {
        FilterExpression: '#s = :active',
        ProjectionExpression: 'personId, #r, sealed',
        ExpressionAttributeNames: { '#s': 'status', '#r': 'roles' },
        ExpressionAttributeValues: { ':active': 'active' },
      }),
    )
  )
    .filter((p) => isAdultOn(p, now))
    .map(({ personId, roles }) => ({ personId, roles }));

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

/** Where a roster page reads: the village's people, or for a search the entries of its words. */
interface RosterSource {
  key: { pk: string; skPrefix: string };
  nameContains?: boolean;
}

/**
 * A name search reads the entries of the query's first word (its one character, or
 * its first pair, then `contains` for a longer name); a household number, those of
 * the number. The same people, found without reading the village's partition.
 */
const searchSources = (villageId: string, q: string): RosterSource[] => {
  const { kind, word, exact } = lookupWord(q);
  return [
    { key: keys.personSearchPrefix(villageId, `${kind === 'char' ? 'C' : 'P'}#${word}`), nameContains: !exact },
    { key: keys.personSearchPrefix(villageId, `HH#${q}`) },
  ];
};

/** The filter again, on the person itself: a search entry written after its person's commit may lag behind it. */
const matches = (p: PersonRecord & { roleNames?: string[] }, f: RosterFilter) =>
  (!f.q || p.name.includes(f.q) || p.householdId === f.q) &&
  (!f.groups || (p.groupName !== undefined && f.groups.includes(p.groupName))) &&
  (!f.role || Boolean(p.roleNames?.includes(f.role))) &&
  (!f.status || p.status === f.status);

/**
 * One page of a village's roster in register order, filtered by DynamoDB. The
 * position is the last returned person's id (from a cursor this list sealed,
 * lib/cursor.ts), so a page cut short mid-query resumes exactly after it. A
 * search reads its words' entries (sorted by person, like the roster) and then
 * the page's people in one BatchGetItem.
 */
export async function pageRoster(villageId: string, filter: RosterFilter, limit: number, after?: string) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses: string[] = [];
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
  const sources: RosterSource[] = filter.q
    ? searchSources(villageId, filter.q)
    : [{ key: keys.personPrefix(villageId) }];
  const ask = (source: RosterSource, position: string | undefined, want: number) => {
    const all = source.nameContains ? [...clauses, 'contains(#n, :q)'] : clauses;
    const attributeNames = source.nameContains ? { ...names, '#n': 'name' } : names;
    return dynamo.send(
      new QueryCommand({
        ...prefixQuery(source.key, {
          ...(all.length ? { FilterExpression: all.join(' AND ') } : {}),
          ...(Object.keys(attributeNames).length ? { ExpressionAttributeNames: attributeNames } : {}),
          ExpressionAttributeValues: source.nameContains ? { ...values, ':q': filter.q } : values,
        }),
        ExclusiveStartKey: position ? { pk: source.key.pk, sk: `PERSON#${position}` } : undefined,
        Limit: want,
      }),
    );
  };
  // Each round reads what the page still needs (a filter may skip some, so later rounds read more), and a
  // page stops after ROSTER_ROUNDS: a sparse filter in a big village answers short with a cursor rather than
  // reading the whole partition in one request.
  const hits: { sk: string }[] = [];
  let position = after;
  for (let round = 0; round < ROSTER_ROUNDS && hits.length < limit; round++) {
    const answers = await Promise.all(sources.map((s) => ask(s, position, (limit - hits.length) * 2 ** round)));
    // Every source is read up to where it stopped; past the nearest such point another may still hold people.
    const reached = answers.flatMap((a) => (a.LastEvaluatedKey ? [String(a.LastEvaluatedKey.sk)] : [])).sort()[0];
    const found = answers
      .flatMap((a) => (a.Items ?? []) as { sk: string }[])
      .filter((i) => !reached || i.sk <= reached)
      .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
    for (const item of new Map(found.map((i) => [i.sk, i])).values()) {
      if (hits.length === limit) break;
      hits.push(item);
    }
    const stop = hits.length === limit ? hits[hits.length - 1].sk : reached;
    position = stop?.slice('PERSON#'.length);
    if (!position) break;
  }
  const items = filter.q
    ? (await getAll<PersonRecord>(hits.map((h) => keys.person(villageId, h.sk.slice('PERSON#'.length))))).filter(
        (p): p is PersonRecord => Boolean(p) && matches(p as PersonRecord, filter),
      )
    : (hits as unknown as PersonRecord[]);
  return { items, nextCursor: position || null };
}

/** At most this many reads per roster page: the first asks for the page, each next one for twice what is missing. */
const ROSTER_ROUNDS = 4;

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
  const own: TransactItem[] = [
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
  const { items, afterCommit } = withEntries(own, searchEntryWrites(person, before, now));
  try {
    await sendTransaction(items);
  } catch (e) {
    const reasons = reasonsOf(e);
    if (!reasons) throw e;
    if (reasons[0]?.Code === 'ConditionalCheckFailed') return 'stale';
    if (idMoved && person.idHash && reasons[1]?.Code === 'ConditionalCheckFailed') return 'duplicate-id';
    throw e;
  }
  await afterCommit();
  return 'saved';
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
