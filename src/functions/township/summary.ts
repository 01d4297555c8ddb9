import { isOpen } from '../../shared/rules/case-flow';
import { noticeCategories } from '../../shared/schemas/notice';
import { listVillageCases } from '../cases/store';
import { overdueOf } from '../cases/view';
import { logger } from '../lib/log';
import type { EventRecord } from '../lib/outbox';
import { lastPublishedAt } from '../notices/store';
import { isAdultOn, listPeople } from '../people/store';
import { listTopics } from '../topics/store';
import type { VillageRecord } from '../villages/store';
import { type CaseCounts, setSummaryFields } from './store';

/**
 * Keeps each village's summary item (township/store.ts) up to date as things happen:
 * the events consumer refreshes the part an event concerns, from the village's own
 * items (bounded by the village), off the request path. A daily run refreshes every
 * part, catching what moves with time alone (a case falling overdue without a step,
 * a resident turning 18, a changed cadence).
 */
export type SummaryPart = 'disclosure' | 'cases' | 'votes' | 'roster';
export const allParts: SummaryPart[] = ['disclosure', 'cases', 'votes', 'roster'];

const partsOf = (kind: EventRecord['kind']): SummaryPart[] => {
  if (kind.startsWith('case.') || kind === 'cosign.threshold' || kind === 'village.summary') return ['cases'];
  if (kind === 'topic.result') return ['votes', 'disclosure']; // the result is published as a notice too
  if (kind.startsWith('binding.')) return ['roster'];
  if (kind === 'notice.published') return ['disclosure'];
  return [];
};

const noCases = (): CaseCounts => ({ open: 0, overdue: 0, escalated: 0, satisfied: 0, basically: 0, unsatisfied: 0 });

async function disclosure(village: VillageRecord) {
  const s = village.settings;
  const last = await Promise.all(noticeCategories.map((c) => lastPublishedAt(village.villageId, c)));
  return {
    lastPublished: Object.fromEntries(noticeCategories.map((c, i) => [c, last[i]])),
    cadence: s.disclosureCadence,
    utcOffsetMinutes: s.utcOffsetMinutes,
    dueSoonDays: s.disclosureDueSoonDays,
  };
}

/** Care concerns (关爱线索) are counted apart: only civil-affairs staff may count them (lib/policy seesCase). */
async function cases(village: VillageRecord, now: Date) {
  const counts = { ordinary: noCases(), care: noCases() };
  for (const c of await listVillageCases(village.villageId)) {
    const bucket = c.care ? counts.care : counts.ordinary;
    if (c.rating) bucket[c.rating.rating]++;
    if (!isOpen(c.status)) continue;
    bucket.open++;
    if (overdueOf(village, c, now)) bucket.overdue++;
    if (c.escalation) bucket.escalated++;
  }
  return { cases: counts };
}

async function votes(village: VillageRecord) {
  const closed = (await listTopics(village.villageId)).filter((t) => t.status === 'closed' && t.result && t.closedAt);
  const last = closed.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))[0];
  return {
    lastVote: last?.result
      ? {
          topicId: last.topicId,
          title: last.title,
          closedAt: last.closedAt,
          participants: last.result.participants,
          electorate: last.result.electorate,
        }
      : null,
  };
}

async function roster(village: VillageRecord, now: Date) {
  const adults = (await listPeople(village.villageId)).filter((p) => p.status === 'active' && isAdultOn(p, now));
  return { adults: adults.length, bound: adults.filter((p) => p.accountId).length };
}

/** Works out the named parts of a village's summary again and saves them; `activityAt` moves its last activity. */
export async function refreshVillageSummary(
  village: VillageRecord,
  parts: SummaryPart[],
  now: Date,
  activityAt?: string,
) {
  const computed = await Promise.all(
    parts.map((part) => {
      if (part === 'disclosure') return disclosure(village);
      if (part === 'cases') return cases(village, now);
      if (part === 'votes') return votes(village);
      return roster(village, now);
    }),
  );
  await setSummaryFields(village.townshipId, village.villageId, {
    villageName: village.name,
    ...Object.assign({}, ...computed),
    ...(parts.includes('cases') || parts.includes('roster') ? { refreshedAt: now.toISOString() } : {}),
    ...(activityAt ? { lastActivityAt: activityAt } : {}),
  });
}

/** After the consumer handled an event: its village was active, and the part it concerns may have moved. */
export async function refreshAfter(event: EventRecord, village: VillageRecord, now: Date) {
  try {
    await refreshVillageSummary(village, partsOf(event.kind), now, event.at);
  } catch (e) {
    // A stale summary is caught up by the next event or the daily run; it never fails the delivery.
    logger.error('village summary refresh failed', { villageId: village.villageId, errorName: (e as Error).name });
  }
}
