import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { localDateTime, localDay } from '../../shared/rules/local-day';
import { decide, householdTurnout, needed } from '../../shared/rules/quorum';
import { RECEIPT_BYTES, receiptOf } from '../../shared/rules/receipt';
import { maskName } from '../../shared/rules/tiers';
import type { Notice } from '../../shared/schemas/notice';
import {
  type Channel,
  type CreateTopicRequest,
  type EnterBallotsRequest,
  type MarkVotersRequest,
  motionOptions,
  type Outcome,
  type RecordStageRequest,
  type Stage,
  stageLabels,
  stageOrder,
  type Topic,
} from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, table, transact } from '../lib/db';
import { conflict, invalidField, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import { allows, authorize } from '../lib/policy';
import { fingerprint } from '../lib/sensitive';
import * as notices from '../notices/store';
import { getPerson, isAdultOn, listPeople, type PersonRecord } from '../people/store';
import { ownVillage, resolveVillage } from '../villages/service';
import { getVillage, type VillageRecord } from '../villages/store';
import * as store from './store';

const STALE = '议题刚被其他人修改过，请刷新后再试';
const ref = (a: Actor) => ({ personId: a.personId, name: a.name });
const audit = (actor: { personId: string }, v: VillageRecord, at: string, action: string, topicId: string, more = {}) =>
  auditPut({ tenantId: v.villageId, at, actorId: actor.personId, action, target: `topic:${topicId}`, ...more });

async function loadTopic(village: VillageRecord, topicId: string) {
  const t = await store.getTopic(village.villageId, topicId);
  if (!t) throw notFound('没有找到该议题');
  return t;
}

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

/* ---------- discussion ---------- */

const commentFor = (actor: Actor, village: VillageRecord, c: store.CommentRecord) => {
  const isMe = c.by.personId === actor.personId;
  const staff = allows(actor, 'topic.moderate', village);
  return {
    commentId: c.commentId,
    ...(c.hidden ? {} : { text: c.text }),
    at: c.at,
    by: { name: isMe || staff ? c.by.name : maskName(c.by.name), isMe },
    ...(c.hidden ? { hidden: { reason: c.hidden.reason, at: c.hidden.at } } : {}),
  };
};

export async function listComments(actor: Actor, topicId: string, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  await loadTopic(village, topicId);
  return { items: (await store.listComments(village.villageId, topicId)).map((c) => commentFor(actor, village, c)) };
}

export async function postComment(
  actor: Actor,
  topicId: string,
  text: string,
  idempotencyKey: string | undefined,
  now: Date,
) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.comment', village);
  const t = await loadTopic(village, topicId);
  if (t.status === 'closed') throw conflict('表决已经结束，不能再发表意见');
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  const found = earlier && (await store.getComment(village.villageId, topicId, earlier));
  if (found) return commentFor(actor, village, found);
  const at = now.toISOString();
  const c: store.CommentRecord = { commentId: newId(now.getTime()), text, at, by: ref(actor) };
  const items = [store.putComment(village.villageId, topicId, c, false)];
  if (scope) items.push(idempotencyPut(scope, c.commentId, at));
  if (!(await transact(items))) throw conflict('这条意见已经发表过了');
  return commentFor(actor, village, c);
}

