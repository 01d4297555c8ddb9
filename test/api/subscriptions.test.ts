import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi, wechatCode } from '../helpers/api';

/**
 * WeChat subscribe messages (订阅消息): sent only on a grant recorded per person
 * and template, with values cut to WeChat's rules, through the local fake of
 * WeChat's API; a refused grant is never retried, a throttled send is retried a
 * bounded number of times; quiet hours hold a push and the daily cap folds the
 * rest into one message, while the inbox gets every item at once.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

const HOUR = 3_600_000;
const hhmm = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(11, 16); // village time, UTC+8
const setInbox = async (inbox: Record<string, unknown>) => {
  const current = (await chair.get('/village-settings')).body.settings;
  const r = await chair.put('/village-settings', { ...current, inbox: { ...current.inbox, ...inbox } });
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
};
const noQuietHours = () => setInbox({ quietFrom: '00:00', quietUntil: '00:00', dailyCap: 5 });

let topics = 0;
const openTopic = async (title = `关于修建村文化广场及配套停车场的表决（第${++topics}次）`, closesInHours = 48) => {
  const created = await chair.post('/topics', {
    title,
    background: '经村“两委”讨论，拟在村委会旁修建文化广场，资金来自上级补助。',
    body: 'representatives',
    kind: 'motion',
    secret: false,
    closesAt: new Date(Date.now() + closesInHours * HOUR).toISOString(),
  });
  const opened = await chair.post(`/topics/${created.body.topicId}/open`);
  if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));
  await api.events.settle();
  return opened.body.topicId as string;
};

/** The mini-program's answer to wx.requestSubscribeMessage, with a fresh wx.login code of this WeChat user. */
const grant = async (person: SeededPerson, user: string, answers: Record<string, string>) =>
  (await api.as(person)).post('/subscriptions/grants', { code: wechatCode(user), answers });
const sentTo = (user: string) => api.fakeWechat.sent.filter((m) => m.touser === api.fakeWechat.openidOf(user));
const grantsOf = async (person: SeededPerson) => (await (await api.as(person)).get('/subscriptions/grants')).body.items;
const inboxOf = async (person: SeededPerson) =>
  (await (await api.as(person)).get('/inbox?limit=50')).body.items as any[];
const release = async (at: Date) => {
  const { releaseHeld } = await import('../../src/functions/subscriptions/push');
  return releaseHeld(at);
};

beforeAll(async () => {
  api = await startTestApi('subs');
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
  await noQuietHours();
});
afterAll(() => api.stop());

describe('grants', () => {
  it('offers the templates of this stage to ask for', async () => {
    const r = await (await api.as(v1.residents[0])).get('/subscriptions/templates');
    expect(r.body.items.map((t: any) => t.template).sort()).toEqual([
      'case_progress',
      'question_answered',
      'vote',
      'vote_closing',
    ]);
  });

  it('refuses an unknown template or no answer, naming the field, and records nothing', async () => {
    const rep = v1.residents[1];
    for (const answers of [{ 'no-such-template': 'accept' }, {}] as Record<string, string>[]) {
      const r = await grant(rep, 'subs-nobody', answers);
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe('answers');
    }
    expect(await grantsOf(rep)).toEqual([]);
  });

  it('keeps the openid sealed with the grant, never in the clear', async () => {
    const rep = v1.residents[2];
    expect((await grant(rep, 'subs-sealed', { 'fake-vote': 'accept' })).status).toBe(200);
    const stored = await rawTable().item(`TN#${v1.villageId}#INBOX#${rep.personId}`, 'GRANT#vote');
    expect(stored?.status).toBe('granted');
    expect(JSON.stringify(stored)).not.toContain(api.fakeWechat.openidOf('subs-sealed'));
  });

  it('refuses a login code of another WeChat user than the account', async () => {
    const account = await api.wechat('subs-own');
    const r = await account.post('/subscriptions/grants', {
      code: wechatCode('subs-someone-else'),
      answers: { 'fake-vote': 'accept' },
    });
    expect(r.status).toBe(403);
    expect((await account.get('/subscriptions/grants')).body.items).toEqual([]);
  });
});

