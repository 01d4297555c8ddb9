import type { z } from 'zod';
import { canStep, isOpen, nextState, similarity, takesSupport, workingState } from '../../shared/rules/case-flow';
import {
  type CaseDeadlines,
  caseDeadlines,
  inReviewWindow,
  overdueClock,
  type WorkCalendar,
} from '../../shared/rules/deadlines';
import { localDay } from '../../shared/rules/local-day';
import { meetsShare, needed } from '../../shared/rules/quorum';
import { maskName } from '../../shared/rules/tiers';
import {
  type Case,
  type CaseAction,
  type CaseDashboard,
  type CaseListQuery,
  type CaseStatus,
  type CaseSummary,
  caseStatusLabels,
  type MeetingRequest,
  meetingLabels,
  type RateRequest,
  ratingLabels,
  type SubmitCaseRequest,
} from '../../shared/schemas/case';
import { roleLabels } from '../../shared/schemas/person';
import type { CreateTopicRequest } from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, transact } from '../lib/db';
import { AppError, conflict, forbidden, invalidField, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { keys } from '../lib/keys';
import { allows, authorize, type CaseTarget, decidesCase, knowsPetitioner, seesCase, worksCase } from '../lib/policy';
import { getPerson, isAdultOn, listPeople, type PersonRecord } from '../people/store';
import { claimPhotos, photoViews } from '../photos/service';
import * as topics from '../topics/service';
import { ownVillage, resolveVillage } from '../villages/service';
import { getVillage, listTownshipVillages, type VillageRecord } from '../villages/store';
import * as store from './store';

const STALE = '这件事刚被其他人处理过，请刷新后再看';
const NOT_FOUND = '没有找到这件建议或诉求';

/* ---------- settings, clocks and who is who ---------- */

const categoryOf = (village: VillageRecord, categoryId: string) =>
  village.settings.caseCategories.find((c) => c.categoryId === categoryId);

const calendarOf = (village: VillageRecord): WorkCalendar => ({
  utcOffsetMinutes: village.settings.utcOffsetMinutes,
  holidays: village.settings.holidays,
  workdays: village.settings.workdays,
});

function deadlinesOf(village: VillageRecord, c: store.CaseRecord): CaseDeadlines {
  const limits = (categoryOf(village, c.categoryId) ?? village.settings.caseCategories[0]).limits;
  return caseDeadlines(
    {
      submittedAt: c.submittedAt,
      acceptedAt: c.resolveFrom ?? c.acceptedAt,
      extendedBy: c.extension ? limits.extension : undefined,
      repliedAt: c.reply?.at,
    },
    limits,
    calendarOf(village),
  );
}

/** The clock that is running now, if any: what the scheduled escalation waits for. */
function runningClock(village: VillageRecord, c: store.CaseRecord): string | undefined {
  const d = deadlinesOf(village, c);
  if (c.status === 'escalated') return undefined; // on the township's list already
  if (c.status === 'submitted') return d.acceptBy;
  if (['accepted', 'assigned', 'in_progress', 'reopened'].includes(c.status)) return d.resolveBy;
  if (c.status === 'resolved' || c.status === 'rated') return d.reviewBy; // closes once the review window ends
  return undefined;
}

const overdueOf = (village: VillageRecord, c: store.CaseRecord, now: Date) =>
  isOpen(c.status)
    ? overdueClock(
        {
          submittedAt: c.submittedAt,
          acceptedAt: c.resolveFrom ?? c.acceptedAt,
          decidedAt: c.decidedAt,
          repliedAt: c.reply?.at,
        },
        deadlinesOf(village, c),
        now.toISOString(),
      )
    : undefined;

const targetOf = (village: VillageRecord, c: store.CaseRecord): CaseTarget => ({
  villageId: village.villageId,
  townshipId: village.townshipId,
  route: c.route,
  public: c.public,
  care: c.care,
  escalated: Boolean(c.escalation) && isOpen(c.status),
  groupName: c.groupName,
  submitterId: c.submitter.personId,
  enteredById: c.enteredBy?.personId,
  assigneeId: c.assignee?.personId,
  subjectId: c.about?.personId,
});

const staffName = (a: Actor) => {
  const role = a.roles.find((r) => r !== 'resident' && r !== 'household_head') ?? 'resident';
  return `${roleLabels[role]} ${a.name}`;
};

/** How the author appears: whole to those who may know; otherwise 匿名, 保密 or masked. */
function authorFor(a: Actor, village: VillageRecord, c: store.CaseRecord) {
  if (knowsPetitioner(a, targetOf(village, c))) return c.submitter.name;
  // A petitioner is never named in public (domain.md §4), even masked; a suggestion's author may be.
  if (c.anonymous || c.kind === 'petition') return '匿名村民';
  if (!c.public) return '（保密）';
  return maskName(c.submitter.name);
}

/* ---------- the view ---------- */

interface Standing {
  seconds: number;
  seconded: boolean;
  coSigned: boolean;
}

function actionsFor(a: Actor, village: VillageRecord, c: store.CaseRecord, s: Standing, now: Date): CaseAction[] {
  const t = targetOf(village, c);
  const state = workingState(c.status, c.escalation?.from);
  const decides = decidesCase(a, t);
  const works = worksCase(a, t);
  const isSubmitter = a.personId === c.submitter.personId;
  const supports = allows(a, 'case.support', village) && !isSubmitter && c.public && takesSupport(c.status);
  const d = deadlinesOf(village, c);
  const can: Record<CaseAction, boolean> = {
    accept: decides && canStep('accept', state),
    decline: decides && canStep('decline', state),
    assign: decides && canStep('assign', state),
    progress: works && canStep('progress', state),
    extend: decides && canStep('extend', state) && !c.extension,
    reply: works && canStep('reply', state),
    rate: isSubmitter && canStep('rate', state) && inReviewWindow(d, now.toISOString()),
    second: supports && c.kind === 'suggestion' && !s.seconded,
    cosign: supports && Boolean(c.asksFor) && !s.coSigned && !c.duty,
    merge: decides && canStep('merge', state),
    topic:
      decides &&
      c.kind === 'suggestion' &&
      !c.topicId &&
      canStep('topic', state) &&
      allows(a, 'topic.propose', village) &&
      a.tenant.kind === 'village',
    meeting: Boolean(c.duty && !c.duty.convened) && allows(a, 'case.convene', village) && a.tenant.kind === 'village',
  };
  return (Object.keys(can) as CaseAction[]).filter((k) => can[k]);
}

async function coSigningOf(village: VillageRecord, c: store.CaseRecord, now: Date) {
  if (!c.asksFor) return undefined;
  const count = await store.coSignCount(c.villageId, c.caseId);
  const base = await rosterBase(village, now);
  const rules = village.settings.coSigning;
  return {
    asksFor: c.asksFor,
    ...count,
    adultsNeeded:
      c.asksFor === 'villagers_meeting'
        ? Math.max(1, needed(base.adults, { share: rules.villagersMeetingAdults, strict: false }))
        : undefined,
    representativesNeeded: Math.max(
      1,
      needed(base.representatives, {
        share:
          c.asksFor === 'villagers_meeting' ? rules.villagersMeetingRepresentatives : rules.assemblyRepresentatives,
        strict: false,
      }),
    ),
  };
}

async function standingOf(a: Actor, c: store.CaseRecord): Promise<Standing> {
  const [seconds, seconded, coSigned] = await Promise.all([
    c.kind === 'suggestion' ? store.countSeconds(c.villageId, c.caseId) : 0,
    c.kind === 'suggestion' ? store.hasSeconded(c.villageId, c.caseId, a.personId) : false,
    c.asksFor ? store.hasCoSigned(c.villageId, c.caseId, a.personId) : false,
  ]);
  return { seconds, seconded, coSigned };
}

function summaryOf(a: Actor, village: VillageRecord, c: store.CaseRecord, seconds: number, now: Date): CaseSummary {
  const knows = knowsPetitioner(a, targetOf(village, c));
  return {
    caseId: c.caseId,
    villageId: c.villageId,
    kind: c.kind,
    categoryId: c.categoryId,
    categoryLabel: categoryOf(village, c.categoryId)?.label ?? c.categoryId,
    care: c.care,
    text: c.text,
    public: c.public,
    status: c.status,
    route: c.route,
    author: authorFor(a, village, c),
    // A group narrows down who wrote an anonymous or private case: only for those who may know.
    groupName: knows || (c.public && !c.anonymous && c.kind === 'suggestion') ? c.groupName : undefined,
    deadlines: deadlinesOf(village, c),
    overdue: overdueOf(village, c, now),
    escalation: c.escalation ? { reason: c.escalation.reason, at: c.escalation.at } : undefined,
    seconds,
    duty: c.duty,
    createdAt: c.submittedAt,
  };
}

async function viewOf(a: Actor, village: VillageRecord, c: store.CaseRecord, now: Date): Promise<Case> {
  const t = targetOf(village, c);
  const knows = knowsPetitioner(a, t);
  const decides = decidesCase(a, t);
  const standing = await standingOf(a, c);
  return {
    ...summaryOf(a, village, c, standing.seconds, now),
    place: c.place,
    photos: await photoViews(c.villageId, c.photos, now),
    anonymous: c.anonymous,
    submitter: knows ? { ...c.submitter } : undefined,
    enteredBy: knows && c.enteredBy ? { name: c.enteredBy.name, intake: c.enteredBy.intake } : undefined,
    about: c.about && (knows || decides) ? { kind: c.about.kind, name: c.about.name } : undefined,
    assignee: c.assignee,
    extension: c.extension,
    reply: c.reply,
    rating: c.rating,
    coSigning: await coSigningOf(village, c, now),
    mergedInto: c.mergedInto,
    merged: c.merged,
    topicId: c.topicId,
    timeline: c.timeline,
    me: {
      isSubmitter: a.personId === c.submitter.personId,
      seconded: standing.seconded,
      coSigned: standing.coSigned,
      actions: actionsFor(a, village, c, standing, now),
    },
  };
}

/** Which case: township staff also name its village, as they do for reads. */
export interface CaseRef {
  caseId: string;
  villageId?: string;
}

/** A case the caller may see, or "not found" (its existence is not revealed either). */
async function loadVisible(actor: Actor, villageId: string | undefined, caseId: string) {
  const village = await resolveVillage(actor, villageId);
  const c = await store.getCase(village.villageId, caseId);
  if (!c || !seesCase(actor, targetOf(village, c))) throw notFound(NOT_FOUND);
  return { village, c };
}

export async function getCase(actor: Actor, caseId: string, villageId: string | undefined, now: Date) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  return viewOf(actor, village, c, now);
}