export async function hideComment(actor: Actor, topicId: string, commentId: string, reason: string, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.moderate', village);
  const c = await store.getComment(village.villageId, topicId, commentId);
  if (!c) throw notFound('没有找到这条发言');
  if (c.hidden) throw conflict('这条发言已经隐藏了');
  const at = now.toISOString();
  const hidden = { ...c, hidden: { reason, at, by: ref(actor) } };
  const ok = await transact([
    store.putComment(village.villageId, topicId, hidden, true),
    audit(actor, village, at, 'topic.comment.hide', topicId, { reason }),
  ]);
  if (!ok) throw conflict('这条发言已经隐藏了');
  return commentFor(actor, village, hidden);
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

/** News of a topic goes to its frozen electorate and opens the topic. */
const topicNews = (t: store.TopicRecord) => ({
  villageId: t.villageId,
  link: { page: 'topic' as const, id: t.topicId },
  to: [{ kind: 'electorate' as const, topicId: t.topicId }],
});

/** Opening freezes the electorate: later roster changes don't move the quorum. */
export async function openVoting(actor: Actor, topicId: string, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.run', village);
  const t = await loadTopic(village, topicId);
  if (t.status !== 'draft') throw conflict('这个议题已经开始表决了');
  if (t.closesAt <= now.toISOString()) throw conflict('结束时间已过，请重新提出议题');
  const missing = missingStagesBefore(village, t, 'decision');
  if (missing.length)
    throw conflict(`重大事项须按“四议两公开”进行，请先记录：${missing.map((m) => stageLabels[m]).join('、')}`);
  const voters = electorateOf(t, await listPeople(village.villageId), now);
  if (!voters.length) throw conflict('按这个表决机构，本村没有有表决权的人员');
  await store.writeElectorate(village.villageId, topicId, voters);
  const at = now.toISOString();
  const next = { ...t, status: 'open' as const, openedAt: at, electorate: voters.length };
  if (
    !(await transact([
      store.putTopic(next, 'draft'),
      audit(actor, village, at, 'topic.open', topicId),
      emit({ ...topicNews(t), kind: 'topic.opened', data: { title: t.title } }, now),
    ]))
  )
    throw conflict(STALE);
  return next;
}

/* ---------- voting ---------- */

/** The vote a person holds in this topic's electorate: their own, or their household's. */
const voterKeyOf = (t: store.TopicRecord, p: Pick<PersonRecord, 'personId' | 'householdId'>) =>
  t.perHousehold ? `HH-${p.householdId ?? ''}` : p.personId;

function checkChoices(t: store.TopicRecord, choices: string[], field = 'choices') {
  const known = new Set(t.options.map((o) => o.optionId));
  if (new Set(choices).size !== choices.length) throw invalidField(field, '同一个选项只能选一次');
  const unknown = choices.find((c) => !known.has(c));
  if (unknown) throw invalidField(field, `没有这个选项：${unknown}`);
  const max = t.kind === 'multiple' ? (t.maxChoices ?? 1) : 1;
  if (choices.length > max) throw invalidField(field, `最多只能选 ${max} 项`);
}

const ballotKeyOf = (receipt: string) => createHash('sha256').update(receipt).digest('base64url');
const ALREADY = '已经投过票了，每人（或每户）只能投一票';

/** Why a second vote is refused: a ballot received at the meeting or on paper is said as such. */
async function alreadyVoted(village: VillageRecord, t: store.TopicRecord, voterKey: string, seenBefore?: boolean) {
  const now = await store.getVoter(village.villageId, t.topicId, voterKey);
  if (now?.channel && now.channel !== 'app' && t.secret)
    return `已在${now.channel === 'meeting' ? '会场' : '纸质票'}登记领票，不能再在手机上投票；每人（或每户）只能投一票`;
  return seenBefore ? ALREADY : `${ALREADY}（刚刚已有一票计入）`;
}

interface Casting {
  voterKey: string;
  castBy: string;
  choices: string[];
  channel: Channel;
  receipt: string;
  proxy?: boolean;
}

async function castFor(
  village: VillageRecord,
  t: store.TopicRecord,
  { voterKey, castBy, choices, channel, receipt, proxy }: Casting,
  now: Date,
  more: TransactItem[] = [],
) {
  if (t.status !== 'open' || t.closesAt <= now.toISOString()) throw conflict('表决已经结束');
  checkChoices(t, choices);
  const voter = await store.getVoter(village.villageId, t.topicId, voterKey);
  if (!voter?.personIds.includes(castBy)) throw conflict('不在本次表决的名单中（名单在开始表决时确定）');
  const ballot: store.BallotRecord = t.secret
    ? { choices }
    : { choices, channel, ...(proxy ? { proxy } : {}), voterKey, name: voter.name };
  const outcome = await store.cast(t, { voterKey, castBy }, channel, ballotKeyOf(receipt), ballot, now, more);
  if (outcome === 'closed') throw conflict('表决已经结束');
  if (outcome === 'already-voted') throw conflict(await alreadyVoted(village, t, voterKey, voter.voted));
  return { topicId: t.topicId, receipt, channel };
}

/**
 * The receipt proves to the voter that a ballot of theirs is in the count, and
 * nothing about its choices. With an Idempotency-Key it is derived from the
 * voter, the topic and that key (which is never stored), so a retry returns the
 * same receipt, yet nothing stored links the ballot back to the voter.
 */
export async function castBallot(
  actor: Actor,
  topicId: string,
  choices: string[],
  idempotencyKey: string | undefined,
  now: Date,
) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.vote', village);
  const t = await loadTopic(village, topicId);
  const voterKey = voterKeyOf(t, actor);
  const receipt = receiptOf(
    idempotencyKey
      ? Buffer.from(fingerprint('receipt', `${topicId}|${actor.personId}|${idempotencyKey}`), 'base64url')
      : randomBytes(RECEIPT_BYTES),
  );
  if (idempotencyKey && (await store.ballotExists(village.villageId, topicId, ballotKeyOf(receipt))))
    return { topicId, receipt, channel: 'app' as const }; // the same request, retried: it was counted
  return castFor(village, t, { voterKey, castBy: actor.personId, choices, channel: 'app', receipt }, now);
}

