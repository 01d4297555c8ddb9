import type { CorrectNoticeRequest, Notice, NoticeContent } from '../../shared/schemas/notice';
import { noticeCategoryLabels } from '../../shared/schemas/notice-category';
import type { Actor } from '../lib/actor';
import { fieldChanges } from '../lib/audit';
import { conflict } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import type { Action } from '../lib/policy';
import { ownVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import { audit, authorizeIn, loadNotice, ref, STALE } from './access';
import { claimFiles, present } from './files';
import * as store from './store';

/* A notice from draft to public and after: review, the 监委会's sign-off, corrections, withdrawal. Each step audited. */

export async function createDraft(actor: Actor, content: NoticeContent, idempotencyKey: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  authorizeIn(actor, 'notice.draft', village, { category: content.category });
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) return loadNotice(actor, village, earlier);
  const at = now.toISOString();
  const noticeId = newId(now.getTime());
  const files = await claimFiles(actor, village.villageId, noticeId, content, now);
  const notice: Notice = {
    ...content,
    attachments: files.attachments,
    noticeId,
    villageId: village.villageId,
    status: 'draft',
    version: 1,
    createdAt: at,
    createdBy: ref(actor),
    updatedAt: at,
  };
  const extra: store.TransactItem[] = [audit(actor, village, at, 'notice.draft', notice.noticeId), ...files.items];
  if (scope) extra.push(idempotencyPut(scope, notice.noticeId, at));
  if (await store.saveNotice(notice, 'new', extra)) return present(village.villageId, notice, now);
  // Two requests with the same key raced: the first one's notice is the answer.
  const winner = scope && (await findIdempotentResult(scope));
  if (winner) return loadNotice(actor, village, winner);
  throw conflict(STALE);
}

async function changeDraft(actor: Actor, noticeId: string, action: Action) {
  const village = await ownVillage(actor);
  const notice = await loadNotice(actor, village, noticeId);
  authorizeIn(actor, action, village, notice);
  if (notice.status !== 'draft') throw conflict('只有草稿可以修改或删除，已发布的公告请使用“更正”');
  return { village, notice };
}

export async function updateDraft(actor: Actor, noticeId: string, content: NoticeContent, now: Date) {
  const { village, notice } = await changeDraft(actor, noticeId, 'notice.draft');
  authorizeIn(actor, 'notice.draft', village, { ...notice, category: content.category });
  const at = now.toISOString();
  const files = await claimFiles(actor, village.villageId, noticeId, content, now);
  const next: Notice = { ...stripContent(notice), ...content, attachments: files.attachments, updatedAt: at };
  const ok = await store.saveNotice(next, notice, [
    audit(actor, village, at, 'notice.edit-draft', noticeId),
    ...files.items,
  ]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, now);
}

export async function deleteDraft(actor: Actor, noticeId: string, now: Date) {
  const { village } = await changeDraft(actor, noticeId, 'notice.draft');
  const ok = await store.deleteDraft(
    village.villageId,
    noticeId,
    audit(actor, village, now.toISOString(), 'notice.delete-draft', noticeId),
  );
  if (!ok) throw conflict(STALE);
  return {};
}

/** Optional content fields a new version may drop (e.g. a correction that removes the period). */
const stripContent = (n: Notice): Notice => {
  const { period, ledger, guide, reviewNote, ...rest } = n;
  return rest as Notice;
};

/** Where the village asks for it (签字把关, 财务 by default), a 监委会 member reviews the notice before it is public. */
const needsSignOff = (v: VillageRecord, n: Pick<Notice, 'category'>) =>
  v.settings.signOffCategories.includes(n.category);

/**
 * Makes a notice public as version 1. Its publisher is the committee member who
 * made it public (the reviewer where one approved it); a 监委会 sign-off is shown
 * beside, not in place of, the committee's name.
 */