export async function categories(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  return { items: village.settings.caseCategories };
}

/* ---------- submitting ---------- */

/** Who a case is routed to: civil affairs for a care concern, 监委会 and the township when the committee is its subject. */
const routeFor = (care: boolean, req: SubmitCaseRequest) =>
  care ? 'civil_affairs' : req.about ? 'supervision' : 'committee';

async function subjectOf(village: VillageRecord, about: SubmitCaseRequest['about'], now: Date) {
  if (!about?.personId) return about ? { kind: about.kind } : undefined;
  const p = await getPerson(village.villageId, about.personId);
  if (!p) throw invalidField('about.personId', '投诉对象：没有找到这个人');
  if (about.kind === 'member' && !activeTerms(p, now).some((t) => t.role === 'committee'))
    throw invalidField('about.personId', '投诉对象：此人不是村委会委员');
  return { kind: about.kind, personId: p.personId, name: p.name };
}

/** The petitioner: the caller, or for a proxy entry the resident they met (in their own grid). */
async function petitionerOf(actor: Actor, village: VillageRecord, req: SubmitCaseRequest) {
  if (!req.onBehalfOf) {
    authorize(actor, 'case.submit', village);
    return { submitter: { personId: actor.personId, name: actor.name, groupName: actor.groupName } };
  }
  const p = await getPerson(village.villageId, req.onBehalfOf.personId);
  if (p?.status !== 'active') throw invalidField('onBehalfOf.personId', '代为录入：没有找到这位村民');
  authorize(actor, 'case.proxy', { ...village, groupName: p.groupName });
  return {
    submitter: { personId: p.personId, name: p.name, groupName: p.groupName },
    enteredBy: { personId: actor.personId, name: actor.name, intake: req.onBehalfOf.intake },
  };
}