/** 监票人, on an open (记名) ballot: a ballot cast at the meeting or on paper, for a voter; the same one-vote rule holds. */
export async function recordBallot(
  actor: Actor,
  topicId: string,
  req: { personId: string; choices: string[]; channel: 'meeting' | 'paper'; proxy: boolean },
  now: Date,
) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.scrutinize', village);
  if (req.proxy && !village.settings.proxyVotesAllowed) throw invalidField('proxy', '本村设置不允许委托投票');
  const t = await loadTopic(village, topicId);
  if (t.secret) throw conflict(SECRET_BY_REGISTER);
  const voter = await getPerson(village.villageId, req.personId);
  if (!voter) throw notFound('没有找到这位村民');
  const receipt = receiptOf(randomBytes(RECEIPT_BYTES));
  const casting = {
    voterKey: voterKeyOf(t, voter),
    castBy: voter.personId,
    choices: req.choices,
    channel: req.channel,
    receipt,
    proxy: req.proxy,
  };
  // The scrutineer's entry is audited in the vote's own transaction: both or neither.
  return castFor(village, t, casting, now, [
    audit(actor, village, now.toISOString(), `topic.record-${req.channel}`, topicId),
  ]);
}

/* ---------- a secret ballot at the meeting or on paper ---------- */

const SECRET_BY_REGISTER = '无记名投票不能按人录入选票：请先“登记领票”，再把票箱里的选票“录入票箱”';
const OPEN_BY_PERSON = '记名投票请按人录入选票，不用登记领票';

async function secretTopic(actor: Actor, topicId: string) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.scrutinize', village);
  const t = await loadTopic(village, topicId);
  if (!t.secret) throw conflict(OPEN_BY_PERSON);
  return { village, t };
}

export async function ballotRegister(actor: Actor, topicId: string) {
  const { village } = await secretTopic(actor, topicId);
  return store.getRegister(village.villageId, topicId);
}

/**
 * 登记领票: the people who received a ballot (the register they sign). Marked,
 * they have voted for the one-vote rule, so the app refuses them, and whoever
 * voted in the app can't be marked. The audit entry counts them; it never says
 * what anybody chose.
 */
export async function markVoters(actor: Actor, topicId: string, req: z.output<typeof MarkVotersRequest>, now: Date) {
  const { village, t } = await secretTopic(actor, topicId);
  if (req.proxy && !village.settings.proxyVotesAllowed) throw invalidField('proxy', '本村设置不允许委托投票');
  if (t.status !== 'open' || t.closesAt <= now.toISOString()) throw conflict('表决已经结束');
  const people = await Promise.all(req.personIds.map((id) => getPerson(village.villageId, id)));
  const voters = await Promise.all(
    people.map(async (p, i) => {
      if (!p) throw invalidField(`personIds.${i}`, '没有找到这位村民');
      const voter = await store.getVoter(village.villageId, topicId, voterKeyOf(t, p));
      if (!voter?.personIds.includes(p.personId))
        throw conflict(`${p.name} 不在本次表决的名单中（名单在开始表决时确定）`);
      return { voterKey: voter.voterKey, castBy: p.personId, name: voter.name };
    }),
  );
  const twice = voters.findIndex((v, i) => voters.findIndex((w) => w.voterKey === v.voterKey) !== i);
  if (twice >= 0) throw invalidField(`personIds.${twice}`, `${voters[twice].name} 重复登记了（每人或每户只领一张票）`);
  const at = now.toISOString();
  const outcome = await store.markVoters(t, voters, req.channel, req.proxy, now, [
    audit(actor, village, at, `topic.register-${req.channel}`, topicId, { reason: `登记领票 ${voters.length} 人` }),
  ]);
  if (!outcome.marked) {
    if (outcome.closed) throw conflict('表决已经结束');
    throw conflict(`${outcome.alreadyVoted.map((i) => voters[i].name).join('、')} ${ALREADY}，不能再领票`);
  }
  return store.getRegister(village.villageId, topicId);
}

/**
 * 录入票箱: the box's contents, choices only, each ballot under a random key.
 * Never more than the people marked: the register refuses the excess in the same
 * transaction. The audit entry says how many, not what.
 */
