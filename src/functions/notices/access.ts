import type { Notice } from '../../shared/schemas/notice';
import type { Actor } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { notFound } from '../lib/errors';
import { type Action, allows, authorize } from '../lib/policy';
import type { VillageRecord } from '../villages/store';
import * as store from './store';

/** Who may act on a notice, loading one as its reader may see it, and the audit entry every change writes. */
export const target = (v: VillageRecord, extra: { category?: Notice['category']; draftedBy?: string } = {}) => ({
  villageId: v.villageId,
  townshipId: v.townshipId,
  ...extra,
});
export type NoticeFacts = { category?: Notice['category']; createdBy?: { personId: string } };
export const authorizeIn = (a: Actor, action: Action, v: VillageRecord, n?: NoticeFacts) =>
  authorize(a, action, target(v, { category: n?.category, draftedBy: n?.createdBy?.personId }));
export const ref = (a: Actor) => ({ personId: a.personId, name: a.name });
export const STALE = '公告刚被其他人修改过，请刷新后再试';
export const isPublic = (n: Notice) => n.status === 'published' || n.status === 'withdrawn';

export async function loadNotice(actor: Actor, village: VillageRecord, noticeId: string): Promise<Notice> {
  const notice = await store.getNotice(village.villageId, noticeId);
  if (!notice) throw notFound('没有找到该公告');
  // Unpublished notices are not merely forbidden to residents: for them they don't exist yet.
  if (!isPublic(notice) && !allows(actor, 'notice.work', target(village))) throw notFound('没有找到该公告');
  return notice;
}

export const audit = (actor: Actor, v: VillageRecord, at: string, action: string, noticeId: string, more = {}) =>
  auditPut({ tenantId: v.villageId, at, actorId: actor.personId, action, target: `notice:${noticeId}`, ...more });
