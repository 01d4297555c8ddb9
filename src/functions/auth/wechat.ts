import { wechatConfig } from '../lib/env';
import { forbidden, tooMany, unauthenticated, unavailable } from '../lib/errors';
import { logger } from '../lib/log';

/**
 * The one door to WeChat sign-in: a mini-program's wx.login() code exchanged for
 * the user's openid (code2Session). The base URL, app id and secret are settings
 * (serverless.yml); the local stack points them at a fake of the same HTTP API.
 */
export interface WechatIdentity {
  openid: string;
}

interface Code2SessionReply {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's documented error codes, as a person should read them. */
const refusals: Record<number, () => Error> = {
  40029: () => unauthenticated('微信登录凭证无效，请重新打开小程序登录'),
  40163: () => unauthenticated('微信登录凭证已经用过，请重新打开小程序登录'),
  40226: () => forbidden('该微信账号存在风险，暂时无法登录'),
  45011: () => tooMany('登录太频繁，请稍后再试'),
};

export async function code2Session(code: string): Promise<WechatIdentity> {
  const { apiBase, appId, appSecret } = wechatConfig();
  if (!appId || !appSecret) throw unavailable('微信登录尚未配置，请联系管理员');
  const url = new URL('/sns/jscode2session', apiBase);
  url.search = new URLSearchParams({
    appid: appId,
    secret: appSecret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  let reply: Code2SessionReply;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    reply = (await res.json()) as Code2SessionReply;
  } catch (e) {
    logger.warn('code2Session unreachable', { errorName: (e as Error).name });
    throw unavailable('微信服务暂时无法连接，请稍后再试');
  }
  if (reply.openid && !reply.errcode) return { openid: reply.openid };
  const refusal = reply.errcode !== undefined ? refusals[reply.errcode] : undefined;
  if (refusal) throw refusal();
  logger.warn('code2Session refused', { errcode: reply.errcode });
  throw unavailable('微信服务暂时不可用，请稍后再试');
}