export async function enterBallots(
  actor: Actor,
  topicId: string,
  req: z.output<typeof EnterBallotsRequest>,
  idempotencyKey: string | undefined,
  now: Date,
) {
  const { village, t } = await secretTopic(actor, topicId);
  if (t.status !== 'open' || t.closesAt <= now.toISOString()) throw conflict('表决已经结束');
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  if (await findIdempotentResult(scope)) return store.getRegister(village.villageId, topicId);
  req.ballots.forEach((b, i) => {
    checkChoices(t, b.choices, `ballots.${i}.choices`);
  });
  const ballots = req.ballots.flatMap((b) =>
    Array.from({ length: b.count }, () => ({
      key: ballotKeyOf(randomBytes(24).toString('base64url')),
      choices: b.choices,
    })),
  );
  const at = now.toISOString();
  const more: TransactItem[] = [
    audit(actor, village, at, 'topic.ballot-box', topicId, { reason: `录入票箱 ${ballots.length} 张` }),
  ];
  if (scope) more.push(idempotencyPut(scope, topicId, at));
  const outcome = await store.enterBallots(t, ballots, now, more);
  if (outcome === 'closed') throw conflict('表决已经结束');
  if (outcome === 'too-many') {
    const r = await store.getRegister(village.villageId, topicId);
    throw conflict(
      `录入的选票不能多于登记领票的人数：已登记 ${r.marked} 人，已录入 ${r.entered} 张，最多还能录入 ${r.marked - r.entered} 张`,
    );
  }
  return store.getRegister(village.villageId, topicId);
}

export async function checkReceipt(actor: Actor, topicId: string, receipt: string) {
  const village = await ownVillage(actor);
  await loadTopic(village, topicId);
  return { counted: await store.ballotExists(village.villageId, topicId, ballotKeyOf(receipt)) };
}

/* ---------- reading ---------- */

const ruleOf = (village: VillageRecord, t: store.TopicRecord) => {
  const rule = village.settings.voteRules[t.body];
  return t.perHousehold ? { ...rule, turnout: householdTurnout } : rule;
};
const unitOf = (t: store.TopicRecord) => (t.perHousehold ? ('户' as const) : ('人' as const));

/**
 * Who took part is public to the electorate (domain.md §5), and to those who run
 * the vote in the village (committee and supervisors, the scrutineers); anyone
 * else, township staff included, sees the counts only: a party members' meeting
 * names no party member to the rest of the village.
 */
const seesWhoVoted = (actor: Actor, village: VillageRecord, standing: { eligible: boolean }) =>
  standing.eligible || allows(actor, 'topic.scrutinize', village);

export async function turnout(actor: Actor, topicId: string, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  const t = await loadTopic(village, topicId);
  const voters = t.status === 'draft' ? [] : await store.listVoters(village.villageId, topicId);
  const voted = voters.filter((v) => v.voted);
  const electorate = t.electorate ?? 0;
  const counts = {
    electorate,
    participants: voted.length,
    needed: needed(electorate, ruleOf(village, t).turnout),
    unit: unitOf(t),
  };
  if (!seesWhoVoted(actor, village, await myStanding(actor, t))) return counts;
  if (t.secret) {
    // By name: no order that follows the voting could line a voter up with anything else.
    voted.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return { ...counts, voters: voted.map((v) => ({ name: v.name, channel: v.channel ?? 'app' })) };
  }
  voted.sort((a, b) => (a.votedAt ?? '').localeCompare(b.votedAt ?? ''));
  const choicesOf = new Map<string, string[]>();
  for (const b of await store.listBallots(village.villageId, topicId))
    if ('voterKey' in b) choicesOf.set(b.voterKey, b.choices);
  return {
    ...counts,
    voters: voted.map((v) => ({ name: v.name, channel: v.channel ?? 'app', choices: choicesOf.get(v.voterKey) ?? [] })),
  };
}

async function myStanding(actor: Actor, t: store.TopicRecord) {
  if (t.status === 'draft' || actor.tenant.kind !== 'village') return { eligible: false, voted: false };
  const voter = await store.getVoter(t.villageId, t.topicId, voterKeyOf(t, actor));
  return { eligible: Boolean(voter?.personIds.includes(actor.personId)), voted: Boolean(voter?.voted) };
}

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

export async function listTopics(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  return { items: (await store.listTopics(village.villageId)).map(({ background, ...t }) => t) };
}

/* ---------- closing and the result ---------- */