describe('sending', () => {
  it('a one-time grant allows one message, cut to WeChat’s rules; the inbox gets every item', async () => {
    const rep = v1.representatives[0];
    await grant(rep, 'subs-rep0', { 'fake-vote': 'accept' });
    const first = await openTopic();
    expect(sentTo('subs-rep0')).toEqual([
      expect.objectContaining({ templateId: 'fake-vote', page: `pages/topics/detail/index?id=${first}` }),
    ]);
    const { data } = sentTo('subs-rep0')[0];
    expect([...data.thing1]).toHaveLength(20);
    expect(data.thing1).toMatch(/^表决开始：关于修建村文化广场.*…$/);
    expect(data.phrase2).toBe('表决开始');
    expect(data.time3).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await grantsOf(rep)).toEqual([{ template: 'vote', status: 'used', longTerm: false, remaining: 0 }]);

    const second = await openTopic();
    expect(sentTo('subs-rep0')).toHaveLength(1);
    expect((await inboxOf(rep)).map((i) => i.link.id)).toEqual(expect.arrayContaining([first, second]));
    // Nobody who granted nothing gets a message.
    expect(sentTo('subs-nobody')).toEqual([]);
  });

  it('a refusal in the mini-program, or WeChat’s 43101, is recorded and never retried', async () => {
    const [refuser, withdrawn] = [v1.representatives[1], v1.representatives[2]];
    await grant(refuser, 'subs-refuser', { 'fake-vote': 'reject' });
    expect(await grantsOf(refuser)).toEqual([{ template: 'vote', status: 'refused', longTerm: false, remaining: 0 }]);
    await grant(withdrawn, 'subs-withdrawn', { 'fake-vote': 'accept' });
    await grant(withdrawn, 'subs-withdrawn', { 'fake-vote': 'accept' });
    api.fakeWechat.refuse('subs-withdrawn');
    const before = api.fakeWechat.refusals();
    await openTopic();
    expect(api.fakeWechat.refusals()).toBe(before + 1);
    expect(await grantsOf(withdrawn)).toEqual([{ template: 'vote', status: 'used', longTerm: false, remaining: 0 }]);
    await openTopic();
    expect(api.fakeWechat.refusals()).toBe(before + 1);
    expect([...sentTo('subs-refuser'), ...sentTo('subs-withdrawn')]).toEqual([]);
  });

  it('a throttled send is retried with backoff, a bounded number of times; one never sent keeps its grant', async () => {
    const rep = v1.representatives[3];
    await grant(rep, 'subs-throttled', { 'fake-vote': 'accept' });
    api.fakeWechat.throttle(2);
    await openTopic();
    expect(sentTo('subs-throttled')).toHaveLength(1);
    await grant(rep, 'subs-throttled', { 'fake-vote': 'accept' });
    api.fakeWechat.throttle(100);
    await openTopic();
    api.fakeWechat.throttle(0);
    expect(sentTo('subs-throttled')).toHaveLength(1);
    expect(await grantsOf(rep)).toEqual([{ template: 'vote', status: 'granted', longTerm: false, remaining: 1 }]);
  });

  it('a long-term grant stands for every message until withdrawn', async () => {
    const saved = process.env.WECHAT_SUBSCRIBE_TEMPLATES ?? '';
    const config = JSON.parse(saved);
    process.env.WECHAT_SUBSCRIBE_TEMPLATES = JSON.stringify({ ...config, vote: { ...config.vote, longTerm: true } });
    try {
      const rep = v1.representatives[4];
      await grant(rep, 'subs-long', { 'fake-vote': 'accept' });
      await openTopic();
      await openTopic();
      expect(sentTo('subs-long')).toHaveLength(2);
      api.fakeWechat.refuse('subs-long');
      await openTopic();
      expect(await grantsOf(rep)).toEqual([{ template: 'vote', status: 'refused', longTerm: true, remaining: 0 }]);
    } finally {
      process.env.WECHAT_SUBSCRIBE_TEMPLATES = saved;
    }
  });
});

describe('when pushing fails', () => {
  it('a templates setting that does not parse sends nothing, and every inbox still gets the item', async () => {
    const saved = process.env.WECHAT_SUBSCRIBE_TEMPLATES ?? '';
    process.env.WECHAT_SUBSCRIBE_TEMPLATES = '{"vote": {"id": ';
    try {
      const before = api.fakeWechat.sent.length;
      const topicId = await openTopic();
      expect(api.events.deadLetters).toEqual([]);
      expect(api.fakeWechat.sent.length).toBe(before);
      expect((await inboxOf(v1.representatives[0])).map((i) => i.link.id)).toContain(topicId);
    } finally {
      process.env.WECHAT_SUBSCRIBE_TEMPLATES = saved;
    }
  });
});