export async function submitCase(actor: Actor, req: SubmitCaseRequest, idempotencyKey: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  const category = categoryOf(village, req.categoryId);
  if (!category) throw invalidField('categoryId', '类别：本村没有这个类别');
  const scope = idempotencyKey && { tenantId: village.villageId, personId: actor.personId, key: idempotencyKey };
  const earlier = scope && (await findIdempotentResult(scope));
  if (earlier) return getCase(actor, earlier, undefined, now);
  const who = await petitionerOf(actor, village, req);
  const about = await subjectOf(village, req.about, now);
  if (about?.personId === who.submitter.personId) throw invalidField('about.personId', '投诉对象不能是自己');
  const photos = await claimPhotos(actor, village.villageId, req.photos, now);
  const at = now.toISOString();
  const isPublic = !category.care && (req.public ?? (req.kind === 'suggestion' || Boolean(req.asksFor)));
  const c: store.CaseRecord = {
    caseId: newId(now.getTime()),
    villageId: village.villageId,
    townshipId: village.townshipId,
    kind: req.kind,
    categoryId: category.categoryId,
    care: category.care,
    text: req.text,
    place: req.place,
    photos: photos.photos,
    public: isPublic,
    anonymous: req.anonymous,
    route: routeFor(category.care, req),
    submitter: who.submitter,
    enteredBy: who.enteredBy,
    about,
    groupName: who.submitter.groupName,
    asksFor: req.asksFor,
    status: 'submitted',
    submittedAt: at,
    merged: [],
    timeline: [
      {
        at,
        action: 'submit',
        status: 'submitted',
        note: who.enteredBy ? `代为录入（${who.enteredBy.intake === 'box' ? '意见箱' : '当面或电话'}）` : undefined,
      },
    ],
    version: 0,
  };
  const clock = runningClock(village, c);
  c.clock = clock && store.clockKey(clock, c);
  const items: TransactItem[] = [
    store.putCase(c, 'new'),
    ...store.clockItems(c, c.clock),
    ...photos.items,
    auditPut({
      tenantId: village.villageId,
      at,
      actorId: actor.personId,
      action: 'case.submit',
      target: `case:${c.caseId}`,
    }),
  ];
  if (scope) items.push(idempotencyPut(scope, c.caseId, at));
  if (!(await transact(items))) throw conflict('这件事已经提交过了，或照片已用在别处');
  return viewOf(actor, village, { ...c, version: 1 }, now);
}