function resultNotice(
  village: VillageRecord,
  t: store.TopicRecord,
  outcome: Outcome,
  by: { personId: string; name: string },
  at: string,
): Notice {
  const label = new Map(t.options.map((o) => [o.optionId, o.label]));
  const lines = outcome.tallies.map((x) => `${label.get(x.optionId) ?? x.optionId}：${x.votes} 票`);
  const when = (iso: string) => localDateTime(iso, village.settings.utcOffsetMinutes);
  const closedAt = when(t.closedAt ?? at);
  return {
    noticeId: newId(Date.parse(at)),
    villageId: village.villageId,
    category: 'village',
    title: `表决结果：${t.title}`.slice(0, 60),
    body: [
      `议题：${t.title}`,
      `表决方式：${t.secret ? '无记名投票' : '记名投票'}，表决时间至 ${closedAt}。`,
      ...(t.closedEarlyReason
        ? [`村委会于 ${closedAt} 提前结束表决（原定 ${when(t.closesAt)} 结束），原因：${t.closedEarlyReason}。`]
        : []),
      outcome.explanation,
      ...lines,
    ].join('\n'),
    major: false,
    attachments: [],
    status: 'published',
    version: 1,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    publishedAt: at,
  };
}

/**
 * Counts (summing the tally shards), applies the village's quorum and majority
 * rules, and publishes the result as a 村务 notice, linked both ways, in one
 * transaction with the topic's closing.
 */
async function closeAndPublish(
  village: VillageRecord,
  t: store.TopicRecord,
  by: { personId: string; name: string },
  now: Date,
  earlyReason?: string,
) {
  const at = now.toISOString();
  const count = await store.tally(village.villageId, t.topicId);
  const outcome = decide({
    kind: t.kind,
    electorate: t.electorate ?? 0,
    participants: count.participants,
    tallies: t.options.map((o) => ({ optionId: o.optionId, votes: count.votesFor(o.optionId) })),
    rule: ruleOf(village, t),
    unit: unitOf(t),
  });
  const decidedOn = localDay(now, village.settings.utcOffsetMinutes);
  const verdict = `${outcome.valid ? '表决有效' : '表决无效'}，${outcome.passed ? '通过' : '未通过'}`;
  const closed: store.TopicRecord = {
    ...t,
    stages: t.major
      ? [
          ...t.stages,
          {
            stage: 'decision',
            on: decidedOn,
            minutes: outcome.explanation,
            outcome: verdict,
            recordedBy: by,
            recordedAt: at,
          },
          {
            stage: 'decision_published',
            on: decidedOn,
            minutes: '表决结果已自动公告',
            outcome: '已公开',
            recordedBy: by,
            recordedAt: at,
          },
        ]
      : t.stages,
    status: 'closed',
    closedAt: at,
    ...(earlyReason ? { closedEarlyReason: earlyReason } : {}),
    result: outcome,
  };
  const notice = resultNotice(village, closed, outcome, by, at);
  const linked = { ...closed, resultNoticeId: notice.noticeId };
  const ok = await transact([
    store.putTopic(linked, 'open'),
    { Put: { TableName: table(), Item: notices.noticeItem(notice), ConditionExpression: 'attribute_not_exists(pk)' } },
    notices.putVersion(village.villageId, notices.firstVersion(notice, by, at)),
    emit({ ...topicNews(t), kind: 'topic.result', data: { title: t.title, verdict } }, now),
    audit(
      by,
      village,
      at,
      earlyReason ? 'topic.close-early' : 'topic.close',
      t.topicId,
      earlyReason ? { reason: earlyReason } : {},
    ),
  ]);
  if (!ok) {
    const now2 = await store.getTopic(village.villageId, t.topicId);
    if (now2?.status === 'closed') return now2; // closed a moment ago by someone else, or by the scheduler
    throw conflict(STALE);
  }
  return linked;
}

/** Ending before the scheduled time needs the committee's reason, which the result notice states. */
export async function closeVoting(actor: Actor, topicId: string, reason: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.run', village);
  const t = await loadTopic(village, topicId);
  if (t.status !== 'open') throw conflict(t.status === 'draft' ? '这个议题还没有开始表决' : '表决已经结束');
  const early = now.toISOString() < t.closesAt;
  if (early && !reason) throw invalidField('reason', '提前结束表决，请写明原因');
  const closed = await closeAndPublish(village, t, ref(actor), now, early ? reason : undefined);
  return { ...closed, me: await myStanding(actor, closed) };
}

/** The scheduled closer: every topic whose window has passed is counted and its result published. */
export async function closeDue(now: Date) {
  let closed = 0;
  for (const { villageId, topicId } of await store.dueTopics(now)) {
    const village = await getVillage(villageId);
    const t = village && (await store.getTopic(villageId, topicId));
    if (village && t?.status === 'open') {
      await closeAndPublish(village, t, t.createdBy, now);
      closed++;
    }
  }
  return closed;
}
