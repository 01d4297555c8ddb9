import type { z } from 'zod';
import { nextState, workingState } from '../../shared/rules/case-flow';
import { inReviewWindow } from '../../shared/rules/deadlines';
import { type CaseAction, type CaseStatus, type RateRequest, ratingLabels } from '../../shared/schemas/case';
import { roleLabels } from '../../shared/schemas/person';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, transact } from '../lib/db';
import { AppError, conflict, forbidden, invalidField } from '../lib/errors';
import { decidesCase, worksCase } from '../lib/policy';
import { getPerson, listPeople, type PersonRecord } from '../people/store';
import type { VillageRecord } from '../villages/store';
import { caseEvents } from './events';
import * as store from './store';
import { actionsFor, type CaseRef, deadlinesOf, loadVisible, runningClock, staffName, targetOf, viewOf } from './view';

const STALE = '这件事刚被其他人处理过，请刷新后再看';

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
export async function handle(
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
