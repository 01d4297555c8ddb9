import { hasTurned } from '../../shared/rules/identity';
import { addDays, localDay } from '../../shared/rules/local-day';
import {
  type AgreementRequest,
  type CareList,
  type CareRecord,
  dutyLabels,
  type Guardian,
  type GuardianInput,
  guardianBodyLabels,
  type LinkCaseRequest,
  namedDuties,
  qualifyingGrades,
  type RegisterCareRequest,
  type ReplaceGuardianRequest,
} from '../../shared/schemas/care';
import { getCase } from '../cases/store';
import { categoryOf, targetOf } from '../cases/view';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, transact } from '../lib/db';
import { AppError, conflict, invalidField, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { allows, authorize, seesCase } from '../lib/policy';
import { getPerson, type PersonRecord, unsealSensitive } from '../people/store';
import { claimPhotos, photoViews } from '../photos/service';
import { resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import {
  agreementPut,
  type CareHead,
  careOfCase,
  caseLinkPuts,
  formerGuardianPut,
  getHead,
  headPut,
  listHeads,
  newHeadPut,
  readFile,
  sealCare,
  unsealCare,
  unsealProblem,
  unsealVisit,
} from './store';

/* ---------- who may, and the village a request is about ---------- */

/**
 * The registry's village, with the caller allowed to read it. A person's file is "not found" to
 * whoever may not read the registry (a resident is not told who is in care); lists say forbidden.
 */
export async function readableVillage(actor: Actor, villageId: string | undefined, hidden: boolean) {
  const village = await resolveVillage(actor, villageId);
  if (hidden && !allows(actor, 'care.view', village)) throw notFound();
  authorize(actor, 'care.view', village);
  return village;
}

/** A person's file to change: hidden from those who can't read it, forbidden to those who only read it (监委会). */
export async function writableHead(actor: Actor, villageId: string | undefined, personId: string) {
  const village = await readableVillage(actor, villageId, true);
  const head = await getHead(village.villageId, personId);
  if (!head) throw notFound('名册中没有这名特困人员');
  authorize(actor, 'care.manage', village);
  return { village, head };
}

/* ---------- reading ---------- */

const today = (village: VillageRecord, now: Date) => localDay(now, village.settings.utcOffsetMinutes);

/** When the next visit falls due: the village's interval after the last visit, or after coming into care. */
export function visitDue(head: CareHead, village: VillageRecord, now: Date) {
  const lastVisitOn = head.lastVisitAt
    ? localDay(new Date(head.lastVisitAt), village.settings.utcOffsetMinutes)
    : undefined;
  const nextVisitDue = addDays(lastVisitOn ?? head.careSince, village.settings.care.visitEveryDays);
  return { lastVisitOn, nextVisitDue, visitOverdue: nextVisitDue < today(village, now) };
}

export const guardianFlagged = (g: Guardian) => g.elderly || g.infirm;

export async function listCare(actor: Actor, villageId: string | undefined, now: Date): Promise<CareList> {
  const village = await readableVillage(actor, villageId, false);
  const heads = await listHeads(village.villageId);
  const items = heads.map((h) => {
    const { lastVisitOn, nextVisitDue, visitOverdue } = visitDue(h, village, now);
    return {
      personId: h.personId,
      name: h.name,
      groupName: h.groupName,
      supportMode: h.supportMode,
      guardianClass: h.guardian.guardianClass,
      guardianName: h.guardian.name,
      guardianFlagged: guardianFlagged(h.guardian),
      hasAgreement: Boolean(h.agreementId),
      lastVisitOn,
      nextVisitDue,
      visitOverdue,
      openProblems: h.openProblems,
    };
  });
  // Overdue first, then by who waits longest.
  items.sort((a, b) => Number(b.visitOverdue) - Number(a.visitOverdue) || a.nextVisitDue.localeCompare(b.nextVisitDue));
  return { villageId: village.villageId, items };
}

/** The file as staff read it, unsealed: built from the head and the person's partition. */
export async function recordView(village: VillageRecord, head: CareHead, now: Date): Promise<CareRecord> {
  const file = await readFile(village.villageId, head.personId);
  const sealed = unsealCare(head);
  const visits = await Promise.all(
    file.visits
      .sort((a, b) => b.visitedAt.localeCompare(a.visitedAt))
      .map(async ({ verdicts, sealed: s, photos, ...v }) => {
        const { notes, summary } = unsealVisit({ sealed: s });
        const checks = Object.fromEntries(
          Object.entries(verdicts).map(([area, status]) => [area, { status, note: notes[area as keyof typeof notes] }]),
        ) as CareRecord['visits'][number]['checks'];
        return { ...v, checks, summary, photos: await photoViews(village.villageId, photos, now) };
      }),
  );
  const nowIso = now.toISOString();
  const problems = file.problems
    .map(({ sealed: s, personId: _, ...p }) => ({
      ...p,
      ...unsealProblem({ sealed: s }),
      overdue: p.status === 'open' && p.dueAt <= nowIso,
    }))
    .sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || a.dueAt.localeCompare(b.dueAt));
  const agreements = await Promise.all(
    file.agreements
      .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
      .map(async ({ scan, recordedBy: _, ...a }) => ({
        ...a,
        scan: (await photoViews(village.villageId, [scan], now))[0],
        status: a.agreementId === head.agreementId ? ('active' as const) : ('ended' as const),
      })),
  );
  return {
    villageId: village.villageId,
    personId: head.personId,
    name: head.name,
    groupName: head.groupName,
    reason: sealed.reason,
    disability: sealed.disability,
    supportMode: head.supportMode,
    needs: sealed.needs,
    health: sealed.health,
    cadre: head.cadre,
    careSince: head.careSince,
    registeredAt: head.registeredAt,
    guardian: head.guardian,
    formerGuardians: file.guardians.sort((a, b) => b.since.localeCompare(a.since)),
    agreements,
    visits,
    problems,
    cases: file.cases.sort((a, b) => b.linkedAt.localeCompare(a.linkedAt)),
    ...(({ nextVisitDue, visitOverdue }) => ({ nextVisitDue, visitOverdue }))(visitDue(head, village, now)),
  };
}

/** Every read of a person's file is an audit entry: who read whose file, when. */
export async function getCare(actor: Actor, personId: string, villageId: string | undefined, now: Date) {
  const village = await readableVillage(actor, villageId, true);
  const head = await getHead(village.villageId, personId);
  if (!head) throw notFound('名册中没有这名特困人员');
  const view = await recordView(village, head, now);
  await transact([
    auditPut({
      tenantId: village.villageId,
      at: now.toISOString(),
      actorId: actor.personId,
      action: 'care.view',
      target: `care:${personId}`,
    }),
  ]);
  return view;
}

/* ---------- registering, guardians ---------- */

const sixtyOrOver = (p: PersonRecord, day: string) => {
  const birthDate = unsealSensitive(p)?.birthDate;
  return Boolean(birthDate && hasTurned(birthDate, 60, day));
};

/** A roster person of this village who is still living here. */
async function livingHere(village: VillageRecord, personId: string) {
  const p = await getPerson(village.villageId, personId);
  return p?.status === 'active' && p.tenant.kind === 'village' ? p : undefined;
}

/**
 * The guardian as the plan's classes require: Ⅰ a relative registered in the person's household on
 * the roster; Ⅱ a volunteer with the committee's or civil affairs' approval; Ⅲ the committee, or the
 * township's civil-affairs office where the committee can't (said why). A guardian aged 60 or over
 * by the roster is flagged elderly; the committee flags one infirm.
 */
async function guardianFrom(
  village: VillageRecord,
  person: PersonRecord,
  g: GuardianInput,
  now: Date,
): Promise<Guardian> {
  const day = today(village, now);
  const base = { guardianId: newId(now.getTime()), since: now.toISOString(), problemCount: 0 };
  if (g.guardianClass === 'relative') {
    const relative = g.personId === person.personId ? undefined : await livingHere(village, g.personId);
    if (!relative || !person.householdId || relative.householdId !== person.householdId)
      throw invalidField('guardian.personId', '监护人：Ⅰ类监护人须是名册上与被监护人同户登记的近亲属');
    return {
      ...base,
      guardianClass: 'relative',
      name: relative.name,
      personId: relative.personId,
      kinship: g.kinship,
      elderly: sixtyOrOver(relative, day),
      infirm: g.infirm,
    };
  }
  if (g.guardianClass === 'volunteer') {
    if (g.approvedOn > day) throw invalidField('guardian.approvedOn', '同意日期：不能晚于今天');
    const onRoster = g.personId ? await livingHere(village, g.personId) : undefined;
    if (g.personId && (!onRoster || onRoster.personId === person.personId))
      throw invalidField('guardian.personId', '监护人：名册中没有这名村民');
    return {
      ...base,
      guardianClass: 'volunteer',
      name: g.name,
      personId: g.personId,
      organisation: g.organisation,
      approvedBy: g.approvedBy,
      approvedOn: g.approvedOn,
      elderly: onRoster ? sixtyOrOver(onRoster, day) : false,
      infirm: g.infirm,
    };
  }
  if (g.body === 'township_civil_affairs' && !g.note)
    throw invalidField('guardian.note', '说明：由乡镇民政办监护时，请写明村委会不能担任的原因');
  return {
    ...base,
    guardianClass: 'institution',
    name: guardianBodyLabels[g.body],
    body: g.body,
    note: g.note,
    elderly: false,
    infirm: false,
  };
}

/** Whether a person qualifies as the plan counts it: age by the roster's birth date, or a disability of the named grades. */
function checkQualifies(req: RegisterCareRequest, person: PersonRecord, day: string) {
  const birthDate = unsealSensitive(person)?.birthDate;
  if (req.reason === 'aged' && !(birthDate && hasTurned(birthDate, 60, day)))
    throw invalidField('reason', '认定条件：按名册出生日期，此人未满 60 周岁');
  if (req.reason === 'minor' && !(birthDate && !hasTurned(birthDate, 16, day)))
    throw invalidField('reason', '认定条件：按名册出生日期，此人已满 16 周岁');
  if (req.reason === 'disability') {
    if (!req.disability) throw invalidField('disability', '残疾情况：请填写残疾类别和等级');
    if (!qualifyingGrades[req.disability.category].includes(req.disability.grade))
      throw invalidField('disability.grade', '残疾等级：智力、精神残疾须为一、二级，肢体残疾须为一级');
  }
}

export async function registerCare(
  actor: Actor,
  villageId: string | undefined,
  req: RegisterCareRequest,
  now: Date,
): Promise<CareRecord> {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'care.manage', village);
  const day = today(village, now);
  const person = await livingHere(village, req.personId);
  if (!person) throw invalidField('personId', '人员：名册中没有这名村民');
  checkQualifies(req, person, day);
  if (req.careSince && req.careSince > day) throw invalidField('careSince', '纳入供养日期：不能晚于今天');
  const cadre = await livingHere(village, req.cadreId);
  if (!cadre || !activeTerms(cadre, now).some((t) => t.role === 'committee'))
    throw invalidField('cadreId', '包村干部：须是本村现任村委会委员');
  const guardian = await guardianFrom(village, person, req.guardian, now);
  if (await getHead(village.villageId, person.personId)) throw conflict('此人已在监护照料名册中');
  const head: CareHead = {
    villageId: village.villageId,
    personId: person.personId,
    name: person.name,
    groupName: person.groupName,
    supportMode: req.supportMode,
    cadre: { personId: cadre.personId, name: cadre.name },
    careSince: req.careSince ?? day,
    registeredAt: now.toISOString(),
    guardian,
    openProblems: 0,
    version: 1,
    sealed: sealCare({ reason: req.reason, disability: req.disability, needs: req.needs, health: req.health }),
  };
  const written = await transact([
    newHeadPut(head),
    auditPut({
      tenantId: village.villageId,
      at: now.toISOString(),
      actorId: actor.personId,
      action: 'care.register',
      target: `care:${person.personId}`,
    }),
  ]);
  if (!written) throw conflict('此人已在监护照料名册中');
  return recordView(village, head, now);
}

