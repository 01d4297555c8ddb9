import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { defaultPreferences, type InboxPreferences } from '../../shared/schemas/inbox';
import { activeTerms } from '../lib/actor';
import { getAll, putAll } from '../lib/batch';
import { dynamo, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import type { Audience, EventRecord, NewsRecord, Recipient } from '../lib/outbox';
import { pages, prefixQuery, queryAll } from '../lib/query';
import type { PersonRecord } from '../people/store';
import type { Message } from './messages';

export const PAGE = 100; // recipients expanded and written per step: BatchGet's limit

export async function getEvent(villageId: string, eventId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.event(villageId, eventId), ConsistentRead: true }),
  );
  return Item as EventRecord | undefined;
}

type PersonRow = Pick<PersonRecord, 'personId' | 'status' | 'roles'>;
const peopleOf = (tenantId: string): QueryCommandInput =>
  prefixQuery(keys.personPrefix(tenantId), {
    ProjectionExpression: 'personId, #s, #r',
    ExpressionAttributeNames: { '#s': 'status', '#r': 'roles' },
    Limit: PAGE,
  });

/** Each audience of an event, a page of recipients at a time: never the whole village in memory. */
export async function* recipientPages(
  event: EventRecord,
  townshipOf: () => Promise<string>,
  now: Date,
): AsyncGenerator<{ audience: Audience; page: Recipient[] }> {
  const v = event.villageId;
  const person = (personId: string, tenantId = v) => ({ tenantId, personId });
  for (const audience of event.to) {
    const a = audience;
    const out = (page: Recipient[]) => ({ audience, page });
    if (a.kind === 'people') {
      for (let i = 0; i < a.people.length; i += PAGE) yield out(a.people.slice(i, i + PAGE));
    } else if (a.kind === 'electorate') {
      const q = prefixQuery(keys.topicVoterPrefix(v, a.topicId), { Limit: PAGE });
      for await (const r of pages(q))
        yield out(
          (r.Items ?? [])
            .filter((voter) => !(a.notVoted && voter.voted))
            .flatMap((voter) => (voter.personIds as string[]).map((p) => person(p))),
        );
    } else if (a.kind === 'cosigners') {
      const q = prefixQuery({ pk: keys.caseCoSign(v, a.caseId, '').pk, skPrefix: 'COSIGN#' }, { Limit: PAGE });
      for await (const r of pages(q))
        yield out((r.Items ?? []).map((i) => person(String(i.sk).slice('COSIGN#'.length))));
    } else {
      const tenantId = a.kind === 'township' ? await townshipOf() : v;
      const roles = { committee: 'committee', supervision: 'supervisor', township: 'township_staff' } as const;
      const role = a.kind in roles ? roles[a.kind as keyof typeof roles] : undefined;
      for await (const r of pages(peopleOf(tenantId)))
        yield out(
          ((r.Items ?? []) as PersonRow[])
            .filter((p) => p.status === 'active' && (!role || activeTerms(p, now).some((t) => t.role === role)))
            .map((p) => person(p.personId, tenantId)),
        );
    }
  }
}

/** Every preference set in a tenant (only people who changed theirs have one). */
export async function preferencesOf(tenantId: string) {
  const items = await queryAll<{ sk: string } & InboxPreferences>({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.preferencesPartition(tenantId) },
  });
  return new Map(items.map((i) => [i.sk, { muted: i.muted, categories: i.categories }]));
}

export async function getPreferences(tenantId: string, personId: string): Promise<InboxPreferences> {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.preferences(tenantId, personId) }));
  return Item ? { muted: Item.muted, categories: Item.categories } : defaultPreferences();
}

/** Of these item keys, the ones already stored (a redelivered event, or a retried page). */
async function existing(keysOf: { pk: string; sk: string }[]): Promise<Set<string>> {
  const stored = await getAll<{ pk: string; sk: string }>(keysOf, {
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });
  return new Set(stored.flatMap((i) => (i ? [`${i.pk}|${i.sk}`] : [])));
}

/**
 * Writes one inbox item per recipient of a page, keyed by (recipient, event):
 * whatever was written before (a redelivery) is left as it is, read or not.
 * Returns the recipients newly written, to be pushed to.
 */
export async function writeInbox(event: NewsRecord, page: Recipient[], message: Message, keepDays: number) {
  const unique = [...new Map(page.map((r) => [keys.inboxOwner(r), r])).entries()];
  const wanted = unique.map(([owner, r]) => ({ owner, r, key: keys.inboxItem(owner, event.eventId) }));
  const found = await existing(wanted.map((w) => w.key));
  const fresh = wanted.filter((w) => !found.has(`${w.key.pk}|${w.key.sk}`));
  const ttl = Math.floor(Date.parse(event.at) / 1000) + keepDays * 86_400;
  await putAll(
    fresh.map((w) => ({
      ...w.key,
      ...keys.unreadIndex(w.owner, event.eventId),
      type: 'inbox',
      itemId: event.eventId,
      kind: event.kind,
      ...message,
      link: event.link,
      at: event.at,
      ttl,
    })),
  );
  return fresh.map((w) => ({ owner: w.owner, recipient: w.r }));
}

/* ---------- scheduled announcements ---------- */

const ANNOUNCED_DAYS = 90;
/** The mark that an announcement was made, in its event's transaction: a second run finds it and says nothing. */
export const announcedMark = (villageId: string, what: string, now: Date): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.announced(villageId, what),
      type: 'announced',
      at: now.toISOString(),
      ttl: Math.floor(now.getTime() / 1000) + ANNOUNCED_DAYS * 86_400,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Open topics across villages whose voting closes by `until` (the list the scheduled closer reads), page by page. */
export async function* topicsClosingBy(until: Date) {
  const q = {
    TableName: table(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :until',
    ExpressionAttributeValues: { ':pk': 'TOPICS#open', ':until': until.toISOString() },
    Limit: PAGE,
  };
  for await (const r of pages(q))
    for (const i of r.Items ?? []) {
      const [, villageId, topicId] = String(i.gsi2sk).split('#');
      yield { villageId, topicId };
    }
}

/** Case clocks across villages that run out by `until` (the deadline list the escalation reads), page by page. */
export async function* caseClocksBy(until: Date) {
  const q = {
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk <= :until',
    ExpressionAttributeValues: { ':pk': keys.caseClockPartition().pk, ':until': until.toISOString() },
    Limit: PAGE,
  };
  for await (const r of pages(q))
    for (const i of r.Items ?? [])
      yield {
        sk: String(i.sk),
        dueAt: String(i.sk).split('#')[0],
        villageId: String(i.villageId),
        caseId: String(i.caseId),
      };
}
