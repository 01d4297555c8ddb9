import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InboxItem, InboxPreferences } from '../../shared/schemas/inbox';
import { dynamo, isConditionFailure, table } from '../lib/db';
import * as keys from '../lib/keys';
import { indexQuery, pages, prefixQuery } from '../lib/query';

type Stored = Omit<InboxItem, 'read'> & { gsi1pk?: string };
const toItem = ({ itemId, kind, title, body, link, at, gsi1pk }: Stored): InboxItem => ({
  itemId,
  kind,
  title,
  body,
  link,
  at,
  read: !gsi1pk,
});

/** Newest first; the position is the last item's sort key. */
export async function page(ownerPk: string, limit: number, after?: string) {
  const r = await dynamo.send(
    new QueryCommand(
      prefixQuery(keys.inboxPrefix(ownerPk), {
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: keys.inboxItem(ownerPk, after.slice('MSG#'.length)) } : {}),
      }),
    ),
  );
  const items = ((r.Items ?? []) as Stored[]).map(toItem);
  return { items, nextCursor: r.LastEvaluatedKey ? String(r.LastEvaluatedKey.sk) : null };
}

/** Every item of an inbox, newest first: what 我的数据 hands over (an inbox is bounded by its keep days). */
export async function all(ownerPk: string) {
  const items = [];
  for (let after: string | undefined, more = true; more; ) {
    const p = await page(ownerPk, 100, after);
    items.push(...p.items);
    after = p.nextCursor ?? undefined;
    more = Boolean(p.nextCursor);
  }
  return items;
}

/** Unread items, counted up to a bound (the home screen shows "99+"). */
export async function countUnread(ownerPk: string, bound: number) {
  const r = await dynamo.send(
    new QueryCommand(indexQuery(keys.unreadPartition(ownerPk), { Select: 'COUNT', Limit: bound })),
  );
  return { unread: r.Count ?? 0, more: Boolean(r.LastEvaluatedKey) };
}

/** Read: off the unread index, with when. False when there is no such item. */
export async function markRead(ownerPk: string, itemId: string, at: string) {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.inboxItem(ownerPk, itemId),
        UpdateExpression: 'SET readAt = if_not_exists(readAt, :at) REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Every unread item, a page at a time. */
export async function* unreadIds(ownerPk: string) {
  for await (const r of pages(indexQuery(keys.unreadPartition(ownerPk), { Limit: 100 })))
    yield (r.Items ?? []).map((i) => String(i.gsi1sk));
}

export const putPreferences = (tenantId: string, personId: string, p: InboxPreferences, at: string) =>
  dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.preferences(tenantId, personId), type: 'inbox-preferences', ...p, updatedAt: at },
    }),
  );
