import type { z } from 'zod';
import { isOpen, nextState, similarity, takesSupport, workingState } from '../../shared/rules/case-flow';
import { inReviewWindow } from '../../shared/rules/deadlines';
import {
  type CaseAction,
  type CaseListQuery,
  type CaseStatus,
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
import { conflict, forbidden, invalidField } from '../lib/errors';
import { findIdempotentResult, idempotencyPut } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { keys } from '../lib/keys';
import { allows, authorize, decidesCase, knowsPetitioner, seesCase, worksCase } from '../lib/policy';
import { getPerson, listPeople, type PersonRecord } from '../people/store';
import { claimPhotos } from '../photos/service';
import * as topics from '../topics/service';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import * as store from './store';
import {
  actionsFor,
  type CaseRef,
  categoryOf,
  deadlinesOf,
  getCase,
  loadVisible,
  runningClock,
  staffName,
  summaryOf,
  targetOf,
  viewOf,
} from './view';

const STALE = '这件事刚被其他人处理过，请刷新后再看';

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

export interface Step {
  action: CaseAction | 'escalate' | 'close' | 'reopen';
  note?: string;
  change: Partial<store.CaseRecord>;
  to?: CaseStatus;
  extra?: TransactItem[];
}

/** Writes one step: the new head (guarded by its version), the timeline entry, the clock and the audit entry. */
export async function applyStep(
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
export async function forStep(actor: Actor, { caseId, villageId }: CaseRef, action: CaseAction, now: Date) {
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
