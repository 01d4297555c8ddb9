import { wechatConfig } from '../lib/env';
import { logger } from '../lib/log';
import { forgetWechatAccessToken, wechatAccessToken } from '../lib/wechat-token';
import { miniprogramState } from './config';

/**
 * The one door to WeChat's subscribeMessage.send (POST
 * /cgi-bin/message/subscribe/send). Its answer, as the push channel acts on it:
 *  - sent;
 *  - refused: 43101, the user has no grant left for this template (a one-time
 *    grant used, or a long-term one withdrawn) — recorded, never retried;
 *  - retry: throttled (45009 daily quota, 45011 per minute), busy (-1), a 5xx or
 *    no answer — worth trying again a little later;
 *  - failed: anything else (a bad openid, template or value) — trying again won't help.
 * A token WeChat no longer takes (40001, 42001) is dropped and the send tried once more.
 */
export type SendOutcome = 'sent' | 'refused' | 'retry' | 'failed';
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

const THROTTLED = new Set([-1, 45009, 45011]);
const STALE_TOKEN = new Set([40001, 42001]);

export async function sendSubscribeMessage(m: SubscribeMessage, retried = false): Promise<SendOutcome> {
  let token: string;
  try {
    token = await wechatAccessToken();
  } catch {
    return 'retry';
  }
  const url = new URL('/cgi-bin/message/subscribe/send', wechatConfig().apiBase);
  url.search = new URLSearchParams({ access_token: token }).toString();
  let reply: { errcode?: number };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: m.touser,
        template_id: m.templateId,
        page: m.page,
        data: Object.fromEntries(Object.entries(m.data).map(([k, value]) => [k, { value }])),
        miniprogram_state: miniprogramState(),
        lang: 'zh_CN',
      }),
      signal: AbortSignal.timeout(5000),
    });
    if (res.status >= 500) return 'retry';
    reply = (await res.json()) as { errcode?: number };
  } catch (e) {
    logger.warn('subscribeMessage.send unreachable', { errorName: (e as Error).name });
    return 'retry';
  }
  const code = reply.errcode ?? 0;
  if (code === 0) return 'sent';
  if (code === 43101) return 'refused';
  if (STALE_TOKEN.has(code) && !retried) {
    await forgetWechatAccessToken();
    return sendSubscribeMessage(m, true);
  }
  if (THROTTLED.has(code)) return 'retry';
  logger.warn('subscribeMessage.send refused', { errcode: code });
  return 'failed';
}
