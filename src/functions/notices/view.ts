import { disclosureStatus } from '../../shared/rules/cadence';
import type { DisclosureCalendar, NoticeListQuery } from '../../shared/schemas/notice';
import { noticeCategories } from '../../shared/schemas/notice';
import type { Actor } from '../lib/actor';
import { notFound } from '../lib/errors';
import { allows } from '../lib/policy';
import { countVerifiedResidents } from '../people/store';
import { resolveVillage } from '../villages/service';
import { authorizeIn, isPublic, loadNotice } from './access';
import { present } from './files';
import * as store from './store';

/* Reading notices: the lists, one notice and its versions, who read it, the disclosure calendar, my questions. */

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

/* The disclosure calendar (公开日历). */

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
