import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { checkIdNumber, normalizeIdNumber, normalizePhone } from '../../shared/rules/identity';
import { addDays, localDay } from '../../shared/rules/local-day';
import { maskName } from '../../shared/rules/tiers';
import type {
  AssignRoleRequest,
  DepartureRequest,
  EndRoleRequest,
  PersonDetail,
  PersonInput,
  PersonUpdate,
  RosterQuery,
  RosterSummary,
} from '../../shared/schemas/person';
import { type Actor, activeTerms } from '../lib/actor';
import { auditItem, auditPut, fieldChanges } from '../lib/audit';
import { isoDay } from '../lib/clock';
import { dynamo, table } from '../lib/db';
import { conflict, invalidField, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import * as keys from '../lib/keys';
import { type Action, authorize, browsableGroups } from '../lib/policy';
import { indexQuery, queryAll } from '../lib/query';
import { ownVillage, resolveVillage } from '../villages/service';
import { listTownshipVillages, type VillageRecord } from '../villages/store';
import * as store from './store';

type PersonRecord = store.PersonRecord;
const STALE = '这位村民的信息刚被其他人修改过，请刷新后再试';

const targetOf = (v: VillageRecord, p?: Pick<PersonRecord, 'groupName'>) => ({
  villageId: v.villageId,
  townshipId: v.townshipId,
  groupName: p?.groupName,
});

/** A person of the village, if the actor may reach them; others' are "not found". */
export async function loadPerson(actor: Actor, village: VillageRecord, personId: string, action: Action) {
  const person = await store.getPerson(village.villageId, personId);
  if (!person) throw notFound('没有找到这位村民');
  authorize(actor, action, targetOf(village, person));
  return person;
}

const activeRoles = (p: PersonRecord, now: Date) => [...new Set(activeTerms(p, now).map((t) => t.role))];
export const rosterView = (p: PersonRecord, now: Date) => store.toRosterPerson(p, now, activeRoles(p, now));

const personAudit = (actor: Actor, v: VillageRecord, at: string, action: string, personId: string, more = {}) =>
  auditPut({ tenantId: v.villageId, at, actorId: actor.personId, action, target: `person:${personId}`, ...more });

/* ---------- reading ---------- */

export async function listRoster(actor: Actor, q: z.output<typeof RosterQuery>, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  // A group asked for is checked like the group of a person opened: a grid worker's filter narrows, never widens.
  authorize(actor, 'person.browse', targetOf(village, q));
  const groups = q.groupName ? [q.groupName] : browsableGroups(actor);
  const page = await store.pageRoster(village.villageId, { ...q, groups }, q.limit, q.cursor);
  return { items: page.items.map((p) => rosterView(p, now)), nextCursor: page.nextCursor };
}

async function history(village: VillageRecord, personId: string) {
  const entries = await queryAll<{
    at: string;
    action: string;
    actorId: string;
    reason?: string;
    changedFields?: string[];
  }>(indexQuery(keys.historyPartition(village.villageId, `person:${personId}`)));
  const actors = await store.getPeople(
    village.villageId,
    entries.map((e) => e.actorId),
  );
  const nameOf = new Map(actors.map((a) => [a.personId, a.name]));
  return entries.map((e) => ({
    at: e.at,
    action: e.action,
    actorName: nameOf.get(e.actorId),
    reason: e.reason,
    changedFields: e.changedFields,
  }));
}

const detail = async (village: VillageRecord, p: PersonRecord, now: Date): Promise<PersonDetail> => ({
  ...rosterView(p, now),
  terms: p.roles,
  bodies: p.bodies ?? [],
  departedOn: p.departedOn,
  boundAt: p.boundAt,
  history: await history(village, p.personId),
});

export async function personDetail(actor: Actor, personId: string, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  return detail(village, await loadPerson(actor, village, personId, 'person.browse'), now);
}

export async function household(actor: Actor, householdId: string, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  const members = await store.householdMembers(village.villageId, householdId);
  if (!members.length) throw notFound('没有找到这一户');
  const head = members.find((m) => m.relation === '户主' && m.status === 'active') ?? members[0];
  authorize(actor, 'person.browse', targetOf(village, head));
  return { householdId, groupName: head.groupName, members: members.map((m) => rosterView(m, now)) };
}

/** The unmasked sensitive tier, for named staff roles only; the view itself is an audit entry. */
export async function viewSensitive(actor: Actor, personId: string, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  const person = await loadPerson(actor, village, personId, 'person.sensitive');
  const fields = store.unsealSensitive(person);
  if (!fields) throw notFound('这位村民没有登记身份证号');
  await dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: auditItem({
        tenantId: village.villageId,
        at: now.toISOString(),
        actorId: actor.personId,
        action: 'person.sensitive.view',
        target: `person:${personId}`,
      }),
    }),
  );
  return { personId, ...fields };
}

