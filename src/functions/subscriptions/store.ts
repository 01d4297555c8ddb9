import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TemplateKey } from '../../shared/schemas/inbox';
import { getAll } from '../lib/batch';
import { dynamo, isConditionFailure, table } from '../lib/db';
import * as keys from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';

/**
 * Grants (per person and template, in the person's inbox partition), what was
 * pushed per person and village day (the daily cap), and pushes held back for
 * later (quiet hours, the day's folded digest).
 */
export interface GrantRecord {
  template: TemplateKey;
  templateId: string;
  status: 'granted' | 'refused' | 'used';
  longTerm: boolean;
  /** One-time grants not used yet: each accept in the mini-program adds one. */
  remaining: number;
  /** The openid to send to, sealed (lib/sensitive.ts): the account keeps only its fingerprint. */
  openid: string;
  updatedAt: string;
}

export const usable = (g: GrantRecord | undefined) =>
  Boolean(g && g.status === 'granted' && (g.longTerm || g.remaining > 0));

export function recordAccept(ownerPk: string, g: Omit<GrantRecord, 'status' | 'remaining'>) {
  return dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.grant(ownerPk, g.template),
      UpdateExpression:
        'SET #t = :type, template = :tk, templateId = :id, #s = :granted, longTerm = :lt, openid = :o, updatedAt = :at, remaining = if_not_exists(remaining, :zero) + :add',
      ExpressionAttributeNames: { '#t': 'type', '#s': 'status' },
      ExpressionAttributeValues: {
        ':type': 'grant',
        ':tk': g.template,
        ':id': g.templateId,
        ':granted': 'granted',
        ':lt': g.longTerm,
        ':o': g.openid,
        ':at': g.updatedAt,
        ':zero': 0,
        ':add': g.longTerm ? 0 : 1,
      },
    }),
  );
}

/** A refusal in the mini-program, or WeChat's 43101: nothing is sent on this template until a new grant. */
export const recordEnd = (ownerPk: string, template: TemplateKey, status: 'refused' | 'used', at: string) =>
  dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.grant(ownerPk, template),
      UpdateExpression: 'SET #t = :type, template = :tk, #s = :s, remaining = :zero, updatedAt = :at',
      ExpressionAttributeNames: { '#t': 'type', '#s': 'status' },
      ExpressionAttributeValues: { ':type': 'grant', ':tk': template, ':s': status, ':zero': 0, ':at': at },
    }),
  );

export const grantsOfOwner = (ownerPk: string) => queryAll<GrantRecord>(prefixQuery(keys.grantPrefix(ownerPk)));

/** The grants of many owners for one template, 100 to a BatchGet (getAll). */
export async function grantsFor(ownerPks: string[], template: TemplateKey): Promise<Map<string, GrantRecord>> {
  const owners = [...new Set(ownerPks)];
  const grants = await getAll<GrantRecord>(owners.map((o) => keys.grant(o, template)));
  return new Map(owners.flatMap((o, i) => (grants[i] ? [[o, grants[i]] as const] : [])));
}

/**
 * Uses a grant for one send: a long-term one stands, a one-time one is spent
 * (conditionally, so two sends never share it). False when it is no longer there.
 */
export async function takeGrant(ownerPk: string, g: Pick<GrantRecord, 'template' | 'longTerm'>) {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.grant(ownerPk, g.template),
        UpdateExpression: 'SET remaining = remaining - :spent',
        ConditionExpression: g.longTerm ? '#s = :granted AND longTerm = :true' : '#s = :granted AND remaining > :zero',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':granted': 'granted',
          ':spent': g.longTerm ? 0 : 1,
          ...(g.longTerm ? { ':true': true } : { ':zero': 0 }),
        },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** A one-time grant given back after a send that never reached WeChat. */
export const giveBack = (ownerPk: string, template: TemplateKey) =>
  dynamo
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.grant(ownerPk, template),
        UpdateExpression: 'ADD remaining :one',
        ConditionExpression: '#s = :granted AND longTerm = :false',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':granted': 'granted', ':false': false },
      }),
    )
    .catch((e) => {
      if (!isConditionFailure(e)) throw e;
    });

/* ---------- the daily cap ---------- */

const DAY_KEEP_S = 3 * 86_400;

/** Takes one of the day's pushes; false when the cap is reached. Urgent pushes count without asking. */
export async function takeSlot(ownerPk: string, day: string, cap: number | undefined, now: Date) {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.pushDay(ownerPk, day),
        UpdateExpression: 'SET #t = :type, #ttl = :ttl ADD pushed :one',
        ...(cap === undefined ? {} : { ConditionExpression: 'attribute_not_exists(pushed) OR pushed < :cap' }),
        ExpressionAttributeNames: { '#t': 'type', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':type': 'push-day',
          ':ttl': Math.floor(now.getTime() / 1000) + DAY_KEEP_S,
          ':one': 1,
          ...(cap === undefined ? {} : { ':cap': cap }),
        },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Counts one more message folded into the day's digest; returns how many now, and the template it goes on. */
export async function fold(ownerPk: string, day: string, template: TemplateKey) {
  const r = await dynamo.send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.pushDay(ownerPk, day),
      UpdateExpression: 'SET template = :t ADD folded :one',
      ExpressionAttributeValues: { ':t': template, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Number(r.Attributes?.folded ?? 0);
}

export async function pushDayOf(ownerPk: string, day: string) {
  const r = await dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: { ':pk': ownerPk, ':sk': keys.pushDay(ownerPk, day).sk },
      ConsistentRead: true,
    }),
  );
  const i = r.Items?.[0];
  return { folded: Number(i?.folded ?? 0), template: i?.template as TemplateKey | undefined };
}

/* ---------- held pushes ---------- */

/** A push to send later: an event's item after quiet hours, or a day's digest (itemId DIGEST#<day>). */
export interface HeldPush {
  releaseAt: string;
  ownerPk: string;
  itemId: string;
  villageId: string;
}

export const hold = (h: HeldPush) =>
  dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.heldPush(h.releaseAt, h.ownerPk, h.itemId), type: 'held-push', ...h },
    }),
  );

/** Held pushes whose time has come, earliest first (each shard read, at most `limit` in all). */
export async function due(now: Date, limit = 100) {
  const shards = await Promise.all(
    keys.heldPushPartitions().map((pk) =>
      dynamo.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND sk <= :now',
          ExpressionAttributeValues: { ':pk': pk, ':now': `${now.toISOString()}~` },
          Limit: limit,
        }),
      ),
    ),
  );
  return shards
    .flatMap((r) => (r.Items ?? []) as (HeldPush & { sk: string })[])
    .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0))
    .slice(0, limit)
    .map(({ releaseAt, ownerPk, itemId, villageId }) => ({ releaseAt, ownerPk, itemId, villageId }));
}

/** Takes a held push off the list; false when another run took it first. */
export async function release(h: HeldPush) {
  try {
    await dynamo.send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.heldPush(h.releaseAt, h.ownerPk, h.itemId),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