async function publishNow(
  actor: Actor,
  village: VillageRecord,
  notice: Notice,
  at: string,
  action: string,
  change: Partial<Notice> = {},
) {
  const { reviewNote, ...rest } = notice;
  const next: Notice = { ...rest, ...change, status: 'published', publishedAt: at, updatedAt: at };
  const publisher = next.approvedBy ?? (action === 'notice.publish' ? ref(actor) : next.createdBy);
  const ok = await store.saveNotice(next, notice, [
    store.putVersion(village.villageId, store.firstVersion(notice, publisher, at)),
    audit(actor, village, at, action, notice.noticeId),
    emit(
      {
        villageId: village.villageId,
        kind: 'notice.published',
        link: { page: 'notice', id: notice.noticeId },
        to: [{ kind: 'followers', category: notice.category, major: Boolean(notice.major) }],
        data: { title: notice.title, category: noticeCategoryLabels[notice.category] },
      },
      new Date(at),
    ),
  ]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, new Date(at));
}

/** The 监委会 is told that a notice (or a correction of one) waits for its review. */
const signOffAsked = (village: VillageRecord, notice: Notice, at: string) =>
  emit(
    {
      villageId: village.villageId,
      kind: 'notice.signoff',
      link: { page: 'notice', id: notice.noticeId },
      to: [{ kind: 'supervision' }],
      data: { title: notice.title, category: noticeCategoryLabels[notice.category] },
    },
    new Date(at),
  );

/** Hands the notice to the 监委会 for its review: no version yet, the 监委会 told. */
async function toSignOff(
  actor: Actor,
  village: VillageRecord,
  notice: Notice,
  at: string,
  action: string,
  change: Partial<Notice>,
) {
  const { reviewNote, ...rest } = notice;
  const next: Notice = { ...rest, ...change, status: 'pending_signoff', updatedAt: at };
  const ok = await store.saveNotice(next, notice, [
    audit(actor, village, at, action, notice.noticeId),
    signOffAsked(village, next, at),
  ]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, new Date(at));
}

/**
 * Publishes at once, or sends to review where the village's 六规范 setting asks for a second member,
 * or to the 监委会 where the village asks its review for the category.
 */
export async function publish(actor: Actor, noticeId: string, now: Date) {
  const { village, notice } = await changeDraft(actor, noticeId, 'notice.publish');
  const at = now.toISOString();
  if (village.settings.noticeReviewRequired) {
    const next: Notice = { ...notice, status: 'pending_review', submittedAt: at, updatedAt: at };
    const ok = await store.saveNotice(next, notice, [audit(actor, village, at, 'notice.submit-review', noticeId)]);
    if (!ok) throw conflict(STALE);
    return present(village.villageId, next, now);
  }
  if (needsSignOff(village, notice))
    return toSignOff(actor, village, notice, at, 'notice.submit-signoff', { submittedAt: at });
  return publishNow(actor, village, notice, at, 'notice.publish');
}

async function awaitingReview(actor: Actor, noticeId: string) {
  const village = await ownVillage(actor);
  const notice = await loadNotice(actor, village, noticeId);
  authorizeIn(actor, 'notice.approve', village, notice);
  if (notice.status !== 'pending_review') throw conflict('这条公告不在待审核状态');
  return { village, notice };
}

export async function approve(actor: Actor, noticeId: string, now: Date) {
  const { village, notice } = await awaitingReview(actor, noticeId);
  const at = now.toISOString();
  if (needsSignOff(village, notice))
    return toSignOff(actor, village, notice, at, 'notice.approve', { approvedBy: ref(actor) });
  return publishNow(actor, village, notice, at, 'notice.approve', { approvedBy: ref(actor) });
}

export async function reject(actor: Actor, noticeId: string, reason: string, now: Date) {
  const { village, notice } = await awaitingReview(actor, noticeId);
  const at = now.toISOString();
  const next: Notice = { ...notice, status: 'draft', reviewNote: reason, updatedAt: at };
  const ok = await store.saveNotice(next, notice, [audit(actor, village, at, 'notice.reject', noticeId, { reason })]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, now);
}

