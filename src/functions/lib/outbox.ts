import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventKind, InboxLink } from '../../shared/schemas/inbox';
import type { NoticeCategory } from '../../shared/schemas/notice-category';
import { dynamo, onCommit, type TransactItem, table } from './db';
import { newId } from './ids';
import * as keys from './keys';
import { logger } from './log';
import { indexQuery } from './query';
import { queueConfigured, sendToQueue } from './queue';

/**
 * The transactional outbox. A use case adds `emit(...)` to the transaction that
 * writes its change, so an event exists exactly when the change does. Once the
 * transaction commits, the event is handed to the queue (one small call, however
 * many people it concerns); the consumer (functions/events) works out who they
 * are and fills their inboxes. What a crash leaves pending, the relay sweeps.
 */
export type Recipient = { tenantId: string; personId: string } | { accountId: string };

/** Who hears of an event; the consumer expands each, page by page. */
export type Audience =
  | { kind: 'people'; people: Recipient[] }
  | { kind: 'electorate'; topicId: string; notVoted?: boolean }
  | { kind: 'cosigners'; caseId: string }
  | { kind: 'committee' }
  | { kind: 'supervision' } // the village's 监委会
  | { kind: 'township'; townshipId: string }
  | { kind: 'followers'; category: NoticeCategory; major: boolean };

/**
 * Work that follows a change but must not slow its request, carried by the same
 * outbox and queue as news: it tells no one (`to` is empty); the consumer does it.
 */
export type JobKind = 'topic.freeze' | 'village.summary';
const jobKinds: ReadonlySet<string> = new Set<JobKind>(['topic.freeze', 'village.summary']);

export interface EventInput {
  villageId: string;
  kind: EventKind | JobKind;
  link: InboxLink;
  to: Audience[];
  /** Text the message may show: nothing confidential (a topic's or notice's title, a binding's reason). */
  data?: Record<string, string>;
}
export interface EventRecord extends EventInput {
  eventId: string;
  at: string;
}
/** An event that is news to someone (not a job). */
export type NewsRecord = EventRecord & { kind: EventKind };
export const isNews = (e: EventRecord): e is NewsRecord => !jobKinds.has(e.kind);

const EVENT_DAYS = 30;
const isEvent = (item: Record<string, unknown> | undefined) => item?.type === 'event';

/** The outbox item for a transaction. */
export function emit(input: EventInput, now: Date): TransactItem {
  const event: EventRecord = { ...input, eventId: newId(now.getTime()), at: now.toISOString() };
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.event(event.villageId, event.eventId),
        ...keys.pendingEventIndex(event.at, event.villageId, event.eventId),
        type: 'event',
        ...event,
        ttl: Math.floor(now.getTime() / 1000) + EVENT_DAYS * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** What the queue carries: the event's address; the consumer reads the event itself. */
export const messageOf = (e: { villageId: string; eventId: string }) =>
  JSON.stringify({ villageId: e.villageId, eventId: e.eventId });

/** Sends events to the queue and takes their pending mark off; a failure leaves them for the sweep. */
async function relay(events: { villageId: string; eventId: string }[]) {
  if (!events.length || !queueConfigured()) return;
  try {
    await sendToQueue(events.map(messageOf));
    await Promise.all(
      events.map((e) =>
        dynamo.send(
          new UpdateCommand({
            TableName: table(),
            Key: keys.event(e.villageId, e.eventId),
            UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
          }),
        ),
      ),
    );
  } catch (e) {
    logger.warn('event relay failed; the sweep will send it', { errorName: (e as Error).name });
  }
}

onCommit(async (items) => {
  const events = items.flatMap((i) => (isEvent(i.Put?.Item) ? [i.Put?.Item as unknown as EventRecord] : []));
  await relay(events);
});

const SWEEP_AFTER_MS = 30_000;
/** The relay's sweep: events still pending a while after their commit (a crash, the queue unreachable). */
export async function relayPending(now: Date) {
  const r = await dynamo.send(
    new QueryCommand(
      indexQuery(keys.pendingEventPartition(), {
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
        ExpressionAttributeValues: {
          ':pk': keys.pendingEventPartition().pk,
          ':before': new Date(now.getTime() - SWEEP_AFTER_MS).toISOString(),
        },
        Limit: 100,
      }),
    ),
  );
  const events = (r.Items ?? []).map((i) => {
    const [, villageId, eventId] = String(i.gsi2sk).split('#');
    return { villageId, eventId };
  });
  await relay(events);
  return events.length;
}