/** Writes a changed head with its audit entry and whatever else the change adds, or says someone was quicker. */
export async function saveHead(
  village: VillageRecord,
  head: CareHead,
  readVersion: number,
  extra: TransactItem[],
  audit: { actor: Actor; action: string; at: Date; changedFields?: string[] },
) {
  const written = await transact([
    ...extra,
    headPut(head, readVersion),
    auditPut({
      tenantId: village.villageId,
      at: audit.at.toISOString(),
      actorId: audit.actor.personId,
      action: audit.action,
      target: `care:${head.personId}`,
      changedFields: audit.changedFields,
    }),
  ]);
  if (!written) throw conflict('这份档案刚被别人修改过，请刷新后再试');
  return { ...head, version: readVersion + 1 };
}

/**
 * A new guardian in place of the current one, with the reason: the former guardian is kept with
 * it, and their agreement ends (a new one is signed with the new guardian).
 */
export async function replaceGuardian(
  actor: Actor,
  personId: string,
  villageId: string | undefined,
  req: ReplaceGuardianRequest,
  now: Date,
) {
  const { village, head } = await writableHead(actor, villageId, personId);
  const person = await getPerson(village.villageId, personId);
  if (!person) throw notFound('名册中没有这名特困人员');
  const guardian = await guardianFrom(village, person, req.guardian, now);
  const same =
    guardian.guardianClass === head.guardian.guardianClass &&
    (guardian.personId ?? guardian.name) === (head.guardian.personId ?? head.guardian.name);
  if (same) throw invalidField('guardian', '监护人：新监护人与现任监护人相同');
  const former: Guardian = { ...head.guardian, until: now.toISOString(), endReason: req.reason };
  const saved = await saveHead(
    village,
    { ...head, guardian, agreementId: undefined },
    head.version,
    [formerGuardianPut(village.villageId, personId, former)],
    { actor, action: 'care.guardian.replace', at: now, changedFields: ['guardian'] },
  );
  return recordView(village, saved, now);
}

