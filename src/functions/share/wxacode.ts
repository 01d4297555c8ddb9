import { wechatConfig } from '../lib/env';
import { unavailable } from '../lib/errors';
import { logger } from '../lib/log';
import { forgetWechatAccessToken, wechatAccessToken } from '../lib/wechat-token';

/**
 * The one door to WeChat's mini-program codes (wxacode.getUnlimited): a PNG
 * that opens `page` with `scene` in its query when scanned with WeChat. The
 * local stack points it at the fake (scripts/local/fake-wechat.ts), which
 * answers with a plain QR code of the same page and scene.
 */
export async function getUnlimited(page: string, scene: string, retried = false): Promise<Uint8Array> {
  const token = await wechatAccessToken();
  const url = new URL('/wxa/getwxacodeunlimit', wechatConfig().apiBase);
  url.search = new URLSearchParams({ access_token: token }).toString();
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scene,
        page,
        // The page need not be in the released version yet (a trial build prints posters too).
        check_path: false,
        env_version: process.env.WECHAT_ENV_VERSION || 'release',
        width: 430,
      }),
      signal: AbortSignal.timeout(8000),
    });
  } catch (e) {
    logger.warn('getUnlimited unreachable', { errorName: (e as Error).name });
    throw unavailable('微信服务暂时无法连接，请稍后再试');
  }
  // The image comes as image/*; a refusal as JSON with an errcode.
  if ((res.headers.get('content-type') ?? '').startsWith('image/')) return new Uint8Array(await res.arrayBuffer());
  const reply = (await res.json().catch(() => ({}))) as { errcode?: number };
  if (reply.errcode === 40001 && !retried) {
    await forgetWechatAccessToken();
    return getUnlimited(page, scene, true);
  }
  logger.warn('getUnlimited refused', { errcode: reply.errcode });
  throw unavailable('小程序码暂时无法生成，请稍后再试');
}