/* ---------- lists ---------- */

export async function listCases(actor: Actor, q: z.output<typeof CaseListQuery>, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  const keep = (c: store.CaseRecord) =>
    seesCase(actor, targetOf(village, c)) && (q.open === undefined || isOpen(c.status) === q.open);
  // The work list: cases the caller handles, follows in their grid, or oversees; not every public one.
  const works = (c: store.CaseRecord) =>
    knowsPetitioner(actor, targetOf(village, c)) || allows(actor, 'case.dashboard', village);
  let page: { items: store.CaseRecord[]; nextCursor: string | null };
  if (q.view === 'mine')
    page = await store.pageIndex(
      keys.submitterPartition(village.villageId, actor.personId),
      village.villageId,
      q.limit,
      q.cursor,
    );
  else if (q.view === 'public')
    page = await store.pageIndex(keys.publicCasePartition(village.villageId), village.villageId, q.limit, q.cursor);
  else {
    // The work list: what the caller handles or oversees, newest first, read from the village's cases.
    const all = (await store.listVillageCases(village.villageId))
      .reverse()
      .filter(
        (c) => (!q.cursor || c.caseId < q.cursor) && keep(c) && works(c) && c.submitter.personId !== actor.personId,
      );
    const items = all.slice(0, q.limit);
    page = { items, nextCursor: all.length > q.limit ? items[items.length - 1].caseId : null };
  }
  const items = page.items.filter(keep);
  const seconds = await Promise.all(
    items.map((c) => (c.kind === 'suggestion' ? store.countSeconds(c.villageId, c.caseId) : 0)),
  );
  return { items: items.map((c, i) => summaryOf(actor, village, c, seconds[i], now)), nextCursor: page.nextCursor };
}

/** Open public suggestions like a text being written: "me too" (附议) instead of a duplicate. */
export async function similarCases(actor: Actor, text: string, categoryId: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  const candidates = (await store.listVillageCases(village.villageId)).filter(
    (c) =>
      c.kind === 'suggestion' &&
      c.public &&
      takesSupport(c.status) &&
      (!categoryId || c.categoryId === categoryId) &&
      seesCase(actor, targetOf(village, c)),
  );
  const ranked = candidates
    .map((c) => ({ c, similarity: similarity(text, c.text) }))
    .filter((r) => r.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
  const seconds = await Promise.all(ranked.map((r) => store.countSeconds(r.c.villageId, r.c.caseId)));
  return {
    items: ranked.map((r, i) => ({
      ...summaryOf(actor, village, r.c, seconds[i], now),
      similarity: Math.round(r.similarity * 100) / 100,
    })),
  };
}

/* ---------- handling: one step at a time, each audited ---------- */

interface Step {
  action: CaseAction | 'escalate' | 'close' | 'reopen';
  note?: string;
  change: Partial<store.CaseRecord>;
  to?: CaseStatus;
  extra?: TransactItem[];
}

/** Writes one step: the new head (guarded by its version), the timeline entry, the clock and the audit entry. */
async function applyStep(
  actorId: string,
  by: string | undefined,
  village: VillageRecord,
  c: store.CaseRecord,
  step: Step,
  now: Date,
) {
  const at = now.toISOString();
  const status = step.to ?? nextState(step.action as CaseAction, workingState(c.status, c.escalation?.from));
  const next: store.CaseRecord = {
    ...c,
    ...step.change,
    status,
    timeline: [...c.timeline, { at, action: step.action, status, note: step.note, by }],
  };
  const clock = runningClock(village, next);
  next.clock = clock && store.clockKey(clock, next);
  const ok = await transact([
    store.putCase(next, c.version),
    ...store.clockItems(next, next.clock, c.clock),
    auditPut({
      tenantId: village.villageId,
      at,
      actorId,
      action: `case.${step.action}`,
      target: `case:${c.caseId}`,
      ...(step.note ? { reason: step.note.slice(0, 200) } : {}),
    }),
    ...(step.extra ?? []),
  ]);
  if (!ok) throw conflict(STALE);
  return { ...next, version: c.version + 1 };
}

const refusals: Partial<Record<CaseAction, string>> = {
  accept: '只有待受理的事项可以受理',
  decline: '只有待受理的事项可以不予受理',
  assign: '受理以后才能转办',
  progress: '受理以后才能记录办理进展',
  extend: '这件事现在不能延期',
  reply: '受理以后才能答复',
  merge: '这件事现在不能合并',
  topic: '受理以后的建议才能转为议题',
};

/** Loads a case for a handling step: seen by the caller, allowed to them, and in a state the step starts from. */
async function forStep(actor: Actor, { caseId, villageId }: CaseRef, action: CaseAction, now: Date) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  const standing = { seconds: 0, seconded: false, coSigned: false };
  if (!actionsFor(actor, village, c, standing, now).includes(action)) {
    const t = targetOf(village, c);
    const allowed = ['progress', 'reply'].includes(action) ? worksCase(actor, t) : decidesCase(actor, t);
    if (!allowed) throw forbidden(c.route === 'committee' ? '只有村委会和承办人可以办理' : '这件事由监委会和乡镇办理');
    throw conflict(
      action === 'extend' && c.extension ? '已经延期过一次，不能再延期' : (refusals[action] ?? '现在不能这样操作'),
    );
  }
  return { village, c };
}