/* ---------- changing the register ---------- */

/** Checks and normalises what staff typed for the sensitive tier; the message names the field. */
function sensitiveFrom(input: { idNumber: string; phone?: string }): store.SensitiveFields {
  const idNumber = normalizeIdNumber(input.idNumber);
  const id = checkIdNumber(idNumber);
  if (!id.ok) throw invalidField('idNumber', `身份证号：${id.reason}`);
  const phone = input.phone ? normalizePhone(input.phone) : undefined;
  if (input.phone && !phone) throw invalidField('phone', '联系电话：请填写 11 位手机号或带区号的固定电话');
  return { idNumber, birthDate: id.birthDate, ...(phone ? { phone } : {}) };
}

function checkGroup(village: VillageRecord, groupName: string, path = 'groupName') {
  if (!village.groups.includes(groupName))
    throw invalidField(path, `没有这个村民小组：${groupName}（本村有：${village.groups.join('、')}）`);
}

/** The household has one head (户主): a second one must wait until the first is changed. */
async function checkOneHead(village: VillageRecord, p: PersonRecord) {
  if (p.relation !== '户主' || p.status !== 'active' || !p.householdId) return;
  const members = await store.householdMembers(village.villageId, p.householdId);
  const other = members.find((m) => m.personId !== p.personId && m.relation === '户主' && m.status === 'active');
  if (other)
    throw invalidField(
      'relation',
      `户号 ${p.householdId} 已有户主 ${maskName(other.name)}，请先修改原户主的与户主关系`,
    );
}

/** Ends a term the day before `on`; a term that had not begun yet is dropped, it never held. */
const endTermBefore = (terms: PersonRecord['roles'], termId: string, on: string) =>
  terms.flatMap((t) =>
    t.termId !== termId || (t.until && t.until < on) ? [t] : t.from >= on ? [] : [{ ...t, until: addDays(on, -1) }],
  );

/** The household_head role follows 与户主关系 = 户主: started or ended from today. */
export function withHeadTerm(p: PersonRecord, now: Date): PersonRecord {
  const today = isoDay(now);
  const open = p.roles.find((t) => t.role === 'household_head' && (!t.until || t.until >= today));
  const isHead = p.relation === '户主' && p.status === 'active';
  if (isHead && !open)
    return { ...p, roles: [...p.roles, { termId: newId(now.getTime()), role: 'household_head', from: today }] };
  if (!isHead && open) return { ...p, roles: endTermBefore(p.roles, open.termId, today) };
  return p;
}

async function save(
  village: VillageRecord,
  next: PersonRecord,
  before: PersonRecord | undefined,
  now: Date,
  audit: ReturnType<typeof personAudit>,
  more: Parameters<typeof store.savePerson>[3] = [],
) {
  const outcome = await store.savePerson(next, before, now, [audit, ...more]);
  if (outcome === 'stale') throw conflict(STALE);
  if (outcome === 'duplicate-id') throw conflict('这个身份证号已登记在本村名册中，请先查找这位村民');
  return detail(village, next, now);
}

/** A person newly on the register: a resident from today, head of the household if 户主, not yet bound. */
export const newResident = (
  village: VillageRecord,
  fields: Pick<PersonRecord, 'name' | 'groupName' | 'householdId' | 'relation' | 'bodies'>,
  sensitive: store.SensitiveFields,
  now: Date,
): PersonRecord =>
  withHeadTerm(
    {
      personId: newId(now.getTime()),
      tenantId: village.villageId,
      tenant: { kind: 'village', villageId: village.villageId, townshipId: village.townshipId },
      ...fields,
      roles: [{ termId: newId(now.getTime()), role: 'resident', from: isoDay(now) }],
      verified: false,
      status: 'active',
      updatedAt: now.toISOString(),
      ...store.sensitiveAttributes(sensitive),
    },
    now,
  );

