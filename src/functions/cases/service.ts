import type { z } from 'zod';
import { isOpen } from '../../shared/rules/case-flow';
import { caseTrackLabels, type SortRequest, type TransferRequest } from '../../shared/schemas/case';
import type { CreateTopicRequest } from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import { conflict, invalidField } from '../lib/errors';
import { decidesCase } from '../lib/policy';
import * as topics from '../topics/service';
import { applyStep, forStep, handle } from './steps';
import * as store from './store';
import { type CaseRef, staffName, targetOf } from './view';

/*
 * The cases use cases, one file a reason: submitting (submit.ts), the lists
 * (lists.ts), the handling steps (steps.ts), 附议 and 联名 (support.ts), the
 * scheduled escalation and oversight (oversight.ts). Here: the steps that end a
 * case by taking it elsewhere (merge, sort, transfer, a topic); the rest is
 * re-exported for the handler.
 */

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

export { listCases, similarCases } from './lists';
export {
  accept,
  assign,
  decline,
  extend,
  forStep,
  handlers,
  progress,
  rate,
  reply,
} from './steps';
export { submitCase } from './submit';
