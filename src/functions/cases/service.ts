import type { z } from 'zod';
import { isOpen, nextState, similarity, takesSupport, workingState } from '../../shared/rules/case-flow';
import { inReviewWindow } from '../../shared/rules/deadlines';
import {
  type CaseAction,
  type CaseListQuery,
  type CaseStatus,
  type CaseTrack,
  caseTrackLabels,
  type RateRequest,
  ratingLabels,
  type SortRequest,
  type SubmitCaseRequest,
  type TransferRequest,
} from '../../shared/schemas/case';
import { roleLabels } from '../../shared/schemas/person';
import type { CreateTopicRequest } from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, transact } from '../lib/db';
import { AppError, conflict, forbidden, invalidField } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { keys } from '../lib/keys';
import { allows, authorize, decidesCase, knowsPetitioner, seesCase, worksCase } from '../lib/policy';
import { spendWriteAllowance } from '../lib/rate-limit';
import { seal } from '../lib/sensitive';
import { getPerson, listPeople, type PersonRecord } from '../people/store';
import { claimPhotos } from '../photos/service';
import * as topics from '../topics/service';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import { caseEvents } from './events';
import * as store from './store';
import {
  actionsFor,
  type CaseRef,
  casesVisibleTo,
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
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) return getCase(actor, earlier, undefined, now);
  const who = await petitionerOf(actor, village, req);
  const about = await subjectOf(village, req.about, now);
  if (about?.personId === who.submitter.personId) throw invalidField('about.personId', '投诉对象不能是自己');
  const photos = await claimPhotos(actor, village.villageId, req.photos, now);
  // Counted for the person the case is from: a grid worker entering the box's slips spends none of their own.
  await spendWriteAllowance('cases', village, who.submitter.personId, now);
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
    contact: req.contactPhone ? seal({ phone: req.contactPhone }) : undefined,
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

/** 附议 counts of a list of cases (petitions are not seconded). */
async function secondsOf(cases: store.CaseRecord[]) {
  const suggestions = cases.filter((c) => c.kind === 'suggestion');
  if (!suggestions.length) return cases.map(() => 0);
  const counts = await store.countSecondsOf(
    suggestions[0].villageId,
    suggestions.map((c) => c.caseId),
  );
  const countOf = new Map(suggestions.map((c, i) => [c.caseId, counts[i]]));
  return cases.map((c) => countOf.get(c.caseId) ?? 0);
}

export async function listCases(actor: Actor, q: z.output<typeof CaseListQuery>, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  const keep = (c: store.CaseRecord) =>
    seesCase(actor, targetOf(village, c)) && (q.open === undefined || isOpen(c.status) === q.open);
  const page =
    q.view === 'work'
      ? await workPage(actor, village, q, keep)
      : q.view === 'public' && q.track
        ? await trackPage(village, q.track, q, keep)
        : await indexPage(actor, village, q, keep);
  const seconds = await secondsOf(page.items);
  return {
    items: page.items.map((c, i) => summaryOf(actor, village, c, seconds[i], now)),
    nextCursor: page.nextCursor,
  };
}

/** 我的 and 全村公开: a page of the index, less what the caller may not see. */
async function indexPage(
  actor: Actor,
  village: VillageRecord,
  q: z.output<typeof CaseListQuery>,
  keep: (c: store.CaseRecord) => boolean,
) {
  const part =
    q.view === 'mine'
      ? keys.submitterPartition(village.villageId, actor.personId)
      : keys.publicCasePartition(village.villageId);
  const page = await store.pageIndex(part, village.villageId, q.limit, q.cursor);
  return { items: page.items.filter(keep), nextCursor: page.nextCursor };
}

/** 需求清单 / 项目清单: the suggestions on one list, newest on it first. */
async function trackPage(
  village: VillageRecord,
  track: CaseTrack,
  q: z.output<typeof CaseListQuery>,
  keep: (c: store.CaseRecord) => boolean,
) {
  const page = await store.pageTrack(village.villageId, track, q.limit, q.cursor);
  return { items: page.items.filter((c) => c.track?.kind === track && keep(c)), nextCursor: page.nextCursor };
}