export async function addPerson(actor: Actor, input: PersonInput, idempotencyKey: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'person.manage', targetOf(village, input));
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) return personDetail(actor, earlier, undefined, now);
  checkGroup(village, input.groupName);
  const at = now.toISOString();
  const { name, groupName, householdId, relation, bodies } = input;
  const person = newResident(village, { name, groupName, householdId, relation, bodies }, sensitiveFrom(input), now);
  const { personId } = person;
  await checkOneHead(village, person);
  return save(
    village,
    person,
    undefined,
    now,
    personAudit(actor, village, at, 'person.add', personId),
    scope ? [idempotencyPut(scope, personId, at)] : [],
  );
}

/** An edit, a move to another household or group: what changed is audited by name, and by value where not sensitive. */
export async function updatePerson(actor: Actor, personId: string, input: PersonUpdate, now: Date) {
  const village = await ownVillage(actor);
  const before = await loadPerson(actor, village, personId, 'person.manage');
  if (before.status !== 'active') throw conflict('已去世或迁出的村民不能再修改，记录保留备查');
  if (input.groupName !== undefined) checkGroup(village, input.groupName);
  const old = store.unsealSensitive(before);
  const touchesSensitive = input.idNumber !== undefined || input.phone !== undefined;
  const sensitive = touchesSensitive
    ? sensitiveFrom({ idNumber: input.idNumber ?? old?.idNumber ?? '', phone: input.phone ?? old?.phone })
    : undefined;
  const { idNumber: _i, phone: _p, ...plain } = input;
  const at = now.toISOString();
  const next = withHeadTerm(
    { ...before, ...plain, ...(sensitive ? store.sensitiveAttributes(sensitive) : {}), updatedAt: at },
    now,
  );
  const changed = fieldChanges(before, plain, [
    ...(sensitive && sensitive.idNumber !== old?.idNumber ? ['idNumber'] : []),
    ...(sensitive && sensitive.phone !== old?.phone ? ['phone'] : []),
  ]);
  if (!changed.changedFields.length) return detail(village, before, now);
  await checkOneHead(village, next);
  return save(village, next, before, now, personAudit(actor, village, at, 'person.update', personId, changed));
}

/** A death or a move out: the person stays on the register as history; roles end and the account is unbound. */
export async function recordDeparture(
  actor: Actor,
  personId: string,
  req: z.output<typeof DepartureRequest>,
  now: Date,
) {
  const village = await ownVillage(actor);
  const before = await loadPerson(actor, village, personId, 'person.manage');
  if (before.status !== 'active') throw conflict('这位村民已登记为去世或迁出');
  if (req.on > localDay(now, village.settings.utcOffsetMinutes)) throw invalidField('on', '日期不能晚于今天');
  const at = now.toISOString();
  const next: PersonRecord = {
    ...before,
    status: req.kind,
    departedOn: req.on,
    // Terms end on the day; one that would only have begun later never held.
    roles: before.roles.flatMap((t) =>
      t.until && t.until <= req.on ? [t] : t.from > req.on ? [] : [{ ...t, until: req.on }],
    ),
    accountId: undefined,
    boundAt: undefined,
    updatedAt: at,
  };
  return save(
    village,
    next,
    before,
    now,
    personAudit(actor, village, at, `person.${req.kind}`, personId, { reason: req.reason }),
  );
}

function checkTerm(village: VillageRecord, req: AssignRoleRequest) {
  if (req.until && req.until < req.from) throw invalidField('until', '任期结束日期不能早于开始日期');
  if (req.role === 'grid_worker') {
    if (!req.grid) throw invalidField('grid', '请选择网格员负责的网格');
    checkGroup(village, req.grid, 'grid');
  }
  if (req.role === 'household_head') throw invalidField('role', '户主由“与户主关系”决定，请修改与户主关系');
}

