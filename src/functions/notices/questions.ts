import { maskName } from '../../shared/rules/tiers';
import type { Question } from '../../shared/schemas/notice';
import type { Actor } from '../lib/actor';
import { transact } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import { allows } from '../lib/policy';
import { spendWriteAllowance } from '../lib/rate-limit';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import { audit, authorizeIn, loadNotice, ref, target } from './access';
import * as store from './store';

/* Residents' questions on a notice (询问) and the committee's answers. */

/** Names are personal: whole for the asker and for staff who answer, masked for other residents. */
const questionFor = (actor: Actor, village: VillageRecord, q: store.QuestionRecord): Question => {
  const isMe = q.askedBy.personId === actor.personId;
  const staff = allows(actor, 'notice.work', target(village));
  return {
    questionId: q.questionId,
    noticeId: q.noticeId,
    text: q.text,
    askedAt: q.askedAt,
    askedBy: { name: isMe || staff ? q.askedBy.name : maskName(q.askedBy.name), isMe },
    answer: q.answer && {
      text: q.answer.text,
      answeredAt: q.answer.answeredAt,
      answeredBy: { name: q.answer.answeredBy.name },
    },
  };
};

export async function listQuestions(actor: Actor, noticeId: string, villageId?: string) {
  const village = await resolveVillage(actor, villageId);
  await loadNotice(actor, village, noticeId);
  const items = await store.listQuestions(village.villageId, noticeId);
  return { items: items.map((q) => questionFor(actor, village, q)) };
}

export async function ask(actor: Actor, noticeId: string, text: string, idempotencyKey: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  authorizeIn(actor, 'notice.ask', village);
  const notice = await loadNotice(actor, village, noticeId);
  if (notice.status !== 'published') throw conflict('只能对已发布的公告提问');
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) {
    const q = await store.getQuestion(village.villageId, noticeId, earlier);
    if (q) return questionFor(actor, village, q);
  }
  await spendWriteAllowance('questions', village, actor.personId, now);
  const at = now.toISOString();
  const q: store.QuestionRecord = {
    noticeTitle: notice.title,
    questionId: newId(now.getTime()),
    noticeId,
    text,
    askedAt: at,
    askedBy: ref(actor),
  };
  const items: store.TransactItem[] = [
    store.questionPut(village.villageId, q),
    audit(actor, village, at, 'notice.ask', noticeId),
  ];
  if (scope) items.push(idempotencyPut(scope, q.questionId, at));
  if (!(await transact(items))) throw conflict('这个问题已经提交过了');
  return questionFor(actor, village, q);
}

export async function answer(actor: Actor, noticeId: string, questionId: string, text: string, now: Date) {
  const village = await ownVillage(actor);
  const notice = await loadNotice(actor, village, noticeId);
  authorizeIn(actor, 'notice.answer', village, notice);
  const q = await store.getQuestion(village.villageId, noticeId, questionId);
  if (!q) throw notFound('没有找到该问题');
  if (q.answer) throw conflict('这个问题已经答复过了');
  const at = now.toISOString();
  const reply = { text, answeredAt: at, answeredBy: ref(actor) };
  const ok = await transact([
    store.answerUpdate(village.villageId, q, reply),
    audit(actor, village, at, 'notice.answer', noticeId),
    emit(
      {
        villageId: village.villageId,
        kind: 'question.answered',
        link: { page: 'notice', id: noticeId },
        to: [{ kind: 'people', people: [{ tenantId: village.villageId, personId: q.askedBy.personId }] }],
        data: { title: notice.title },
      },
      now,
    ),
  ]);
  if (!ok) throw conflict('这个问题已经答复过了');
  return questionFor(actor, village, { ...q, answer: reply });
}

/** What is waiting for the committee, and since when (the strictness of a hotline). */
export async function openQuestions(actor: Actor, villageId?: string) {
  const village = await resolveVillage(actor, villageId);
  authorizeIn(actor, 'notice.work', village);
  const { items, more } = await store.listOpenQuestions(village.villageId);
  return { items: items.map((q) => ({ ...questionFor(actor, village, q), noticeTitle: q.noticeTitle })), more };
}
