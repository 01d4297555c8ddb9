import type { InboxPreferences } from '../../shared/schemas/inbox';
import { getPreferences } from '../events/store';
import type { Actor } from '../lib/actor';
import { notFound } from '../lib/errors';
import * as keys from '../lib/keys';
import type { Recipient } from '../lib/outbox';
import * as store from './store';

/** A bound person reads their own inbox; an account not bound yet, its own (a refused binding reaches it). */
export const ownerOf = (actor: Actor | undefined, accountId: string): Recipient =>
  actor
    ? {
        tenantId: actor.tenant.kind === 'village' ? actor.tenant.villageId : actor.tenant.townshipId,
        personId: actor.personId,
      }
    : { accountId };

const UNREAD_BOUND = 100;

export const listInbox = (owner: Recipient, limit: number, cursor?: string) =>
  store.page(keys.inboxOwner(owner), limit, cursor);

export const unread = (owner: Recipient) => store.countUnread(keys.inboxOwner(owner), UNREAD_BOUND);

export async function markRead(owner: Recipient, itemId: string, now: Date) {
  if (!(await store.markRead(keys.inboxOwner(owner), itemId, now.toISOString()))) throw notFound('没有这条消息');
  return { marked: 1 };
}

export async function markAllRead(owner: Recipient, now: Date) {
  const ownerPk = keys.inboxOwner(owner);
  let marked = 0;
  for await (const ids of store.unreadIds(ownerPk)) {
    await Promise.all(ids.map((id) => store.markRead(ownerPk, id, now.toISOString())));
    marked += ids.length;
  }
  return { marked };
}

const tenantOf = (a: Actor) => (a.tenant.kind === 'village' ? a.tenant.villageId : a.tenant.townshipId);

export const preferences = (actor: Actor) => getPreferences(tenantOf(actor), actor.personId);

export async function setPreferences(actor: Actor, p: InboxPreferences, now: Date) {
  const clean = { muted: [...new Set(p.muted)], categories: [...new Set(p.categories)] };
  await store.putPreferences(tenantOf(actor), actor.personId, clean, now.toISOString());
  return clean;
}
