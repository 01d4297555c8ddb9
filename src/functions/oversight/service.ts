import { dueAt } from '../../shared/rules/deadlines';
import { localDay } from '../../shared/rules/local-day';
import type { Notice } from '../../shared/schemas/notice';
import type { CheckList } from '../../shared/schemas/oversight';
import { type Stage, stageOrder, type Topic } from '../../shared/schemas/topic';
import { calendarOf, casesVisibleTo, overdueOf, summaryOf } from '../cases/view';
import * as inquiries from '../inquiries/service';
import type { Actor } from '../lib/actor';
import { getAll } from '../lib/batch';
import * as keys from '../lib/keys';
import { authorize } from '../lib/policy';
import { listNotices, listOpenQuestions } from '../notices/store';
import { calendar } from '../notices/view';
import { listTopics } from '../topics/store';
import { resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';

/** Far more than a village publishes of one category in a month, or keeps waiting for the 监委会. */
const NOTICES_READ = 50;

/** 四议 before the vote; 两公开 (the decision and the result made public) once it is decided. */
const stagesDueBy = (status: Topic['status']): readonly Stage[] =>
  status === 'closed' ? stageOrder : status === 'draft' ? [] : ['proposal', 'committees', 'party_review'];

/** The first instant of the village's current month, and its name (YYYY-MM). */
function monthOf(village: VillageRecord, now: Date) {
  const offset = village.settings.utcOffsetMinutes;
  const month = localDay(now, offset).slice(0, 7);
  const start = new Date(Date.parse(`${month}-01T00:00:00Z`) - offset * 60_000).toISOString();
  return { month, start };
}

async function notSignedOff(village: VillageRecord, monthStart: string) {
  const { villageId } = village;
  const waiting = (await listNotices({ villageId, group: 'pending_signoff', limit: NOTICES_READ })).items;
  const published = await Promise.all(
    village.settings.signOffCategories.map(
      async (category) => (await listNotices({ villageId, group: 'public', category, limit: NOTICES_READ })).items,
    ),
  );
  // Published or corrected this month: a correction since the sign-off bears none until it is reviewed.
  const thisMonth = published
    .flat()
    .filter((n) => n.status === 'published' && (n.correctedAt ?? n.publishedAt ?? '') >= monthStart);
  // The list index carries a summary only: whose sign-off a notice bears is read from its head.
  const heads = await getAll<Notice>(thisMonth.map((n) => keys.notice(villageId, n.noticeId)));
  return [...waiting, ...heads.filter((n): n is Notice => Boolean(n) && !n?.signedOffBy)];
}

async function majorMatters(village: VillageRecord) {
  return (await listTopics(village.villageId)).flatMap((t) => {
    if (!t.major) return [];
    const recorded = new Set(t.stages.map((s) => s.stage));
    const missing = stagesDueBy(t.status).filter((s) => !recorded.has(s));
    return missing.length ? [{ topicId: t.topicId, title: t.title, status: t.status, missing }] : [];
  });
}

async function unansweredQuestions(actor: Actor, village: VillageRecord, now: Date) {
  const limit = { amount: village.settings.questionAnswerDays, unit: 'working_days' } as const;
  return (await listOpenQuestions(village.villageId)).items.flatMap((q) => {
    const dueBy = dueAt(q.askedAt, limit, calendarOf(village));
    if (dueBy > now.toISOString()) return [];
    // The check list is the overseers': they see who asked, as the committee does.
    const askedBy = { name: q.askedBy.name, isMe: q.askedBy.personId === actor.personId };
    return [
      {
        questionId: q.questionId,
        noticeId: q.noticeId,
        noticeTitle: q.noticeTitle,
        text: q.text,
        askedAt: q.askedAt,
        askedBy,
        dueBy,
      },
    ];
  });
}

/**
 * Made from the data each time it is opened: every item goes through the same
 * visibility as its own list (cases the caller may open, inquiries they may read).
 */
export async function checkList(actor: Actor, villageId: string | undefined, now: Date): Promise<CheckList> {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'oversight.checklist', village);
  const { month, start } = monthOf(village, now);
  const [disclosure, unsigned, major, cases, questions, overdueInquiries] = await Promise.all([
    calendar(actor, village.villageId, now),
    notSignedOff(village, start),
    majorMatters(village),
    casesVisibleTo(actor, village),
    unansweredQuestions(actor, village, now),
    inquiries.list(actor, { villageId: village.villageId, status: 'overdue' }, now),
  ]);
  return {
    villageId: village.villageId,
    villageName: village.name,
    month,
    asOf: now.toISOString(),
    disclosureOverdue: disclosure.entries.filter((e) => e.status === 'overdue'),
    notSignedOff: unsigned,
    majorMatters: major,
    overdueCases: cases.filter((c) => overdueOf(village, c, now)).map((c) => summaryOf(actor, village, c, 0, now)),
    unansweredQuestions: questions,
    unansweredInquiries: overdueInquiries.items,
  };
}
