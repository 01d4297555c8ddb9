import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

/**
 * A local stand-in for WeChat's code2Session HTTP API, with its documented
 * replies: a code is good once (40163 after), a malformed or unknown one is
 * 40029, wrong app credentials are 40013 / 40125. A code is `<user>.<nonce>`:
 * the same user always gets the same openid, as one WeChat user does.
 */
export const FAKE_APP_ID = 'wx-local-demo';

export interface FakeWechat {
  apiBase: string;
  appId: string;
  appSecret: string;
  server: Server;
  /** The mini-program codes asked for (getUnlimited), oldest first. */
  wxacodes: { page: string; scene: string }[];
}

/**
 * WeChat's stable token (POST /cgi-bin/stable_token) for these credentials:
 * one token, the same to every caller, as the stable endpoint hands out.
 */
function serveStableToken(body: string, appSecret: string, tokens: Set<string>) {
  const q = JSON.parse(body || '{}');
  if (q.appid !== FAKE_APP_ID) return { errcode: 40013, errmsg: 'invalid appid' };
  if (q.secret !== appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
  const token = `fake-token-${createHash('sha256').update(appSecret).digest('hex').slice(0, 16)}`;
  tokens.add(token);
  return { access_token: token, expires_in: 7200 };
}

/**
 * wxacode.getUnlimited (POST /wxa/getwxacodeunlimit): WeChat's refusals for a
 * bad token (40001), a scene over 32 characters or a page with a leading slash
 * (40097 / 41030), else a PNG. The real one is a round mini-program code only
 * WeChat reads; this one is a plain QR code of what WeChat would open, the page
 * and its scene, so a test can read it back.
 */
async function serveWxacode(token: string | null, body: string, tokens: Set<string>, made: FakeWechat['wxacodes']) {
  if (!token || !tokens.has(token)) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' };
  const { scene = '', page = '' } = JSON.parse(body || '{}');
  if (typeof scene !== 'string' || !scene || scene.length > 32) return { errcode: 40097, errmsg: 'invalid args' };
  if (typeof page !== 'string' || page.startsWith('/') || !/^[\w/-]+$/.test(page))
    return { errcode: 41030, errmsg: 'invalid page' };
  made.push({ page, scene });
  return QRCode.toBuffer(`${page}?scene=${scene}`, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 430 });
}

/** The request's body as text (the POST APIs send JSON). */
const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => resolve(text));
  });

export async function startFakeWechat(): Promise<FakeWechat> {
  const appSecret = randomBytes(16).toString('hex');
  const used = new Set<string>();
  const tokens = new Set<string>();
  const wxacodes: FakeWechat['wxacodes'] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/stable_token') return reply(serveStableToken(await bodyOf(req), appSecret, tokens));
    if (url.pathname === '/wxa/getwxacodeunlimit') {
      const made = await serveWxacode(url.searchParams.get('access_token'), await bodyOf(req), tokens, wxacodes);
      if (!Buffer.isBuffer(made)) return reply(made);
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(made);
    }
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 404, errmsg: 'not found' });
    const q = url.searchParams;
    if (q.get('appid') !== FAKE_APP_ID) return reply({ errcode: 40013, errmsg: 'invalid appid' });
    if (q.get('secret') !== appSecret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    const code = q.get('js_code') ?? '';
    const user = code.match(/^([\w-]{4,64})\.[\w-]{4,64}$/)?.[1];
    if (!user) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (used.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' });
    used.add(code);
    const openid = `o${createHash('sha256').update(user).digest('base64url').slice(0, 27)}`;
    reply({ openid, session_key: randomBytes(16).toString('base64') });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { apiBase: `http://127.0.0.1:${port}`, appId: FAKE_APP_ID, appSecret, server, wxacodes };
}

/** Points this process's WeChat sign-in at the fake. */
export async function pointAtFakeWechat() {
  const fake = await startFakeWechat();
  process.env.WECHAT_API_BASE = fake.apiBase;
  process.env.WECHAT_APP_ID = fake.appId;
  process.env.WECHAT_APP_SECRET = fake.appSecret;
  fake.server.unref();
  return fake;
}