describe('quiet hours and the daily cap', () => {
  afterEach(noQuietHours);

  it('quiet hours hold a push until they end; the inbox has the item at once', async () => {
    const rep = v1.representatives[5];
    await grant(rep, 'subs-night', { 'fake-vote': 'accept' });
    const now = new Date();
    await setInbox({
      quietFrom: hhmm(new Date(now.getTime() - HOUR)),
      quietUntil: hhmm(new Date(now.getTime() + HOUR)),
    });
    const topicId = await openTopic();
    expect((await inboxOf(rep)).map((i) => i.link.id)).toContain(topicId);
    expect(sentTo('subs-night')).toEqual([]);
    await release(new Date(now.getTime() + 30 * 60_000)); // still quiet: nothing goes
    expect(sentTo('subs-night')).toEqual([]);
    await release(new Date(now.getTime() + 2 * HOUR));
    expect(sentTo('subs-night')).toEqual([
      expect.objectContaining({ page: `pages/topics/detail/index?id=${topicId}` }),
    ]);
  });

  it('a vote about to close is urgent: its reminder goes in quiet hours too', async () => {
    const rep = v1.representatives[7];
    await grant(rep, 'subs-urgent', { 'fake-vote': 'reject', 'fake-vote-closing': 'accept' });
    // Far ahead, a window no other test file's votes close in (the schedule reads every village's).
    const topicId = await openTopic(undefined, 300);
    const now = new Date();
    await setInbox({
      quietFrom: hhmm(new Date(now.getTime() - HOUR)),
      quietUntil: hhmm(new Date(now.getTime() + HOUR)),
    });
    const { announceDue } = await import('../../src/functions/events/announce');
    await announceDue(new Date(now.getTime() + 280 * HOUR));
    await api.events.settle();
    expect(sentTo('subs-urgent')).toEqual([
      expect.objectContaining({ templateId: 'fake-vote-closing', page: `pages/topics/detail/index?id=${topicId}` }),
    ]);
    expect(sentTo('subs-urgent')[0].data.thing2).toBe('距离截止不到 24 小时，您还没有投票。');
  });

  it('beyond the daily cap, the rest is folded into one “您有 N 条新消息” when the day ends', async () => {
    const rep = v1.representatives[6];
    for (let i = 0; i < 4; i++) await grant(rep, 'subs-busy', { 'fake-vote': 'accept' });
    await setInbox({ dailyCap: 2 });
    for (let i = 0; i < 4; i++) await openTopic();
    expect(sentTo('subs-busy')).toHaveLength(2);
    expect((await inboxOf(rep)).length).toBeGreaterThanOrEqual(4);
    await release(new Date(Date.now() + 25 * HOUR)); // past village midnight (no quiet hours today)
    const digest = sentTo('subs-busy').slice(2);
    expect(digest).toEqual([expect.objectContaining({ page: 'pages/inbox/index' })]);
    expect(digest[0].data.thing1).toBe('您有 2 条新消息');
    expect(await grantsOf(rep)).toEqual([{ template: 'vote', status: 'granted', longTerm: false, remaining: 1 }]);
  });
});

describe('the access token', () => {
  it('is asked of WeChat once and kept in the table for every function, refreshed before it expires', async () => {
    expect(api.fakeWechat.sent.length).toBeGreaterThan(3);
    expect(api.fakeWechat.tokenRequests()).toBe(1);
    const stored = (await rawTable().partition('WECHAT')).find((i) => i.appId === process.env.WECHAT_APP_ID);
    expect(stored).toMatchObject({ token: expect.any(String), until: expect.any(Number) });
    // A cold start (a fresh module) reads the table instead of asking WeChat.
    await jest.isolateModulesAsync(async () => {
      const { wechatAccessToken } = await import('../../src/functions/lib/wechat-token');
      expect(await wechatAccessToken()).toBe(stored?.token);
      expect(api.fakeWechat.tokenRequests()).toBe(1);
      await wechatAccessToken(stored?.until + 1);
      expect(api.fakeWechat.tokenRequests()).toBe(2);
    });
  });
});