/** 我经办的: cases the caller handles, follows in their grid, or oversees (not every public one), newest first. */
async function workPage(
  actor: Actor,
  village: VillageRecord,
  q: z.output<typeof CaseListQuery>,
  keep: (c: store.CaseRecord) => boolean,
) {
  const oversees = allows(actor, 'case.dashboard', village);
  const all = (await store.listVillageCases(village.villageId))
    .reverse()
    .filter(
      (c) =>
        (!q.cursor || c.caseId < q.cursor) &&
        c.submitter.personId !== actor.personId &&
        keep(c) &&
        (oversees || knowsPetitioner(actor, targetOf(village, c))),
    );
  const items = all.slice(0, q.limit);
  return { items, nextCursor: all.length > q.limit ? items[items.length - 1].caseId : null };
}

/** Open public suggestions like a text being written: "me too" (附议) instead of a duplicate. */
export async function similarCases(actor: Actor, text: string, categoryId: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  const candidates = (await casesVisibleTo(actor, village)).filter(
    (c) =>
      c.kind === 'suggestion' && c.public && takesSupport(c.status) && (!categoryId || c.categoryId === categoryId),
  );
  const ranked = candidates
    .map((c) => ({ c, similarity: similarity(text, c.text) }))
    .filter((r) => r.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
  const seconds = await secondsOf(ranked.map((r) => r.c));
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
    ...caseEvents(next, step, now),
  ]);
  if (!ok) throw conflict(STALE);
  return { ...next, version: c.version + 1 };
}

/** A step that lost a race to one taken a moment ago gives way: nothing written, undefined; anything else throws. */
export const givingWay = <T>(step: Promise<T>) =>
  step.catch((e) => {
    if (e instanceof AppError && e.code === 'conflict') return undefined;
    throw e;
  });

const refusals: Partial<Record<CaseAction, string>> = {
  accept: '只有待受理的事项可以受理',
  decline: '只有待受理的事项可以不予受理',
  assign: '受理以后才能转办',
  progress: '受理以后才能记录办理进展',
  extend: '这件事现在不能延期',
  reply: '受理以后才能答复',
  merge: '这件事现在不能合并',
  topic: '受理以后的建议才能转为议题',
  transfer: '已经答复或结案的事项不能再移交',
  sort: '只有受理后、尚未答复的公开建议可以分类',
};

