import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';
import { fieldTypeOf } from '../../src/functions/subscriptions/fields';

/**
 * A local stand-in for WeChat's code2Session HTTP API, with its documented
 * replies: a code is good once (40163 after), a malformed or unknown one is
 * 40029, wrong app credentials are 40013 / 40125. A code is `<user>.<nonce>`:
 * the same user always gets the same openid, as one WeChat user does.
 */

export interface FakeWechat {
  apiBase: string;
  appId: string;
  appSecret: string;
  server: Server;
  /** The mini-program codes asked for (getUnlimited), oldest first. */
  wxacodes: { page: string; scene: string }[];
  /** Subscribe messages WeChat would have delivered, oldest first (also shown at GET /sent). */
  sent: SentMessage[];
  /** How many times a token was asked for (stable_token). */
  tokenRequests: () => number;
  /** The openid this fake gives a WeChat user (code `<user>.<nonce>`). */
  openidOf: (user: string) => string;
  /** From now on, this user has no grant left at WeChat: sends to them answer 43101. */
  refuse: (user: string) => void;
  /** How many sends were answered 43101. */
  refusals: () => number;
  /** The next `n` sends answer 45011 (throttled). */
  throttle: (n: number) => void;
}

/**
 * The stage's subscribe-message templates on the local stack: what
 * WECHAT_SUBSCRIBE_TEMPLATES holds in a deployed stage, with made-up ids.
 */
export const FAKE_SUBSCRIBE_TEMPLATES = {
  case_progress: {
    id: 'fake-case-progress',
    longTerm: false,
    fields: { thing1: 'title', phrase2: 'status', thing3: 'body', time4: 'time' },
  },
  vote: { id: 'fake-vote', longTerm: false, fields: { thing1: 'title', phrase2: 'status', time3: 'time' } },
  vote_closing: {
    id: 'fake-vote-closing',
    longTerm: false,
    fields: { thing1: 'title', thing2: 'body', time3: 'time' },
  },
  question_answered: {
    id: 'fake-question-answered',
    longTerm: false,
    fields: { thing1: 'title', thing2: 'body', time3: 'time' },
  },
};

export interface SentMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
  at: string;
}

const openidOf = (user: string) => `o${createHash('sha256').update(user).digest('base64url').slice(0, 27)}`;

/** WeChat's rules for a value, by its field's type: one broken rule fails the send (47003). */
const breaksRule = (key: string, value: string) => {
  const n = [...value].length;
  switch (fieldTypeOf(key)) {
    case 'thing':
      return n > 20;
    case 'phrase':
      return n > 5 || /[^\p{Script=Han}]/u.test(value);
    case 'time':
      return !/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(value);
    case 'character_string':
      return n > 32;
    case undefined:
      return true;
    default:
      return false;
  }
};

