import { defaultPreferences, optionalGroupOf } from '../../shared/schemas/inbox';
import { logger } from '../lib/log';
import { type Audience, type EventRecord, isNews, type JobKind, type NewsRecord, type Recipient } from '../lib/outbox';
import { offer } from '../subscriptions/push';
import { freezeElectorate } from '../topics/service';
import { refreshAfter } from '../township/summary';
import { getVillage, type VillageRecord } from '../villages/store';
import { messageOf } from './messages';
import * as store from './store';

/** The jobs the queue carries beside news. */
const jobs: Record<JobKind, (e: EventRecord, now: Date) => Promise<number>> = {
  'topic.freeze': (e, now) => freezeElectorate(e.villageId, e.link.id, now),
  // A change that tells no one still moves its village's summary: refreshAfter (below) does it.
  'village.summary': async () => 0,
};

/**
 * The consumer's use case: one event to every inbox it concerns, a page of
 * recipients at a time, each page's items in batches. Safe to run again for the
 * same event (at-least-once delivery): an item already there is left alone,
 * and only the items newly written are pushed (subscriptions/push.ts).
 */
export async function deliver(villageId: string, eventId: string, now: Date) {
  const event = await store.getEvent(villageId, eventId);
  const village = event && (await getVillage(villageId));
  if (!event || !village) return 0; // expired, or its village is gone: nothing to tell
  const done = isNews(event) ? await tell(event, village, now) : await jobs[event.kind as JobKind](event, now);
  // Every event is its village's activity, and may move the township's summary of it.
  await refreshAfter(event, village, now);
  return done;
}

async function tell(event: NewsRecord, village: VillageRecord, now: Date) {
  const villageId = village.villageId;
  const { eventId } = event;
  const prefs = await store.preferencesOf(villageId);
  const group = optionalGroupOf[event.kind];
  const wants = (r: Recipient, a: Audience) => {
    if (!('personId' in r) || r.tenantId !== villageId) return true;
    const p = prefs.get(r.personId) ?? defaultPreferences();
    if (group && p.muted.includes(group)) return false;
    return a.kind !== 'followers' || a.major || p.categories.includes(a.category);
  };
  const message = messageOf(event);
  let delivered = 0;
  for await (const { audience, page } of store.recipientPages(event, async () => village.townshipId, now)) {
    const fresh = await store.writeInbox(
      event,
      page.filter((r) => wants(r, audience)),
      message,
      village.settings.inbox.keepDays,
    );
    delivered += fresh.length;
    // The inbox has the items now; a push that fails (WeChat, a throttled read) is logged, never retried by the queue.
    await offer(
      event,
      message,
      fresh.map((f) => f.owner),
      village,
      now,
    ).catch((e: Error) => logger.error('push failed', { eventId, errorName: e.name }));
  }
  return delivered;
}