export async function accept(actor: Actor, { caseId, villageId }: CaseRef, note: string | undefined, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'accept', now);
  const at = now.toISOString();
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'accept', note, change: { decidedAt: at, acceptedAt: at } },
    now,
  );
  return viewOf(actor, village, done, now);
}

export async function decline(actor: Actor, { caseId, villageId }: CaseRef, reason: string, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'decline', now);
  const change = { decidedAt: now.toISOString() };
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'decline', note: reason, change },
    now,
  );
  return viewOf(actor, village, done, now);
}

/** Who may be given a case: committee members and grid workers of the village (and, for civil affairs, those too). */
const isHandlerCandidate = (p: PersonRecord, now: Date) =>
  p.status === 'active' && activeTerms(p, now).some((t) => t.role === 'committee' || t.role === 'grid_worker');

export async function handlers(actor: Actor, { caseId, villageId }: CaseRef, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'assign', now);
  const people = (await listPeople(village.villageId)).filter(
    (p) =>
      isHandlerCandidate(p, now) &&
      p.personId !== c.about?.personId &&
      (c.route !== 'supervision' || !isCommittee(p, now)),
  );
  return {
    items: people.map((p) => {
      const role = activeTerms(p, now).find((t) => t.role === 'committee') ? 'committee' : 'grid_worker';
      return { personId: p.personId, name: p.name, role: roleLabels[role], groupName: p.groupName };
    }),
  };
}
const isCommittee = (p: PersonRecord, now: Date) => activeTerms(p, now).some((t) => t.role === 'committee');

export async function assign(
  actor: Actor,
  { caseId, villageId }: CaseRef,
  personId: string,
  note: string | undefined,
  now: Date,
) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'assign', now);
  const p = await getPerson(village.villageId, personId);
  if (!p || !isHandlerCandidate(p, now)) throw invalidField('personId', '承办人：只能转给本村的村委会委员或网格员');
  if (p.personId === c.about?.personId) throw invalidField('personId', '承办人不能是被投诉的人');
  if (c.route === 'supervision' && isCommittee(p, now))
    throw invalidField('personId', '承办人：涉及村委会的诉求不能交给村委会委员办理');
  const assignee = { personId: p.personId, name: p.name };
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'assign', note: note ?? `转交 ${p.name} 办理`, change: { assignee } },
    now,
  );
  return viewOf(actor, village, done, now);
}

export async function progress(actor: Actor, { caseId, villageId }: CaseRef, note: string, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'progress', now);
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'progress', note, change: {} },
    now,
  );
  return viewOf(actor, village, done, now);
}

export async function extend(actor: Actor, { caseId, villageId }: CaseRef, reason: string, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'extend', now);
  const change = { extension: { reason, at: now.toISOString() } };
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'extend', note: reason, change },
    now,
  );
  return viewOf(actor, village, done, now);
}

export async function reply(actor: Actor, { caseId, villageId }: CaseRef, text: string, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'reply', now);
  const change = { reply: { text, at: now.toISOString(), by: staffName(actor) } };
  // The timeline keeps every reply: a reopened case answers again, and the first answer stays on the record.
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'reply', note: text, change },
    now,
  );
  return viewOf(actor, village, done, now);
}

