import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * The committee's side of personal information in headless Chromium on the H5
 * build: the write limits and the privacy clocks on 本村设置, refused on the phone
 * when out of range and saved when right; and 更正申请, where a resident's request
 * waits with its deadline until a committee member answers it, which reaches the
 * resident's 消息.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2eprivstaff', { withNotices: false });
  village = stack.township.villages[0];
}, 120_000);
afterAll(() => stack?.stop());
jest.setTimeout(90_000);

it('the chair sets the write limits, the privacy clocks and the care visits, and is told what is out of range', async () => {
  const page = await stack.openAs(village.chair);
  await page.goto(`${stack.url}/#/pages/villages/settings/index`);
  await page.locator('#privacy-settings').waitFor();
  await fill(page, 'setting-writeLimits-casesPerDay', '0');
  await fill(page, 'setting-care-visitEveryDays', '3');
  await page.locator('#save-settings').click();
  await page.locator('#write-limits-settings', { hasText: '每天至少可提交 1 条建议诉求' }).waitFor();
  await page.locator('#care-settings', { hasText: '走访周期至少 7 天' }).waitFor();
  await fill(page, 'setting-care-visitEveryDays', '14');

  await fill(page, 'setting-writeLimits-casesPerDay', '5');
  await fill(page, 'setting-privacy-correctionDays', '20');
  await page.locator('#save-settings').click();
  await page.locator('.vh-action-done', { hasText: '已保存' }).waitFor();
  const saved = (await (await stack.apiAs(village.chair)).get('/village-settings')).body.settings;
  expect(saved.writeLimits).toEqual({ casesPerDay: 5, questionsPerHour: 20 });
  expect(saved.privacy).toMatchObject({ correctionDays: 20 });
  expect(saved.care).toMatchObject({ visitEveryDays: 14 });
  await page.locator('#privacy-settings', { hasText: '法定默认' }).waitFor();
});

it('a correction request waits on 更正申请 with its deadline; the answer reaches the resident', async () => {
  const resident = village.residents[6];
  const asked = await (await stack.apiAs(resident)).post('/me/data/corrections', {
    field: 'name',
    text: '名字登记错了一个字，请按户口簿更正',
  });
  const { correctionId, dueBy } = asked.body;
  const page = await stack.openAs(village.chair);
  await page.locator('#tile-corrections').click();
  const card = page.locator(`#correction-${correctionId}`);
  await card.waitFor();
  await page.locator(`#correction-due-${correctionId}`, { hasText: '前答复' }).waitFor();
  expect(dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await shot(page, 'corrections', true);

  await page.locator(`#correction-outcome-${correctionId}-true`).click();
  await fill(page, `correction-reply-${correctionId}`, '已按户口簿更正姓名');
  await page.locator(`#correction-resolve-${correctionId}`).click();
  await page.locator(`#correction-done-${correctionId}`).waitFor();

  await stack.events.settle();
  const inbox = (await (await stack.apiAs(resident)).get('/inbox')).body.items;
  const news = inbox.find((i: { kind: string }) => i.kind === 'privacy.corrected');
  expect(news.body).toContain('已按户口簿更正姓名');
});
