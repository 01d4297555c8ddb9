import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * 扫码登录 over HTTP: a browser shows a ticket, a villager's mini-program scans
 * and confirms it, the browser collects its session once; the session is listed
 * on 我的 and ends at once when signed out there. Replayed, expired and other
 * people's tickets are refused, in words a person understands.
 */
let api: TestApi;
let v1: SeededVillage;

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

beforeAll(async () => {
  api = await startTestApi('qrsignin');
  v1 = api.township.villages[0];
});
afterAll(() => api.stop());

interface Ticket {
  ticketId: string;
  pollSecret: string;
  expiresAt: string;
  device: string;
}
const newTicket = async () => {
  const r = await api.anonymous.post<Ticket>('/auth/qr-tickets', undefined, { 'user-agent': CHROME_ON_WINDOWS });
  expect(r.status).toBe(201);
  return r.body;
};
const poll = (t: Ticket) => api.anonymous.post(`/auth/qr-tickets/${t.ticketId}/poll`, { pollSecret: t.pollSecret });
const scan = (phone: ApiClient, t: Ticket) => phone.post(`/auth/qr-tickets/${t.ticketId}/scan`);
const confirm = (phone: ApiClient, t: Ticket) => phone.post(`/auth/qr-tickets/${t.ticketId}/confirm`);
/** The whole happy path: the browser's session token. */
const signInBrowser = async (person: SeededPerson) => {
  const t = await newTicket();
  const phone = await api.as(person);
  expect((await scan(phone, t)).status).toBe(200);
  expect((await confirm(phone, t)).status).toBe(200);
  const r = await poll(t);
  expect(r.body.status).toBe('signed_in');
  return api.anonymous.withToken(r.body.token);
};

describe('a ticket from scan to session', () => {
  it('waits without naming anyone, asks the phone with the village and the device, and hands the session once', async () => {
    const person = v1.residents[0];
    const t = await newTicket();
    expect(t.device).toBe('电脑 Chrome 浏览器');
    expect(Date.parse(t.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);
    expect(Date.parse(t.expiresAt) - Date.now()).toBeGreaterThan(100_000);
    // The table keeps a hash of the browser's secret, never the secret.
    const stored = await rawTable().item(`QRTICKET#${t.ticketId}`, 'QRTICKET');
    expect(JSON.stringify(stored)).not.toContain(t.pollSecret);

    expect((await poll(t)).body).toEqual({ status: 'waiting', expiresAt: t.expiresAt });

    const phone = await api.as(person);
    const scanned = await scan(phone, t);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ tenantName: v1.name, device: '电脑 Chrome 浏览器' });
    // Scanned, not yet confirmed: the browser learns nothing, not even that a phone scanned it.
    expect((await poll(t)).body).toEqual({ status: 'waiting', expiresAt: t.expiresAt });

    expect((await confirm(phone, t)).status).toBe(200);
    const signedIn = await poll(t);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.status).toBe('signed_in');
    expect(signedIn.body.person.name).toBe(person.name);
    const browser = api.anonymous.withToken(signedIn.body.token);
    expect((await browser.get('/me')).body.person.name).toBe(person.name);
    expect((await browser.get('/notices')).status).toBe(200);

    // The session comes exactly once: a second poll (or someone replaying it) gets none.
    const again = await poll(t);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('这个二维码已经登录过了；如需再次登录，请刷新二维码');
    expect(again.body.token).toBeUndefined();
    // And the phone can't use the same code again.
    const rescanned = await scan(phone, t);
    expect(rescanned.status).toBe(409);
    expect(rescanned.body.error.message).toBe('这个二维码已经用过了，请在电脑上刷新二维码后再扫');
    expect((await confirm(phone, t)).status).toBe(409);
  });

  it('lets only the person who scanned first confirm', async () => {
    const t = await newTicket();
    const first = await api.as(v1.residents[1]);
    const other = await api.as(v1.residents[2]);
    expect((await scan(first, t)).status).toBe(200);
    for (const step of [scan, confirm]) {
      const r = await step(other, t);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe('这个二维码已由其他人扫码，不能由您确认。请在电脑上刷新二维码后再扫');
    }
    expect((await poll(t)).body.status).toBe('waiting');
    expect((await confirm(first, t)).status).toBe(200);
    expect((await poll(t)).body.person.name).toBe(v1.residents[1].name);
  });

  it('asks to scan before confirming, and tells a bad or unknown ticket apart from none', async () => {
    const t = await newTicket();
    const phone = await api.as(v1.residents[3]);
    const early = await confirm(phone, t);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('请先用小程序扫描电脑上的二维码');

    // A wrong secret is answered like a ticket that does not exist: nothing to learn.
    const wrongSecret = await api.anonymous.post(`/auth/qr-tickets/${t.ticketId}/poll`, {
      pollSecret: 'A'.repeat(43),
    });
    const unknown = await api.anonymous.post(`/auth/qr-tickets/${'B'.repeat(22)}/poll`, { pollSecret: t.pollSecret });
    expect(wrongSecret.status).toBe(404);
    expect(wrongSecret.body.error.message).toBe(unknown.body.error.message);
    expect((await scan(phone, { ...t, ticketId: 'C'.repeat(22) })).status).toBe(404);

    const malformed = await api.anonymous.post(`/auth/qr-tickets/${t.ticketId}/poll`, {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields[0].path).toBe('pollSecret');
    expect(malformed.body.error.message).toContain('扫码登录凭证');
    const badId = await phone.post('/auth/qr-tickets/not-a-ticket/scan');
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields[0].path).toBe('ticketId');
  });

  it('needs a bound villager on the phone', async () => {
    const t = await newTicket();
    const unbound = await api.wechat();
    const r = await scan(unbound, t);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe('请先绑定村民身份');
    expect((await scan(api.anonymous, t)).status).toBe(401);
  });
});