/** The care agreement (监护照料协议) with the current guardian: the three named duties at least, its dates, the signed scan. */
export async function addAgreement(
  actor: Actor,
  personId: string,
  villageId: string | undefined,
  req: AgreementRequest,
  now: Date,
) {
  const { village, head } = await writableHead(actor, villageId, personId);
  for (const kind of namedDuties)
    if (!req.duties.some((d) => d.kind === kind))
      throw invalidField('duties', `职责：协议须写明“${dutyLabels[kind]}”具体做什么`);
  if (req.endsOn <= req.startsOn) throw invalidField('endsOn', '协议结束日期：须晚于开始日期');
  if (req.signedOn > today(village, now)) throw invalidField('signedOn', '签订日期：不能晚于今天');
  const scan = await claimPhotos(actor, village.villageId, [req.scanPhotoId], now).catch((e: unknown) => {
    if (e instanceof AppError && e.fields?.[0]?.path === 'photos')
      throw invalidField('scanPhotoId', `协议签字扫描件：${e.fields[0].message}`);
    throw e;
  });
  const agreementId = newId(now.getTime());
  const saved = await saveHead(
    village,
    { ...head, agreementId },
    head.version,
    [
      ...scan.items,
      agreementPut(village.villageId, personId, {
        agreementId,
        guardianId: head.guardian.guardianId,
        guardianName: head.guardian.name,
        duties: req.duties,
        signedOn: req.signedOn,
        startsOn: req.startsOn,
        endsOn: req.endsOn,
        scan: scan.photos[0],
        recordedAt: now.toISOString(),
        recordedBy: actor.personId,
      }),
    ],
    { actor, action: 'care.agreement', at: now },
  );
  return recordView(village, saved, now);
}

