import { disclosureStatus } from '../../shared/rules/cadence';
import { maskName } from '../../shared/rules/tiers';
import type {
  CorrectNoticeRequest,
  DisclosureCalendar,
  Notice,
  NoticeContent,
  NoticeListQuery,
  NoticeRatings,
  Question,
  RateNoticeRequest,
} from '../../shared/schemas/notice';
import { noticeCategories } from '../../shared/schemas/notice';
import { noticeCategoryLabels } from '../../shared/schemas/notice-category';
import type { Actor } from '../lib/actor';
import { auditPut, fieldChanges } from '../lib/audit';
import { transact } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import { type Action, allows, authorize } from '../lib/policy';
import { spendWriteAllowance } from '../lib/rate-limit';
import { fingerprint } from '../lib/sensitive';
import { countVerifiedResidents } from '../people/store';
import { countNoticeRating } from '../township/store';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import { claimFiles, present } from './files';
import * as store from './store';

const target = (v: VillageRecord, extra: { category?: Notice['category']; draftedBy?: string } = {}) => ({
  villageId: v.villageId,
  townshipId: v.townshipId,
  ...extra,
});
type NoticeFacts = { category?: Notice['category']; createdBy?: { personId: string } };
const authorizeIn = (a: Actor, action: Action, v: VillageRecord, n?: NoticeFacts) =>
  authorize(a, action, target(v, { category: n?.category, draftedBy: n?.createdBy?.personId }));
const ref = (a: Actor) => ({ personId: a.personId, name: a.name });
const STALE = '公告刚被其他人修改过，请刷新后再试';
const isPublic = (n: Notice) => n.status === 'published' || n.status === 'withdrawn';

async function loadNotice(actor: Actor, village: VillageRecord, noticeId: string): Promise<Notice> {
  const notice = await store.getNotice(village.villageId, noticeId);
  if (!notice) throw notFound('没有找到该公告');
  // Unpublished notices are not merely forbidden to residents: for them they don't exist yet.
  if (!isPublic(notice) && !allows(actor, 'notice.work', target(village))) throw notFound('没有找到该公告');
  return notice;
}

const audit = (actor: Actor, v: VillageRecord, at: string, action: string, noticeId: string, more = {}) =>
  auditPut({ tenantId: v.villageId, at, actorId: actor.personId, action, target: `notice:${noticeId}`, ...more });

/* ---------- reading ---------- */

export async function listNotices(actor: Actor, q: NoticeListQuery) {
  const village = await resolveVillage(actor, q.villageId);
  if (q.status !== 'public') authorizeIn(actor, 'notice.work', village);
  const group = q.status === 'public' ? 'public' : q.status;
  return store.listNotices({ ...q, villageId: village.villageId, group });
}

export async function openNotice(actor: Actor, noticeId: string, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  const notice = await loadNotice(actor, village, noticeId);
  if (isPublic(notice) && actor.tenant.kind === 'village') {
    await store.recordRead(village.villageId, noticeId, {
      personId: actor.personId,
      name: actor.name,
      groupName: actor.groupName,
      readAt: now.toISOString(),
    });
  }
  return present(village.villageId, notice, now);
}

export async function listVersions(actor: Actor, noticeId: string, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  await loadNotice(actor, village, noticeId);
  const versions = await store.listVersions(village.villageId, noticeId);
  return { items: await Promise.all(versions.map((v) => present(village.villageId, v, now))) };
}

export async function getVersion(
  actor: Actor,
  noticeId: string,
  version: number,
  villageId: string | undefined,
  now: Date,
) {
  const village = await resolveVillage(actor, villageId);
  await loadNotice(actor, village, noticeId);
  const found = await store.getVersion(village.villageId, noticeId, version);
  if (!found) throw notFound('没有找到该版本');
  return present(village.villageId, found, now);
}

export async function listReaders(actor: Actor, noticeId: string, cursor?: string, villageId?: string) {
  const village = await resolveVillage(actor, villageId);
  authorizeIn(actor, 'notice.readers', village);
  await loadNotice(actor, village, noticeId);
  const names = allows(actor, 'notice.readerNames', village);
  const [page, readerCount, verifiedResidents] = await Promise.all([
    names ? store.listReaders(village.villageId, noticeId, cursor) : { items: [], nextCursor: null },
    store.countReaders(village.villageId, noticeId),
    countVerifiedResidents(village.villageId),
  ]);
  const reach = verifiedResidents ? Math.min(1, readerCount / verifiedResidents) : 0;
  return { noticeId, readerCount, verifiedResidents, reach, namesShown: names, ...page };
}