/** "服务谁、谁评价": only the petitioner rates, within the review window; unsatisfied reopens or escalates. */
export async function rate(actor: Actor, { caseId, villageId }: CaseRef, req: z.output<typeof RateRequest>, now: Date) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  if (actor.personId !== c.submitter.personId) throw forbidden('只有提出人本人可以评价');
  if (c.status !== 'resolved') throw conflict(c.rating ? '已经评价过了' : '答复以后才能评价');
  if (!inReviewWindow(deadlinesOf(village, c), now.toISOString()))
    throw conflict('已超过复查请求期限（答复后 30 天内），不能再评价');
  const at = now.toISOString();
  const rating = { rating: req.rating, comment: req.comment, at };
  const note = `${ratingLabels[req.rating]}${req.comment ? `：${req.comment}` : ''}`;
  let done = await applyStep(actor.personId, undefined, village, c, { action: 'rate', note, change: { rating } }, now);
  if (req.rating === 'unsatisfied') {
    const escalate = village.settings.unsatisfiedRating === 'escalate';
    done = await applyStep(
      actor.personId,
      undefined,
      village,
      done,
      escalate
        ? {
            action: 'escalate',
            to: 'escalated',
            note: '提出人不满意，上报乡镇',
            change: { escalation: { reason: 'unsatisfied', at, from: 'reopened' }, resolveFrom: at, reply: undefined },
          }
        : {
            action: 'reopen',
            to: 'reopened',
            note: '提出人不满意，重新办理',
            change: { resolveFrom: at, reply: undefined },
          },
      now,
    );
  }
  return viewOf(actor, village, done, now);
}

/* ---------- 附议 and 联名 ---------- */

async function forSupport(actor: Actor, { caseId, villageId }: CaseRef) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  authorize(actor, 'case.support', village);
  if (actor.tenant.kind !== 'village') throw forbidden('只有本村村民可以附议或联名');
  if (!c.public) throw conflict('这件事没有公开，不能附议或联名');
  if (c.submitter.personId === actor.personId) throw conflict('不能附议或联名自己提出的事');
  if (!takesSupport(c.status)) throw conflict('这件事已经办结，不能再附议或联名');
  return { village, c };
}

export async function second(actor: Actor, { caseId, villageId }: CaseRef, now: Date) {
  const { c } = await forSupport(actor, { caseId, villageId });
  if (c.kind !== 'suggestion') throw conflict('只有建议可以附议；诉求请用联名');
  const outcome = await store.second(c, actor.personId, now.toISOString());
  if (outcome === 'already') throw conflict('您已经附议过了');
  if (outcome === 'closed') throw conflict('这件事已经办结，不能再附议');
  return { caseId, seconds: await store.countSeconds(c.villageId, c.caseId) };
}