/** A representative represents households that are on the register. */
async function checkHouseholds(village: VillageRecord, householdIds: string[]) {
  for (const h of householdIds)
    if (!(await store.listHousehold(village.villageId, h)).length)
      throw invalidField('households', `代表的户：没有户号 ${h}`);
}

export async function assignRole(actor: Actor, personId: string, req: AssignRoleRequest, now: Date) {
  const village = await ownVillage(actor);
  const before = await loadPerson(actor, village, personId, 'person.manage');
  if (before.status !== 'active') throw conflict('已去世或迁出的村民不能任命身份');
  checkTerm(village, req);
  await checkHouseholds(village, req.households ?? []);
  const overlapping = before.roles.find(
    (t) => t.role === req.role && (t.post ?? '') === (req.post ?? '') && (!t.until || t.until >= req.from),
  );
  if (overlapping) throw conflict('这位村民已有相同的身份任期，请先结束原任期');
  const at = now.toISOString();
  const termId = newId(now.getTime());
  const next = { ...before, roles: [...before.roles, { termId, ...req }], updatedAt: at };
  return save(
    village,
    next,
    before,
    now,
    personAudit(actor, village, at, 'role.assign', personId, { reason: req.role, changedFields: ['roles'] }),
  );
}

export async function endRole(
  actor: Actor,
  personId: string,
  termId: string,
  req: z.output<typeof EndRoleRequest>,
  now: Date,
) {
  const village = await ownVillage(actor);
  const before = await loadPerson(actor, village, personId, 'person.manage');
  const term = before.roles.find((t) => t.termId === termId);
  if (!term) throw notFound('没有找到这个身份任期');
  if (term.role === 'household_head' || term.role === 'resident')
    throw invalidField('termId', '村民和户主身份随名册变化，请修改与户主关系或登记迁出');
  if (term.until && term.until < isoDay(now)) throw conflict('这个任期已经结束');
  if (req.until < term.from) throw invalidField('until', '结束日期不能早于任期开始日期');
  const at = now.toISOString();
  const next = {
    ...before,
    roles: before.roles.map((t) => (t.termId === termId ? { ...t, until: req.until } : t)),
    updatedAt: at,
  };
  return save(
    village,
    next,
    before,
    now,
    personAudit(actor, village, at, 'role.end', personId, {
      reason: req.reason ?? term.role,
      changedFields: ['roles'],
    }),
  );
}

/* ---------- the township's view: counts only ---------- */

async function villageCounts(village: VillageRecord, now: Date) {
  const people = (await store.listPeople(village.villageId)).filter((p) => p.status === 'active');
  const households = (ps: PersonRecord[]) => new Set(ps.map((p) => p.householdId).filter(Boolean)).size;
  const groups = [...new Set(people.map((p) => p.groupName ?? ''))].sort();
  const roleCounts = new Map<string, number>();
  for (const p of people) for (const r of activeRoles(p, now)) roleCounts.set(r, (roleCounts.get(r) ?? 0) + 1);
  return {
    villageId: village.villageId,
    name: village.name,
    people: people.length,
    adults: people.filter((p) => store.isAdultOn(p, now)).length,
    households: households(people),
    bound: people.filter((p) => p.accountId).length,
    groups: village.groups,
    byGroup: groups.map((g) => {
      const inGroup = people.filter((p) => (p.groupName ?? '') === g);
      return { groupName: g, people: inGroup.length, households: households(inGroup) };
    }),
    byRole: [...roleCounts].map(([role, people]) => ({ role, people })) as RosterSummary['villages'][number]['byRole'],
  };
}

export async function rosterSummary(actor: Actor, now: Date): Promise<RosterSummary> {
  const villages = await Promise.all(
    actor.tenant.kind === 'village'
      ? [resolveVillage(actor)]
      : (await listTownshipVillages(actor.tenant.townshipId)).map((v) => resolveVillage(actor, v.villageId)),
  );
  for (const v of villages) authorize(actor, 'roster.summary', targetOf(v));
  return { villages: await Promise.all(villages.map((v) => villageCounts(v, now))) };
}
