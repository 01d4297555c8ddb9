import { wechatConfig } from './env';
import { unavailable } from './errors';
import { logger } from './log';

/**
 * WeChat's server API token from the stable token endpoint (POST
 * /cgi-bin/stable_token), which hands every caller the same token until it
 * expires, so functions asking at once don't invalidate each other's. Kept in
 * memory until five minutes before it runs out; `forget` after WeChat says it
 * is no longer valid (40001).
 */
const MARGIN_MS = 5 * 60 * 1000;
let cached: { token: string; until: number; appId: string } | undefined;

export async function wechatAccessToken(now = Date.now()): Promise<string> {
  const { apiBase, appId, appSecret } = wechatConfig();
  if (!appId || !appSecret) throw unavailable('微信接口尚未配置，请联系管理员');
  if (cached && cached.appId === appId && cached.until > now) return cached.token;
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
  cached = { token: reply.access_token, until: now + reply.expires_in * 1000 - MARGIN_MS, appId };
  return cached.token;
}

export const forgetWechatAccessToken = () => {
  cached = undefined;
};
