import type { z } from 'zod';
import { localDay } from '../../shared/rules/local-day';
import {
  type CreateTopicRequest,
  motionOptions,
  type RecordStageRequest,
  type Stage,
  stageLabels,
  stageOrder,
  type Topic,
} from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { transact } from '../lib/db';
import { conflict, invalidField } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import { authorize } from '../lib/policy';
import { isAdultOn, listPeople, type PersonRecord } from '../people/store';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import { closeAndPublish } from './closing';
import * as store from './store';
import { audit, loadTopic, myStanding, ref, STALE, topicNews } from './view';

/* ---------- proposing ---------- */

/** A new topic as proposed: still a draft, its voting window checked against now. */
export function draftTopic(
  actor: Actor,
  village: VillageRecord,
  req: CreateTopicRequest,
  now: Date,
  fromCaseId?: string,
): store.TopicRecord {
  if (req.closesAt <= now.toISOString()) throw invalidField('closesAt', '结束时间应晚于现在');
  return {
    topicId: newId(now.getTime()),
    villageId: village.villageId,
    title: req.title,
    background: req.background,
    body: req.body,
    perHousehold: req.perHousehold,
    customBody: req.customBody,
    kind: req.kind,
    options: req.kind === 'motion' ? motionOptions : req.options.map((label, i) => ({ optionId: `o${i + 1}`, label })),
    maxChoices: req.kind === 'multiple' ? req.maxChoices : 1,
    secret: req.secret,
    major: req.major ?? false,
    attachments: req.attachments ?? [],
    stages: [],
    status: 'draft',
    closesAt: new Date(req.closesAt).toISOString(),
    createdAt: now.toISOString(),
    createdBy: ref(actor),
    ...(fromCaseId ? { fromCaseId } : {}),
  };
}

/** The writes that create a topic: its head and the audit entry. */
export const topicCreation = (actor: Actor, village: VillageRecord, topic: store.TopicRecord) => [
  store.putTopic(topic, 'new'),
  audit(actor, village, topic.createdAt, 'topic.create', topic.topicId),
];

export async function createTopic(
  actor: Actor,
  req: CreateTopicRequest,
  idempotencyKey: string | undefined,
  now: Date,
) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.propose', village);
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) return loadTopic(village, earlier);
  const topic = draftTopic(actor, village, req, now);
  const items = topicCreation(actor, village, topic);
  if (scope) items.push(idempotencyPut(scope, topic.topicId, topic.createdAt));
  if (!(await transact(items))) throw conflict(STALE);
  return topic;
}

/* ---------- 四议两公开 ---------- */

/** The earlier stages not yet recorded, where the village makes the process binding for a major matter. */
function missingStagesBefore(village: VillageRecord, t: store.TopicRecord, stage: Stage) {
  if (!t.major || !village.settings.majorMattersProcessMandatory) return [];
  const done = new Set(t.stages.map((s) => s.stage));
  return stageOrder.slice(0, stageOrder.indexOf(stage)).filter((s) => !done.has(s));
}

export async function recordStage(actor: Actor, topicId: string, req: z.output<typeof RecordStageRequest>, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.stage', village);
  const t = await loadTopic(village, topicId);
  if (t.stages.some((s) => s.stage === req.stage)) throw conflict(`“${stageLabels[req.stage]}”已经记录过了`);
  if (req.stage === 'decision' || req.stage === 'decision_published')
    throw invalidField('stage', '决议和决议公开由表决结束时自动记录');
  if (req.stage === 'result_published' && t.status !== 'closed')
    throw invalidField('stage', '表决结束后才能公开实施结果');
  const missing = missingStagesBefore(village, t, req.stage);
  if (missing.length) throw conflict(`请先记录前面的环节：${missing.map((m) => stageLabels[m]).join('、')}`);
  if (req.on > localDay(now, village.settings.utcOffsetMinutes)) throw invalidField('on', '日期不能晚于今天');
  const at = now.toISOString();
  const next = { ...t, stages: [...t.stages, { ...req, recordedBy: ref(actor), recordedAt: at }] };
  if (
    !(await transact([store.putTopic(next, t.status), audit(actor, village, at, `topic.stage.${req.stage}`, topicId)]))
  )
    throw conflict(STALE);
  return { ...next, me: await myStanding(actor, next) };
}

/* ---------- the electorate ---------- */

const holds = (p: PersonRecord, now: Date, ...roles: string[]) =>
  activeTerms(p, now).some((t) => roles.includes(t.role));

