import type { Page } from 'playwright-core';
import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * 消息 in headless Chromium on the H5 build: a representative hears that a vote
 * opened, sees the unread count on home, opens the message onto the topic and
 * marks the rest read; a resident who asked a question asks to be told of the
 * answer (the demo's stand-in for WeChat's dialog) and the answer goes out as a
 * subscribe message; the committee sets quiet hours and the daily cap.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2einbox');
  village = stack.township.villages[0];
}, 90_000);
afterAll(() => stack?.stop());
jest.setTimeout(90_000);

const patient = (page: Page) => {
  page.setDefaultTimeout(15_000);
  return page;
};

const openVote = async (title: string) => {
  const chair = await stack.apiAs(village.chair);
  const created = await chair.post('/topics', {
    title,
    background: '经村“两委”讨论，拟在村委会旁修建文化广场，资金来自上级补助。',
    body: 'representatives',
    kind: 'motion',
    secret: false,
    closesAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
  });
  await chair.post(`/topics/${created.body.topicId}/open`);
  await stack.events.settle();
  return created.body.topicId as string;
};

describe('消息', () => {
  it('a representative hears that a vote opened: the count on home, the message onto the topic, then all read', async () => {
    const first = await openVote('关于修建村文化广场的表决');
    await openVote('关于调整村保洁费标准的表决');
    const page = patient(await stack.pageAs(village.representatives[0]));
    await page.locator('#unread-count', { hasText: '2' }).waitFor();

    await page.locator('#tile-inbox').click();
    const row = page.locator('.vh-notice-row', { hasText: '表决开始：关于修建村文化广场的表决' });
    await row.waitFor();
    expect(await page.locator('.vh-notice-row.vh-unread').count()).toBe(2);
    await shot(page, 'inbox', true);

    await row.click();
    await page.waitForURL(new RegExp(`pages/topics/detail/index\\?id=${first}`));
    // Back only once the topic page has mounted: a back while H5's router is still
    // creating it (a loaded run) left the inbox hidden behind it.
    await page.locator('#topic-title:visible').waitFor();
    await page.goBack();
    await page.waitForURL(/pages\/inbox\/index/);
    await page.locator('.vh-notice-row.vh-unread:visible').first().waitFor();
    expect(await page.locator('.vh-notice-row.vh-unread:visible').count()).toBe(1);

    await page.locator('#inbox-read-all').click();
    await page.locator('#inbox-read-all').waitFor({ state: 'detached' });
    expect(await page.locator('.vh-notice-row.vh-unread').count()).toBe(0);
    await page.goto(`${stack.url}/`);
    await page.locator('#tile-inbox', { hasText: '没有未读消息' }).waitFor();
    expect(await page.locator('#unread-count').count()).toBe(0);
  });

  it('a resident who asked a question asks to be told of the answer, and it goes out as a WeChat message', async () => {
    const noticeId = village.publishedNoticeIds[0];
    const resident = village.residents[3];
    // The village's default quiet hours (22:00–07:00) would hold the message when the suite runs at night:
    // this test is about the grant, so the village has none; holding is tested in test/api/subscriptions.
    const chair = await stack.apiAs(village.chair);
    const { settings } = (await chair.get('/village-settings')).body;
    const quietless = { ...settings, inbox: { ...settings.inbox, quietFrom: '00:00', quietUntil: '00:00' } };
    expect((await chair.put('/village-settings', quietless)).status).toBe(200);
    const page = patient(await stack.pageAs(resident));
    await page.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);
    await fill(page, 'question-text', '这笔钱什么时候到账？');
    await page.locator('#ask').click();
    await page.locator('#notify-question').click();
    // On H5 the demo stands in for WeChat's own subscribe dialog.
    await page.getByText('确定').click();
    await page.locator('#notify-question-said', { hasText: '通过微信通知您' }).waitFor();
    // 我的 lists the grant: one notification the server may send.
    await page.goto(`${stack.url}/#/pages/me/index`);
    await page.locator('#grant-question_answered', { hasText: '还可通知 1 次' }).waitFor();

    const { items } = (await chair.get(`/notices/${noticeId}/questions`)).body;
    const mine = items.find((q: { text: string }) => q.text === '这笔钱什么时候到账？');
    await chair.post(`/notices/${noticeId}/questions/${mine.questionId}/answer`, { text: '本月底前到账。' });
    await stack.events.settle();
    const sent = stack.fakeWechat.sent.filter((m) => m.page === `pages/notices/detail/index?id=${noticeId}`);
    expect(sent).toEqual([
      expect.objectContaining({
        templateId: 'fake-question-answered',
        data: expect.objectContaining({ thing1: '您的提问有了答复' }),
      }),
    ]);
    // The one-time grant is spent: 我的 says so, and that asking again is how to hear next time.
    await page.reload();
    await page.locator('#grant-question_answered', { hasText: '已用完' }).waitFor();
  });

  it('the committee sets quiet hours and the daily cap on the village settings page', async () => {
    const page = patient(await stack.pageAs(village.chair));
    await page.goto(`${stack.url}/#/pages/villages/settings/index`);
    await page.locator('#inbox-settings').waitFor();
    await fill(page, 'setting-inbox-quietFrom', '21:30');
    await fill(page, 'setting-inbox-quietUntil', '07:00');
    await fill(page, 'setting-inbox-dailyCap', '3');
    await page.locator('#save-settings').click();
    await page.locator('.vh-action-done', { hasText: '已保存' }).waitFor();
    const saved = (await (await stack.apiAs(village.chair)).get('/village-settings')).body.settings.inbox;
    expect(saved).toMatchObject({ quietFrom: '21:30', quietUntil: '07:00', dailyCap: 3 });
    await shot(page, 'inbox-settings');

    await fill(page, 'setting-inbox-quietUntil', '7点');
    await page.locator('#save-settings').click();
    await page.locator('#inbox-settings', { hasText: '免打扰结束时间应为 HH:mm' }).waitFor();
  });
});
