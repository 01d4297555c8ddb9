import { workingStates } from '../../shared/rules/case-flow';
import { workingDaysLeft } from '../../shared/rules/deadlines';
import { getCase } from '../cases/store';
import { calendarOf } from '../cases/view';
import { transact } from '../lib/db';
import { type EventInput, emit } from '../lib/outbox';
import { listOpenQuestions } from '../notices/store';
import { getTopic } from '../topics/store';
import { everyVillage, getVillage } from '../villages/store';
import * as store from './store';

/**
 * What the clock announces, on a schedule: a vote closing within 24 hours (to
 * those of its electorate who have not voted), a case clock with one working
 * day left (to its handler), a question waiting longer than the village's
 * setting (to the committee). Each is said once: its mark and its event are
 * written in one transaction, so a second run, or two at once, add nothing.
 */
const HOUR = 3_600_000;
/** Far enough ahead to hold one working day after the longest holiday (国庆 is 8 days). */
const CASE_LOOKAHEAD_DAYS = 10;

const announce = (what: string, event: EventInput, now: Date) =>
  transact([store.announcedMark(event.villageId, what, now), emit(event, now)]);

async function votesClosing(now: Date) {
  let told = 0;
  for await (const { villageId, topicId } of store.topicsClosingBy(new Date(now.getTime() + 24 * HOUR))) {
    const t = await getTopic(villageId, topicId);
    if (t?.status !== 'open' || t.closesAt <= now.toISOString()) continue; // the closer's, not ours
    const event: EventInput = {
      villageId,
      kind: 'topic.closing',
      link: { page: 'topic', id: topicId },
      to: [{ kind: 'electorate', topicId, notVoted: true }],
      data: { title: t.title },
    };
    if (await announce(`topic.closing#${topicId}`, event, now)) told++;
  }
  return told;
}

async function caseClocks(now: Date) {
  let told = 0;
  for await (const entry of store.caseClocksBy(new Date(now.getTime() + CASE_LOOKAHEAD_DAYS * 24 * HOUR))) {
    const village = await getVillage(entry.villageId);
    const c = village && (await getCase(entry.villageId, entry.caseId));
    if (!village || !c || c.clock !== entry.sk) continue;
    // The acceptance clock is the committee's; the resolve clock its handler's. A review window is the petitioner's.
    const clock = c.status === 'submitted' ? 'accept' : workingStates.includes(c.status) ? 'resolve' : undefined;
    const left = workingDaysLeft(now.toISOString(), entry.dueAt, calendarOf(village));
    if (!clock || left < 0 || left > 1) continue;
    const handler = clock === 'resolve' ? c.assignee : undefined;
    if (!handler && c.route !== 'committee') continue; // on the township's list: not the committee's to hurry
    const event: EventInput = {
      villageId: village.villageId,
      kind: 'case.due',
      link: { page: 'case', id: c.caseId, villageId: village.villageId },
      to: handler
        ? [{ kind: 'people', people: [{ tenantId: village.villageId, personId: handler.personId }] }]
        : [{ kind: 'committee' }],
    };
    if (await announce(`case.due#${entry.sk}`, event, now)) told++;
  }
  return told;
}

async function questionsWaiting(now: Date) {
  let told = 0;
  for await (const { villageId, settings } of everyVillage()) {
    const hours = settings.inbox.questionWaitHours;
    const before = new Date(now.getTime() - hours * HOUR).toISOString();
    // Oldest first: the waiting ones lead the list.
    for (const q of (await listOpenQuestions(villageId)).items.filter((i) => i.askedAt < before)) {
      const event: EventInput = {
        villageId,
        kind: 'question.waiting',
        link: { page: 'notice', id: q.noticeId },
        to: [{ kind: 'committee' }],
        data: { title: q.noticeTitle, hours: String(hours) },
      };
      if (await announce(`question.waiting#${q.questionId}`, event, now)) told++;
    }
  }
  return told;
}

export async function announceDue(now: Date) {
  return {
    votesClosing: await votesClosing(now),
    caseClocks: await caseClocks(now),
    questionsWaiting: await questionsWaiting(now),
  };
}