describe('expiry (2 minutes), with a moved clock', () => {
  /** The use cases in this process, where the test sets the time: the HTTP wrapper always uses the real one. */
  const qr = () => import('../../src/functions/auth/qr');
  const actorOf = async (p: SeededPerson) => {
    const { getPerson } = await import('../../src/functions/people/store');
    const { toActor } = await import('../../src/functions/lib/actor');
    const person = await getPerson(p.tenantId, p.personId);
    if (!person) throw new Error('no person');
    return toActor(person, new Date());
  };
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

  it('refuses to scan a ticket made more than 2 minutes ago, and the browser is told it expired', async () => {
    const t = await (await qr()).createTicket(CHROME_ON_WINDOWS, minutesAgo(2.1));
    const r = await scan(await api.as(v1.residents[4]), t);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('二维码已过期（有效期 2 分钟），请在电脑上刷新二维码后再扫');
    expect((await poll(t)).body).toEqual({ status: 'expired' });
  });

  it('still scans at 1 minute 50, and refuses a confirmation that comes after the 2 minutes', async () => {
    const t = await (await qr()).createTicket(CHROME_ON_WINDOWS, minutesAgo(1.85));
    const phone = await api.as(v1.residents[5]);
    expect((await scan(phone, t)).status).toBe(200);
    // The person hesitated: by the time they tap 确认, the code is past its 2 minutes.
    const late = await (await qr())
      .confirmTicket(await actorOf(v1.residents[5]), t.ticketId, new Date(Date.now() + 20_000))
      .catch((e: Error) => e);
    expect((late as Error).message).toBe('二维码已过期（有效期 2 分钟），请在电脑上刷新二维码后再扫');
    expect((await poll(t)).body.status).toBe('waiting');
  });

  it('does not hand over a confirmed session the browser never came for in time', async () => {
    const s = await qr();
    const then = minutesAgo(5);
    const t = await s.createTicket(CHROME_ON_WINDOWS, then);
    const actor = await actorOf(v1.residents[6]);
    await s.scanTicket(actor, t.ticketId, new Date(then.getTime() + 30_000));
    await s.confirmTicket(actor, t.ticketId, new Date(then.getTime() + 60_000));
    expect((await poll(t)).body).toEqual({ status: 'expired' });
    expect(await rawTable().partition(`ACCOUNT#${actor.accountId}`)).not.toContainEqual(
      expect.objectContaining({ type: 'session' }),
    );
  });
});

describe('sessions on 我的', () => {
  it('lists the browser with its device, and signing it out there ends it at once', async () => {
    const person = v1.residents[7];
    const phone = await api.as(person);
    const browser = await signInBrowser(person);
    const listed = await phone.get('/me/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    const [session] = listed.body.items;
    expect(session).toMatchObject({ device: '电脑 Chrome 浏览器', current: false });
    // The browser sees itself in the list as the current one.
    expect((await browser.get('/me/sessions')).body.items[0]).toMatchObject({
      sessionId: session.sessionId,
      current: true,
    });

    // Someone else can't end it: it is not among their sessions.
    const other = await api.as(v1.residents[8]);
    expect((await other.delete(`/me/sessions/${session.sessionId}`)).status).toBe(404);
    expect((await browser.get('/me')).status).toBe(200);

    const ended = await phone.delete(`/me/sessions/${session.sessionId}`);
    expect(ended.status).toBe(200);
    const refused = await browser.get('/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('这个浏览器已退出登录，请重新扫码登录');
    expect((await phone.get('/me/sessions')).body.items).toEqual([]);
    expect((await phone.delete(`/me/sessions/${session.sessionId}`)).status).toBe(404);
    // The phone itself stays signed in.
    expect((await phone.get('/me')).status).toBe(200);
  });

  it('a browser can sign itself out from its own list', async () => {
    const person = v1.residents[9];
    const browser = await signInBrowser(person);
    const [mine] = (await browser.get('/me/sessions')).body.items;
    expect((await browser.delete(`/me/sessions/${mine.sessionId}`)).status).toBe(200);
    expect((await browser.get('/me')).status).toBe(401);
  });
});