/** Adults and representatives on the roster at this moment: the base a co-signed petition is measured against. */
async function rosterBase(village: VillageRecord, now: Date) {
  const people = (await listPeople(village.villageId)).filter((p) => p.status === 'active' && isAdultOn(p, now));
  return {
    adults: people.length,
    representatives: people.filter((p) => activeTerms(p, now).some((t) => t.role === 'representative')).length,
  };
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 五分之一, as the law writes a share; numbers past ten stay in figures. */
const fractionWords = ([a, b]: [number, number]) => `${digits[b] ?? b}分之${digits[a] ?? a}`;

/** The duty a co-signed petition creates once it reaches a threshold (组织法 art. 21, 26), in plain words. */
function dutyReached(
  village: VillageRecord,
  c: store.CaseRecord,
  count: store.CoSignCount,
  base: { adults: number; representatives: number },
) {
  const rules = village.settings.coSigning;
  const reaches = (n: number, total: number, share: [number, number]) =>
    total > 0 && n > 0 && meetsShare(n, total, { share, strict: false });
  if (c.asksFor === 'villagers_meeting') {
    if (reaches(count.coSigners, base.adults, rules.villagersMeetingAdults))
      return `联名 ${count.coSigners} 人，达到全村 ${base.adults} 名成年村民的${fractionWords(rules.villagersMeetingAdults)}`;
    if (reaches(count.representatives, base.representatives, rules.villagersMeetingRepresentatives))
      return `联名村民代表 ${count.representatives} 人，达到全村 ${base.representatives} 名村民代表的${fractionWords(rules.villagersMeetingRepresentatives)}`;
    return undefined;
  }
  if (reaches(count.representatives, base.representatives, rules.assemblyRepresentatives))
    return `联名村民代表 ${count.representatives} 人，达到全村 ${base.representatives} 名村民代表的${fractionWords(rules.assemblyRepresentatives)}`;
  return undefined;
}

export async function coSign(actor: Actor, { caseId, villageId }: CaseRef, now: Date) {
  const { village, c } = await forSupport(actor, { caseId, villageId });
  if (!c.asksFor) throw conflict('这件诉求没有要求召开会议，不需要联名');
  const me = await getPerson(village.villageId, actor.personId);
  if (!me || !isAdultOn(me, now)) throw forbidden('只有年满 18 周岁的本村村民可以联名');
  const outcome = await store.coSign(c, actor.personId, actor.roles.includes('representative'), now.toISOString());
  if (outcome === 'already') throw conflict('您已经联名过了');
  const fresh = (await store.getCase(village.villageId, caseId)) ?? c;
  if (!fresh.duty) {
    const basis = dutyReached(
      village,
      fresh,
      await store.coSignCount(c.villageId, c.caseId),
      await rosterBase(village, now),
    );
    if (basis) {
      const duty = {
        body: fresh.asksFor ?? 'villagers_meeting',
        reachedAt: now.toISOString(),
        basis,
        noticeDays: village.settings.coSigning.meetingNoticeDays,
      };
      const note = `${basis}，村委会应当召集${meetingLabels[duty.body]}（提前 ${duty.noticeDays} 天通知）`;
      // A concurrent step may have moved the head; the next co-signer re-checks, so a lost race only delays the duty.
      await applyStep(
        actor.personId,
        undefined,
        village,
        fresh,
        { action: 'cosign', to: fresh.status, note, change: { duty } },
        now,
      ).catch(() => undefined);
    }
  }
  return viewOf(actor, village, (await store.getCase(village.villageId, caseId)) ?? c, now);
}

/** The committee records the meeting it was obliged to call, no sooner than the notice the law asks. */
export async function convene(
  actor: Actor,
  { caseId, villageId }: CaseRef,
  req: z.output<typeof MeetingRequest>,
  now: Date,
) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  authorize(actor, 'case.convene', village);
  if (!c.duty) throw conflict('这件诉求的联名还没有达到法定人数');
  if (c.duty.convened) throw conflict('已经召集过会议了');
  const today = localDay(now, village.settings.utcOffsetMinutes);
  const earliest = new Date(Date.parse(today) + c.duty.noticeDays * 86_400_000).toISOString().slice(0, 10);
  if (req.on < earliest) throw invalidField('on', `会议日期：须提前 ${c.duty.noticeDays} 天通知，最早 ${earliest}`);
  const convened = { on: req.on, place: req.place, at: now.toISOString(), by: staffName(actor) };
  const note = `定于 ${req.on} 在${req.place}召开${meetingLabels[c.duty.body]}`;
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'meeting', to: c.status, note, change: { duty: { ...c.duty, convened } } },
    now,
  );
  return viewOf(actor, village, done, now);
}

/* ---------- merging and turning into a topic ---------- */

export async function merge(
  actor: Actor,
  { caseId, villageId }: CaseRef,
  intoCaseId: string,
  note: string | undefined,
  now: Date,
) {
  if (intoCaseId === caseId) throw invalidField('intoCaseId', '不能合并到自己');
  const { village, c } = await forStep(actor, { caseId, villageId }, 'merge', now);
  const into = await store.getCase(village.villageId, intoCaseId);
  if (!into || !decidesCase(actor, targetOf(village, into)) || !isOpen(into.status) || into.mergedInto)
    throw invalidField('intoCaseId', '合并到：没有找到可以合并的事项');
  const at = now.toISOString();
  const grown = {
    ...into,
    merged: [...into.merged, c.caseId],
    timeline: [
      ...into.timeline,
      { at, action: 'merge', status: into.status, note: '合并了一件相同的事项', by: staffName(actor) },
    ],
  };
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    {
      action: 'merge',
      note: note ?? '与另一件相同的事项合并办理',
      change: { mergedInto: into.caseId },
      extra: [store.putCase(grown, into.version)],
    },
    now,
  );
  return viewOf(actor, village, done, now);
}

/** An adopted suggestion becomes a consultation topic (a draft), linked both ways, in one transaction. */
export async function toTopic(actor: Actor, { caseId, villageId }: CaseRef, req: CreateTopicRequest, now: Date) {
  const { village, c } = await forStep(actor, { caseId, villageId }, 'topic', now);
  const topic = topics.draftTopic(actor, village, req, now, c.caseId);
  await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    {
      action: 'topic',
      note: `转为议题：${topic.title}`,
      change: { topicId: topic.topicId },
      extra: topics.topicCreation(actor, village, topic),
    },
    now,
  );
  return topic;
}

/* ---------- the scheduled escalation ---------- */

/**
 * Every case whose clock has run out: an undecided or unresolved one escalates
 * to the township; an answered one whose review window has ended is closed.
 */
