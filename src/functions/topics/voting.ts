import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { RECEIPT_BYTES, receiptOf } from '../../shared/rules/receipt';
import type { Channel, EnterBallotsRequest, MarkVotersRequest } from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import type { TransactItem } from '../lib/db';
import { AppError, conflict, invalidField, notFound } from '../lib/errors';
import {
  doneBefore,
  findIdempotentResult,
  idempotencyPut,
  idempotencyScope,
  type RetryMark,
  retryMarkPut,
} from '../lib/idempotency';
import { authorize } from '../lib/policy';
import { fingerprint } from '../lib/sensitive';
import { getPerson } from '../people/store';
import { ownVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import * as store from './store';
import { assertVoting, audit, loadTopic, voterKeyOf } from './view';

// Ballots: cast in the app, recorded by a scrutineer, or registered and entered from a secret ballot box; receipts.

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
  assertVoting(t, now);
  checkChoices(t, choices);
  const voter = await store.getVoter(village.villageId, t.topicId, voterKey);
  if (!voter?.personIds.includes(castBy)) throw conflict('不在本次表决的名单中（名单在开始表决时确定）');
  const ballot: store.BallotRecord = t.secret
    ? { choices }
    : { choices, channel, ...(proxy ? { proxy } : {}), voterKey, name: voter.name };
  const outcome = await store.cast(
    t,
    { voterKey, castBy, name: voter.name },
    channel,
    ballotKeyOf(receipt),
    ballot,
    now,
    more,
  );
  if (outcome === 'closed') throw conflict('表决已经结束');
  if (outcome === 'already-voted') throw conflict(await alreadyVoted(village, t, voterKey, voter.voted));
  if (outcome === 'added-refused') throw conflict('这次提交已经处理过了');
  return { topicId: t.topicId, receipt, channel };
}

/**
 * The receipt proves to the voter that a ballot of theirs is in the count, and
 * nothing about its choices. With an Idempotency-Key it is derived from the
 * voter, the topic and that key (which is never stored), so a retry returns the
 * same receipt, yet nothing stored links the ballot back to the voter. The vote's
 * transaction also writes the key's retry mark (its request as a keyed
 * fingerprint, so the key can't be reused for another ballot): a first ballot
 * costs no write beyond the vote's own.
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
  const mark: RetryMark | undefined = idempotencyKey
    ? {
        tenantId: village.villageId,
        personId: actor.personId,
        what: 'ballot',
        key: idempotencyKey,
        request: { topicId, choices },
      }
    : undefined;
  const casting = { voterKey, castBy: actor.personId, choices, channel: 'app' as const, receipt };
  try {
    return await castFor(village, t, casting, now, mark ? [retryMarkPut(mark, now)] : []);
  } catch (e) {
    // Refused as a second vote, or as late: a retry of a ballot that was counted finds its mark (or, once the mark
    // has expired, the ballot under its receipt), and is answered as the first was. Asked only then.
    if (!(mark && e instanceof AppError && e.status === 409)) throw e;
    const retried =
      (await doneBefore(mark)) || (await store.ballotExists(village.villageId, topicId, ballotKeyOf(receipt)));
    if (retried) return { topicId, receipt, channel: 'app' as const };
    throw e;
  }
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
  assertVoting(t, now);
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
  assertVoting(t, now);
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
