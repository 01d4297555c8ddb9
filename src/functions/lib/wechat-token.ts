import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, table } from './db';
import { wechatConfig } from './env';
import { unavailable } from './errors';
import * as keys from './keys';
import { logger } from './log';

/**
 * WeChat's server API token from the stable token endpoint (POST
 * /cgi-bin/stable_token), which hands every caller the same token until it
 * expires. One token for all functions: it is kept in the table (and in memory
 * for this instance) until five minutes before it runs out, so a cold start
 * reads it rather than asking WeChat, whose daily quota for tokens is small.
 * `forget` after WeChat says it is no longer valid (40001).
 */
const MARGIN_MS = 5 * 60 * 1000;
interface Cached {
  token: string;
  until: number;
  appId: string;
}
let cached: Cached | undefined;

async function fromTable(appId: string, now: number) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.wechatToken(appId) }));
  const stored = Item as Cached | undefined;
  return stored && stored.until > now ? stored : undefined;
}

async function fromWechat(now: number): Promise<Cached> {
  const { apiBase, appId, appSecret } = wechatConfig();
  let reply: { access_token?: string; expires_in?: number; errcode?: number };
  try {
    const res = await fetch(new URL('/cgi-bin/stable_token', apiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret }),
      signal: AbortSignal.timeout(5000),
    });
    reply = await res.json();
  } catch (e) {
    logger.warn('stable_token unreachable', { errorName: (e as Error).name });
    throw unavailable('微信服务暂时无法连接，请稍后再试');
  }
  if (!reply.access_token || !reply.expires_in) {
    logger.warn('stable_token refused', { errcode: reply.errcode });
    throw unavailable('微信服务暂时不可用，请稍后再试');
  }
  const fresh = { token: reply.access_token, until: now + reply.expires_in * 1000 - MARGIN_MS, appId };
  await dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.wechatToken(appId), type: 'wechat-token', ...fresh, ttl: Math.ceil(fresh.until / 1000) + 86_400 },
    }),
  );
  return fresh;
}

export async function wechatAccessToken(now = Date.now()): Promise<string> {
  const { appId, appSecret } = wechatConfig();
  if (!appId || !appSecret) throw unavailable('微信接口尚未配置，请联系管理员');
  if (!(cached && cached.appId === appId && cached.until > now))
    cached = (await fromTable(appId, now)) ?? (await fromWechat(now));
  return cached.token;
}

/** Drops a token WeChat refused, here and in the table (unless another function already replaced it). */
export async function forgetWechatAccessToken() {
  const forgotten = cached;
  cached = undefined;
  if (!forgotten) return;
  await dynamo
    .send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.wechatToken(forgotten.appId),
        ConditionExpression: '#t = :t',
        ExpressionAttributeNames: { '#t': 'token' },
        ExpressionAttributeValues: { ':t': forgotten.token },
      }),
    )
    .catch(() => undefined); // replaced already: the next call reads the new one
}