/** subscribeMessage.send (POST /cgi-bin/message/subscribe/send), with WeChat's answers. */
function serveSubscribeSend(
  token: string | null,
  body: string,
  tokens: Set<string>,
  state: { refused: Set<string>; throttled: number; refusals: number; sent: SentMessage[] },
) {
  if (!token || !tokens.has(token)) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' };
  const q = JSON.parse(body || '{}');
  const ids = Object.values(FAKE_SUBSCRIBE_TEMPLATES).map((t) => t.id);
  if (!ids.includes(q.template_id)) return { errcode: 40037, errmsg: 'invalid template_id' };
  if (typeof q.touser !== 'string' || !q.touser.startsWith('o')) return { errcode: 40003, errmsg: 'invalid openid' };
  const data = Object.fromEntries(
    Object.entries((q.data ?? {}) as Record<string, { value: string }>).map(([k, v]) => [k, String(v?.value)]),
  );
  if (Object.entries(data).some(([k, v]) => breaksRule(k, v))) return { errcode: 47003, errmsg: 'argument invalid!' };
  if (state.throttled > 0) {
    state.throttled--;
    return { errcode: 45011, errmsg: 'api minute-quota reach limit' };
  }
  if (state.refused.has(q.touser)) {
    state.refusals++;
    return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
  }
  state.sent.push({ touser: q.touser, templateId: q.template_id, page: q.page, data, at: new Date().toISOString() });
  return { errcode: 0, errmsg: 'ok' };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
/** GET /sent: the demo's view of what would have reached phones, newest first. */
const sentPage = (sent: SentMessage[]) => `<!doctype html><meta charset="utf-8"><title>订阅消息（本地模拟）</title>
<style>body{font:16px sans-serif;margin:1em}td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}</style>
<h1>订阅消息（本地模拟，共 ${sent.length} 条）</h1><p>部署后这些消息由微信发到村民手机上。</p>
<table><tr><th>时间</th><th>接收人 openid</th><th>模板</th><th>内容</th><th>点开后</th></tr>
${[...sent]
  .reverse()
  .map(
    (m) =>
      `<tr><td>${escapeHtml(m.at)}</td><td>${escapeHtml(m.touser)}</td><td>${escapeHtml(m.templateId)}</td><td>${Object.entries(
        m.data,
      )
        .map(([k, v]) => `${escapeHtml(k)}：${escapeHtml(v)}`)
        .join('<br>')}</td><td>${escapeHtml(m.page)}</td></tr>`,
  )
  .join('\n')}</table>`;

/**
 * WeChat's stable token (POST /cgi-bin/stable_token) for these credentials:
 * one token, the same to every caller, as the stable endpoint hands out.
 */
function serveStableToken(body: string, appId: string, appSecret: string, tokens: Set<string>) {
  const q = JSON.parse(body || '{}');
  if (q.appid !== appId) return { errcode: 40013, errmsg: 'invalid appid' };
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
  // Each fake is its own mini-program: test files sharing a table never share its token.
  const appId = `wx-local-${randomBytes(4).toString('hex')}`;
  const appSecret = randomBytes(16).toString('hex');
  const used = new Set<string>();
  const tokens = new Set<string>();
  const wxacodes: FakeWechat['wxacodes'] = [];
  const push = { refused: new Set<string>(), throttled: 0, refusals: 0, sent: [] as SentMessage[] };
  let tokenRequests = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/stable_token') {
      tokenRequests++;
      return reply(serveStableToken(await bodyOf(req), appId, appSecret, tokens));
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send')
      return reply(serveSubscribeSend(url.searchParams.get('access_token'), await bodyOf(req), tokens, push));
    if (url.pathname === '/sent' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(sentPage(push.sent));
    }
    if (url.pathname === '/wxa/getwxacodeunlimit') {
      const made = await serveWxacode(url.searchParams.get('access_token'), await bodyOf(req), tokens, wxacodes);
      if (!Buffer.isBuffer(made)) return reply(made);
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(made);
    }
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 404, errmsg: 'not found' });
    const q = url.searchParams;
    if (q.get('appid') !== appId) return reply({ errcode: 40013, errmsg: 'invalid appid' });
    if (q.get('secret') !== appSecret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    const code = q.get('js_code') ?? '';
    const user = code.match(/^([\w-]{4,64})\.[\w-]{4,64}$/)?.[1];
    if (!user) return reply({ errcode: 40029, errmsg: 'invalid code' });
    if (used.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' });
    used.add(code);
    reply({ openid: openidOf(user), session_key: randomBytes(16).toString('base64') });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    server,
    wxacodes,
    sent: push.sent,
    tokenRequests: () => tokenRequests,
    openidOf,
    refuse: (user) => push.refused.add(openidOf(user)),
    refusals: () => push.refusals,
    throttle: (n) => {
      push.throttled = n;
    },
  };
}

/** Points this process's WeChat sign-in at the fake. */
export async function pointAtFakeWechat() {
  const fake = await startFakeWechat();
  process.env.WECHAT_API_BASE = fake.apiBase;
  process.env.WECHAT_APP_ID = fake.appId;
  process.env.WECHAT_APP_SECRET = fake.appSecret;
  process.env.WECHAT_SUBSCRIBE_TEMPLATES = JSON.stringify(FAKE_SUBSCRIBE_TEMPLATES);
  fake.server.unref();
  return fake;
}