/** Who may vote, by the deciding body (domain.md §5): people, or households voting once each. */
function electorateOf(t: store.TopicRecord, people: PersonRecord[], now: Date): store.VoterRecord[] {
  const active = people.filter((p) => p.status === 'active');
  const one = (p: PersonRecord) => ({ voterKey: p.personId, name: p.name, personIds: [p.personId] });
  switch (t.body) {
    case 'representatives':
      return active.filter((p) => holds(p, now, 'representative')).map(one);
    case 'party_members':
      return active.filter((p) => holds(p, now, 'party_member', 'party_branch')).map(one);
    case 'custom':
      return active.filter((p) => isAdultOn(p, now) && p.bodies?.includes(t.customBody ?? '')).map(one);
    case 'villagers_meeting': {
      const adults = active.filter((p) => isAdultOn(p, now));
      if (!t.perHousehold) return adults.map(one);
      const households = new Map<string, PersonRecord[]>();
      for (const p of adults)
        if (p.householdId) households.set(p.householdId, [...(households.get(p.householdId) ?? []), p]);
      return [...households].map(([householdId, members]) => ({
        voterKey: `HH-${householdId}`,
        name: (members.find((m) => m.relation === '户主') ?? members[0]).name,
        personIds: members.map((m) => m.personId),
      }));
    }
  }
}

/**
 * Starting a vote does the same small work for 10 voters as for 5,000: the head
 * says "opening" and a job goes on the events queue (in the same transaction);
 * the queue's consumer freezes the electorate (`freezeElectorate`) and opens it.
 */
export async function openVoting(actor: Actor, topicId: string, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.run', village);
  const t = await loadTopic(village, topicId);
  if (t.status !== 'draft') throw conflict('这个议题已经开始表决了');
  if (t.closesAt <= now.toISOString()) throw conflict('结束时间已过，请重新提出议题');
  const missing = missingStagesBefore(village, t, 'decision');
  if (missing.length)
    throw conflict(`重大事项须按“四议两公开”进行，请先记录：${missing.map((m) => stageLabels[m]).join('、')}`);
  const at = now.toISOString();
  const { openRefused: _openRefused, ...rest } = t;
  const next = { ...rest, status: 'opening' as const, openedAt: at };
  if (
    !(await transact([
      store.putTopic(next, 'draft'),
      audit(actor, village, at, 'topic.open', topicId),
      emit({ ...topicNews(t), kind: 'topic.freeze', to: [] }, now),
    ]))
  )
    throw conflict(STALE);
  return { ...next, me: { eligible: false, voted: false } };
}

/**
 * Freezes the electorate as the roster stood when voting was started, then opens
 * the vote and tells the electorate. Run again (a redelivered job) it does
 * nothing: only an `opening` head is frozen, and writing a voter item twice
 * before the head says "open" writes the same thing. A body with nobody in it
 * sends the topic back to its draft, saying why.
 */
export async function freezeElectorate(villageId: string, topicId: string, now: Date) {
  const t = await store.getTopic(villageId, topicId);
  if (t?.status !== 'opening' || !t.openedAt) return 0;
  const voters = electorateOf(t, await listPeople(villageId), new Date(t.openedAt));
  if (!voters.length) {
    const { openedAt: _openedAt, ...draft } = t;
    await transact([store.putTopic({ ...draft, status: 'draft', openRefused: NOBODY_VOTES }, 'opening')]);
    return 0;
  }
  await store.writeElectorate(villageId, topicId, voters);
  const next = { ...t, status: 'open' as const, electorate: voters.length };
  const opened = await transact([
    store.putTopic(next, 'opening'),
    emit({ ...topicNews(t), kind: 'topic.opened', data: { title: t.title } }, now),
  ]);
  return opened ? voters.length : 0;
}
const NOBODY_VOTES = '按这个表决机构，本村没有有表决权的人员，未能开始表决';

/** A topic opened by a reader; one whose time is up is closed (and its result published) on the way. */
export async function openTopic(
  actor: Actor,
  topicId: string,
  villageId: string | undefined,
  now: Date,
): Promise<Topic> {
  const village = await resolveVillage(actor, villageId);
  let t = await loadTopic(village, topicId);
  if (t.status === 'open' && t.closesAt <= now.toISOString()) t = await closeAndPublish(village, t, t.createdBy, now);
  return { ...t, me: await myStanding(actor, t) };
}

export { closeDue, closeVoting } from './closing';
export { hideComment, listComments, postComment } from './discussion';
export { listTopics, turnout } from './view';
export { ballotRegister, castBallot, checkReceipt, enterBallots, markVoters, recordBallot } from './voting';