/* ---------- 关爱线索 about a person in care ---------- */

/**
 * Files a 关爱线索 case (a villager's concern) with the person it is about, so their file lists it and the case
 * leads to the file. Only a care-category case of the village that the caller may open (civil affairs handle them);
 * one person per case; the same link again is no change.
 */
export async function linkCase(
  actor: Actor,
  personId: string,
  villageId: string | undefined,
  req: LinkCaseRequest,
  now: Date,
) {
  const { village, head } = await writableHead(actor, villageId, personId);
  const kase = await getCase(village.villageId, req.caseId);
  // A concern the caller can't open (it goes to civil affairs) is as good as absent: nothing is told about it.
  if (!kase || !categoryOf(village, kase.categoryId)?.care || !seesCase(actor, targetOf(village, kase)))
    throw invalidField('caseId', '关爱线索：本村没有这条关爱线索');
  const linkedTo = await careOfCase(village.villageId, req.caseId);
  if (linkedTo === personId) return recordView(village, head, now);
  if (linkedTo) throw conflict('这条关爱线索已关联另一名特困人员');
  const at = now.toISOString();
  const written = await transact([
    ...caseLinkPuts(village.villageId, personId, { caseId: req.caseId, linkedAt: at }),
    auditPut({
      tenantId: village.villageId,
      at,
      actorId: actor.personId,
      action: 'care.case.link',
      target: `care:${personId}`,
    }),
  ]);
  // Lost to a link made at the same moment: the same person's is the answer, another's a conflict.
  if (!written && (await careOfCase(village.villageId, req.caseId)) !== personId)
    throw conflict('这条关爱线索已关联另一名特困人员');
  return recordView(village, head, now);
}