/** A notice waiting for the 监委会: before it is published, or (for a sign-off only) its correction since. */
async function awaitingSignOff(actor: Actor, noticeId: string, correctionToo = false) {
  const village = await ownVillage(actor);
  const notice = await loadNotice(actor, village, noticeId);
  authorizeIn(actor, 'notice.signOff', village, notice);
  const corrected = correctionToo && notice.status === 'published' && notice.correctionUnreviewed;
  if (notice.status !== 'pending_signoff' && !corrected) throw conflict('这条公告不在等待监委会审核的状态');
  return { village, notice };
}

/** A 监委会 member reviewed it: published, with their name on it; a correction keeps its version and gains the name. */
export async function signOff(actor: Actor, noticeId: string, now: Date) {
  const { village, notice } = await awaitingSignOff(actor, noticeId, true);
  const at = now.toISOString();
  const signed = { signedOffBy: ref(actor), signedOffAt: at };
  if (notice.status === 'pending_signoff') return publishNow(actor, village, notice, at, 'notice.signoff', signed);
  const { correctionUnreviewed, ...rest } = notice;
  const next: Notice = { ...rest, ...signed, updatedAt: at };
  const ok = await store.saveNotice(next, notice, [
    audit(actor, village, at, 'notice.signoff-correction', noticeId, { version: notice.version }),
  ]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, now);
}

/** The 监委会 sends it back with its reason: a draft again, to be reviewed anew once changed. */
export async function returnToDraft(actor: Actor, noticeId: string, reason: string, now: Date) {
  const { village, notice } = await awaitingSignOff(actor, noticeId);
  const at = now.toISOString();
  const { approvedBy, ...rest } = notice;
  const next: Notice = { ...rest, status: 'draft', reviewNote: reason, updatedAt: at };
  const ok = await store.saveNotice(next, notice, [
    audit(actor, village, at, 'notice.signoff-return', noticeId, { reason }),
  ]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, now);
}

async function published(actor: Actor, noticeId: string, action: Action) {
  const village = await ownVillage(actor);
  const notice = await loadNotice(actor, village, noticeId);
  authorizeIn(actor, action, village, notice);
  if (notice.status !== 'published') throw conflict('只有已发布（未撤回）的公告可以更正或撤回');
  return { village, notice };
}

/** A correction never edits in place: it is a new version with its reason, and the old stays readable. */
export async function correct(actor: Actor, noticeId: string, request: CorrectNoticeRequest, now: Date) {
  const { village, notice } = await published(actor, noticeId, 'notice.correct');
  const { reason, ...typed } = request;
  authorizeIn(actor, 'notice.correct', village, { ...notice, category: typed.category });
  const files = await claimFiles(actor, village.villageId, noticeId, typed, now);
  const content = { ...typed, attachments: files.attachments };
  const at = now.toISOString();
  const version = notice.version + 1;
  // Where the 监委会 reviews the category, its earlier sign-off was not of this version.
  const unreviewed = needsSignOff(village, content);
  const { signedOffBy, signedOffAt, correctionUnreviewed, ...kept } = stripContent(notice);
  const review = unreviewed ? { correctionUnreviewed: true } : signedOffBy ? { signedOffBy, signedOffAt } : {};
  const next: Notice = { ...kept, ...review, ...content, version, correctedAt: at, updatedAt: at };
  const ok = await store.saveNotice(next, notice, [
    ...(unreviewed ? [signOffAsked(village, next, at)] : []),
    store.putVersion(village.villageId, {
      ...content,
      noticeId,
      version,
      publishedAt: at,
      publishedBy: ref(actor),
      reason,
    }),
    audit(actor, village, at, 'notice.correct', noticeId, {
      reason,
      ...fieldChanges<NoticeContent>(notice, content),
    }),
    ...files.items,
  ]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, now);
}

export async function withdraw(actor: Actor, noticeId: string, reason: string, now: Date) {
  const { village, notice } = await published(actor, noticeId, 'notice.withdraw');
  const at = now.toISOString();
  const next: Notice = { ...notice, status: 'withdrawn', withdrawnAt: at, withdrawReason: reason, updatedAt: at };
  const ok = await store.saveNotice(next, notice, [audit(actor, village, at, 'notice.withdraw', noticeId, { reason })]);
  if (!ok) throw conflict(STALE);
  return present(village.villageId, next, now);
}
