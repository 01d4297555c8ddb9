import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const appSecret = randomBytes(16).toString('hex');
  const used = new Set<string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
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
  return { apiBase: `http://127.0.0.1:${port}`, appId: FAKE_APP_ID, appSecret, server };
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
