import { maskName } from '../../shared/rules/tiers';
import type { Actor } from '../lib/actor';
import { transact } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { allows, authorize } from '../lib/policy';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import * as store from './store';
import { audit, loadTopic, ref } from './view';

// Residents discuss a topic; the committee may hide a remark, with a reason.

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
