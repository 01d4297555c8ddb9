import type { NoticeRatings, RateNoticeRequest } from '../../shared/schemas/notice';
import type { Actor } from '../lib/actor';
import { transact } from '../lib/db';
import { conflict } from '../lib/errors';
import { fingerprint } from '../lib/sensitive';
import { countNoticeRating } from '../township/store';
import { ownVillage, resolveVillage } from '../villages/service';
import { authorizeIn, loadNotice } from './access';
import * as store from './store';

/* 一满意: residents rate what is disclosed; staff see counts and reasons, never who. */

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