/* ---------- drafting and publishing ---------- */

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

/* ---------- questions ---------- */

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

/* ---------- ratings (一满意) ---------- */

/**
 * Whose rating it is, as only the server can tell: a keyed fingerprint of (village, notice, person).
 * The rating carries no person and no time, and rating writes no audit entry (an opinion, like a
 * ballot, is not an administrative change): nothing stored or returned to staff leads to the rater.
 */
const raterKey = (villageId: string, noticeId: string, personId: string) =>
  fingerprint('rating', `${villageId}\u0000${noticeId}\u0000${personId}`);
const ALREADY_RATED = '您已经评价过这条公告，每人只能评价一次';

/**
 * One rating per person and notice. The same request again (a retry) is answered as the first was;
 * a different one is refused (409): a rating counted once is not changed afterwards, as a ballot isn't.
 */
export async function rate(actor: Actor, noticeId: string, request: RateNoticeRequest) {
  const village = await ownVillage(actor);
  authorizeIn(actor, 'notice.rate', village);
  const notice = await loadNotice(actor, village, noticeId);
  if (notice.status !== 'published') throw conflict('只能评价已发布的公告');
  const key = raterKey(village.villageId, noticeId, actor.personId);
  const record: store.RatingRecord = {
    noticeId,
    rating: request.rating,
    ...(request.reason ? { reason: request.reason } : {}),
  };
  const answer = { noticeId, rating: record.rating, ...(record.reason ? { reason: record.reason } : {}) };
  if (
    await transact([
      store.ratingPut(village.villageId, key, record),
      countNoticeRating(village.townshipId, village.villageId, record.rating),
    ])
  )
    return answer;
  const earlier = await store.getRating(village.villageId, noticeId, key);
  if (earlier && earlier.rating === record.rating && (earlier.reason ?? '') === (record.reason ?? '')) return answer;
  throw conflict(ALREADY_RATED);
}

export async function myRating(actor: Actor, noticeId: string) {
  const village = await ownVillage(actor);
  authorizeIn(actor, 'notice.rate', village);
  await loadNotice(actor, village, noticeId);
  const mine = await store.getRating(
    village.villageId,
    noticeId,
    raterKey(village.villageId, noticeId, actor.personId),
  );
  return { noticeId, rating: mine?.rating ?? null, ...(mine?.reason ? { reason: mine.reason } : {}) };
}

export async function ratings(actor: Actor, noticeId: string, villageId?: string): Promise<NoticeRatings> {
  const village = await resolveVillage(actor, villageId);
  authorizeIn(actor, 'notice.ratings', village);
  await loadNotice(actor, village, noticeId);
  const all = await store.listRatings(village.villageId, noticeId);
  const counts = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const r of all) counts[r.rating]++;
  const total = all.length;
  return {
    noticeId,
    counts,
    total,
    satisfactionRate: total ? Math.round(((counts.satisfied + counts.basically) / total) * 100) / 100 : null,
    reasons: all.flatMap((r) => (r.reason ? [{ rating: r.rating, reason: r.reason }] : [])),
  };
}

/* ---------- disclosure calendar (公开日历) ---------- */

export async function calendar(actor: Actor, villageId: string | undefined, now: Date): Promise<DisclosureCalendar> {
  const village = await resolveVillage(actor, villageId);
  authorizeIn(actor, 'calendar.view', village);
  const s = village.settings;
  const entries = await Promise.all(
    noticeCategories.map(async (category) => {
      const cadence = s.disclosureCadence[category] ?? 'on_change';
      const last = await store.lastPublishedAt(village.villageId, category);
      const status = disclosureStatus({
        cadence,
        lastPublishedAt: last,
        now,
        utcOffsetMinutes: s.utcOffsetMinutes,
        dueSoonDays: s.disclosureDueSoonDays,
      });
      return { category, cadence, lastPublishedAt: last, ...status };
    }),
  );
  return { villageId: village.villageId, villageName: village.name, asOf: now.toISOString(), entries };
}

/** The questions I asked, with whether they were answered: part of my page. */
export async function mySubmissions(actor: Actor) {
  if (actor.tenant.kind !== 'village') return { questions: [] };
  const questions = await store.listQuestionsBy(actor.tenant.villageId, actor.personId);
  return {
    questions: questions.map((q) => ({
      questionId: q.questionId,
      noticeId: q.noticeId,
      noticeTitle: q.noticeTitle,
      text: q.text,
      askedAt: q.askedAt,
      answeredAt: q.answer?.answeredAt,
    })),
  };
}