/** Loads a case for a handling step: seen by the caller, allowed to them, and in a state the step starts from. */
export async function forStep(actor: Actor, ref: CaseRef, action: CaseAction, now: Date) {
  const { village, c } = await loadVisible(actor, ref.villageId, ref.caseId);
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

/** A handler's step: checked for this caller and state, written under their name, answered with the new view. */
async function handle(
  actor: Actor,
  ref: CaseRef,
  action: CaseAction,
  now: Date,
  make: (c: store.CaseRecord, village: VillageRecord) => Omit<Step, 'action'> | Promise<Omit<Step, 'action'>>,
) {
  const { village, c } = await forStep(actor, ref, action, now);
  const step = { action, ...(await make(c, village)) };
  return viewOf(actor, village, await applyStep(actor.personId, staffName(actor), village, c, step, now), now);
}

export const accept = (actor: Actor, ref: CaseRef, note: string | undefined, now: Date) =>
  handle(actor, ref, 'accept', now, () => ({
    note,
    change: { decidedAt: now.toISOString(), acceptedAt: now.toISOString() },
  }));

export const decline = (actor: Actor, ref: CaseRef, reason: string, now: Date) =>
  handle(actor, ref, 'decline', now, () => ({ note: reason, change: { decidedAt: now.toISOString() } }));

const isCommittee = (p: PersonRecord, now: Date) => activeTerms(p, now).some((t) => t.role === 'committee');
/** Who may be given a case: committee members and grid workers of the village. */
const isHandlerCandidate = (p: PersonRecord, now: Date) =>
  p.status === 'active' && activeTerms(p, now).some((t) => t.role === 'committee' || t.role === 'grid_worker');

export async function handlers(actor: Actor, ref: CaseRef, now: Date) {
  const { village, c } = await forStep(actor, ref, 'assign', now);
  const people = (await listPeople(village.villageId)).filter(
    (p) =>
      isHandlerCandidate(p, now) &&
      p.personId !== c.about?.personId &&
      (c.route !== 'supervision' || !isCommittee(p, now)),
  );
  return {
    items: people.map((p) => ({
      personId: p.personId,
      name: p.name,
      role: roleLabels[isCommittee(p, now) ? 'committee' : 'grid_worker'],
      groupName: p.groupName,
    })),
  };
}

export const assign = (actor: Actor, ref: CaseRef, personId: string, note: string | undefined, now: Date) =>
  handle(actor, ref, 'assign', now, async (c, village) => {
    const p = await getPerson(village.villageId, personId);
    if (!p || !isHandlerCandidate(p, now)) throw invalidField('personId', '承办人：只能转给本村的村委会委员或网格员');
    if (p.personId === c.about?.personId) throw invalidField('personId', '承办人不能是被投诉的人');
    if (c.route === 'supervision' && isCommittee(p, now))
      throw invalidField('personId', '承办人：涉及村委会的诉求不能交给村委会委员办理');
    return { note: note ?? `转交 ${p.name} 办理`, change: { assignee: { personId: p.personId, name: p.name } } };
  });

export const progress = (actor: Actor, ref: CaseRef, note: string, now: Date) =>
  handle(actor, ref, 'progress', now, () => ({ note, change: {} }));

export const extend = (actor: Actor, ref: CaseRef, reason: string, now: Date) =>
  handle(actor, ref, 'extend', now, () => ({ note: reason, change: { extension: { reason, at: now.toISOString() } } }));

// The timeline keeps every reply: a reopened case answers again, and the first answer stays on the record.
export const reply = (actor: Actor, ref: CaseRef, text: string, now: Date) =>
  handle(actor, ref, 'reply', now, () => ({
    note: text,
    change: { reply: { text, at: now.toISOString(), by: staffName(actor) } },
  }));

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

export async function merge(actor: Actor, ref: CaseRef, intoCaseId: string, note: string | undefined, now: Date) {
  if (intoCaseId === ref.caseId) throw invalidField('intoCaseId', '不能合并到自己');
  let carry = async () => {};
  const merged = await handle(actor, ref, 'merge', now, async (c, village) => {
    const into = await store.getCase(village.villageId, intoCaseId);
    if (!into || !decidesCase(actor, targetOf(village, into)) || !isOpen(into.status) || into.mergedInto)
      throw invalidField('intoCaseId', '合并到：没有找到可以合并的事项');
    carry = () => store.carrySeconds(c, into, now.toISOString());
    const carried = store.carriesSeconds(c, into) ? '，其提出人和附议村民一并附议本件' : '';
    const entry = {
      at: now.toISOString(),
      action: 'merge',
      status: into.status,
      note: `合并了一件相同的事项${carried}`,
    };
    const grown = {
      ...into,
      merged: [...into.merged, c.caseId],
      timeline: [...into.timeline, { ...entry, by: staffName(actor) }],
    };
    return {
      note: note ?? '与另一件相同的事项合并办理',
      change: { mergedInto: into.caseId },
      extra: [store.putCase(grown, into.version)],
    };
  });
  await carry();
  return merged;
}

/** 分类: how an accepted suggestion is taken forward; on the needs or project list it is public, newest first. */
export const sort = (actor: Actor, ref: CaseRef, req: z.output<typeof SortRequest>, now: Date) =>
  handle(actor, ref, 'sort', now, (c) => {
    if (c.track?.kind === req.track) throw conflict(`已经是“${caseTrackLabels[req.track]}”了`);
    const track = { kind: req.track, at: now.toISOString() };
    return {
      to: c.status,
      note: req.note ? `${caseTrackLabels[req.track]}：${req.note}` : caseTrackLabels[req.track],
      change: { track },
      extra: store.trackItems(c, track),
    };
  });

/** 移交: another authority's matter (a crime goes to the police and is never mediated) is handed over and closed. */
export const transfer = (actor: Actor, ref: CaseRef, req: z.output<typeof TransferRequest>, now: Date) =>
  handle(actor, ref, 'transfer', now, (c) => ({
    note: `移交${req.to}：${req.reason}`,
    change: {
      transfer: { ...req, at: now.toISOString(), by: staffName(actor) },
      decidedAt: c.decidedAt ?? now.toISOString(),
    },
  }));

/** An adopted suggestion becomes a consultation topic (a draft), linked both ways, in one transaction. */
export async function toTopic(actor: Actor, ref: CaseRef, req: CreateTopicRequest, now: Date) {
  const { village, c } = await forStep(actor, ref, 'topic', now);
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