export async function escalateDue(now: Date) {
  let escalated = 0;
  let closed = 0;
  for (let round = 0; round < 20; round++) {
    const due = await store.dueCases(now);
    for (const entry of due) {
      const step = await dueStep(entry, now);
      if (!step) {
        await store.dropClock(entry.sk);
        continue;
      }
      // A step taken by someone a moment ago moves the clock itself; this one gives way.
      const done = await applyStep('system', '系统', step.village, step.c, step.step, now).catch((e) => {
        if (e instanceof AppError && e.code === 'conflict') return undefined;
        throw e;
      });
      if (!done) continue;
      if (step.step.action === 'escalate') escalated++;
      else closed++;
    }
    if (due.length < store.DUE_PAGE) break;
  }
  return { escalated, closed };
}

/** What a due clock entry calls for, if anything: nothing when the case has moved on or is already escalated for it. */
async function dueStep(entry: { sk: string; villageId: string; caseId: string }, now: Date) {
  const village = await getVillage(entry.villageId);
  const c = village && (await store.getCase(entry.villageId, entry.caseId));
  if (!village || !c || c.clock !== entry.sk) return undefined;
  const late = overdueOf(village, c, now);
  if (late) {
    const reason = late === 'accept' ? 'overdue_accept' : 'overdue_resolve';
    if (c.escalation?.reason === reason) return undefined; // already on the township's list for this clock
    const note = late === 'accept' ? '超过受理期限，自动上报乡镇' : '超过办结期限，自动上报乡镇';
    const change = { escalation: { reason, at: now.toISOString(), from: c.status } } as const;
    return { village, c, step: { action: 'escalate', to: 'escalated', note, change } satisfies Step };
  }
  if (c.status === 'resolved' || c.status === 'rated')
    return {
      village,
      c,
      step: { action: 'close', to: 'closed', note: '复查请求期限已过，结案', change: {} } satisfies Step,
    };
  return undefined;
}

/* ---------- oversight ---------- */

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const counted = (keysOf: string[], label: (k: string) => string) => {
  const m = new Map<string, number>();
  for (const k of keysOf) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count);
};

export async function dashboard(actor: Actor, villageId: string | undefined, now: Date): Promise<CaseDashboard> {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'case.dashboard', village);
  const all = await store.listVillageCases(village.villageId);
  const open = all.filter((c) => isOpen(c.status));
  const ratings = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const c of all) if (c.rating) ratings[c.rating.rating]++;
  const rated = ratings.satisfied + ratings.basically + ratings.unsatisfied;
  return {
    villageId: village.villageId,
    villageName: village.name,
    total: all.length,
    open: open.length,
    overdue: open.filter((c) => overdueOf(village, c, now)).length,
    escalated: open.filter((c) => c.escalation).length,
    dutiesPending: all.filter((c) => c.duty && !c.duty.convened).length,
    byStatus: counted(
      all.map((c) => c.status),
      (k) => caseStatusLabels[k as CaseStatus],
    ),
    byCategory: counted(
      all.map((c) => c.categoryId),
      (k) => categoryOf(village, k)?.label ?? k,
    ),
    byGrid: counted(
      all.map((c) => c.groupName ?? '未分组'),
      (k) => k,
    ),
    averageDaysToAccept: mean(all.flatMap((c) => (c.acceptedAt ? [days(c.submittedAt, c.acceptedAt)] : []))),
    averageDaysToResolve: mean(all.flatMap((c) => (c.acceptedAt && c.reply ? [days(c.acceptedAt, c.reply.at)] : []))),
    ratings,
    satisfactionRate: rated ? Math.round(((ratings.satisfied + ratings.basically) / rated) * 100) / 100 : null,
  };
}

/** The township's list: escalated and overdue cases of all its villages (care concerns only for civil affairs). */
export async function townshipList(actor: Actor, now: Date) {
  if (actor.tenant.kind !== 'township') throw forbidden('只有乡镇工作人员可以查看上报乡镇的事项');
  const villages = await listTownshipVillages(actor.tenant.townshipId);
  const rows = await Promise.all(
    villages.map(async (v) => {
      const village = await getVillage(v.villageId);
      if (!village) return [];
      authorize(actor, 'case.township', village);
      const cases = (await store.listVillageCases(v.villageId)).filter(
        (c) =>
          isOpen(c.status) &&
          (c.escalation || overdueOf(village, c, now) || c.route !== 'committee') &&
          seesCase(actor, targetOf(village, c)),
      );
      return cases.map((c) => ({ ...summaryOf(actor, village, c, 0, now), villageName: village.name }));
    }),
  );
  const items = rows
    .flat()
    .sort((a, b) =>
      (a.deadlines.resolveBy ?? a.deadlines.acceptBy).localeCompare(b.deadlines.resolveBy ?? b.deadlines.acceptBy),
    );
  return { items };
}
