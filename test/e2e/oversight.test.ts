import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * 监委会工作台 in headless Chromium on the H5 build: a 监委会 member asks the
 * committee a 质询 from the workspace, the committee answers it on its page, and
 * the member signs off a 财务 notice, whose page then names them. The check list
 * opens from the workspace and prints as the month's report.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2eoversight');
  village = stack.township.villages[0];
}, 120_000);
afterAll(() => stack?.stop());
jest.setTimeout(120_000);

it('a 监委会 member asks a 质询 from the workspace and the committee answers it', async () => {
  const page = await stack.openAs(village.supervisor);
  await page.locator('#tile-oversight').click();
  await page.locator('#ws-inquiries').waitFor();
  await shot(page, 'oversight-workspace', true);
  await page.locator('#ws-inquiries').click();
  await page.locator('#ask-inquiry').waitFor();
  await fill(page, 'inquiry-title', '村部修缮开支');
  await fill(page, 'inquiry-text', '十月份村部修缮支出 3.2 万元，请说明招标方式和验收情况。');
  await page.locator('#inquiry-send').click();
  await page.locator('#ask-inquiry .vh-action-done', { hasText: '质询已提交' }).waitFor();
  await page.locator('.vh-notice-row', { hasText: '村部修缮开支' }).waitFor();
  await shot(page, 'inquiries', true);

  const asked = (await (await stack.apiAs(village.supervisor)).get('/inquiries')).body.items.find(
    (i: { title: string }) => i.title === '村部修缮开支',
  );
  const chair = await stack.openAs(village.chair);
  await chair.goto(`${stack.url}/#/pages/oversight/inquiry/index?id=${asked.inquiryId}`);
  await chair.locator('#inquiry-title-text', { hasText: '村部修缮开支' }).waitFor();
  await fill(chair, 'inquiry-answer-text', '采用三家比价，村民代表和监委会参与了验收，票据见本月财务公开。');
  await chair.locator('#inquiry-answer-send').click();
  await chair.locator('#inquiry-answer', { hasText: '三家比价' }).waitFor();
  await chair.locator('#inquiry-status', { hasText: '已答复' }).waitFor();

  await page.locator(`#inquiry-${asked.inquiryId}`).click();
  await page.locator('#inquiry-answer', { hasText: village.chair.name }).waitFor();
  await shot(page, 'inquiry-answered', true);
});

it('a 财务 notice waits for the 监委会, whose member signs it off and is named on it', async () => {
  const chairApi = await stack.apiAs(village.chair);
  const created = await chairApi.post('/notices', {
    category: 'finance',
    title: '2026年11月财务收支公开',
    body: '本月收入 12,000 元，支出 8,500 元。',
    amounts: [{ item: '村部修缮', direction: 'expense', amountYuan: 8500 }],
  });
  const id = created.body.noticeId;
  await chairApi.post(`/notices/${id}/publish`);
  const approved = await (await stack.apiAs(village.committee[1])).post(`/notices/${id}/approve`);
  expect(approved.body.status).toBe('pending_signoff');

  const page = await stack.openAs(village.supervisor);
  await page.locator('#tile-oversight').click();
  await page.locator('#ws-check-list').click();
  await page.locator('#check-notSignedOff', { hasText: '2026年11月财务收支公开' }).waitFor();
  await shot(page, 'check-list', true);
  await page.locator('#check-notSignedOff .vh-notice-row', { hasText: '2026年11月财务收支公开' }).click();
  await page.locator('#pending-signoff').waitFor();
  await page.locator('#sign-off').click();
  await page.locator('#signed-off-by', { hasText: village.supervisor.name }).waitFor();
  await shot(page, 'notice-signed-off', true);

  const resident = await stack.openAs(village.residents[0]);
  await resident.goto(`${stack.url}/#/pages/notices/detail/index?id=${id}`);
  await resident.locator('#signed-off-by', { hasText: `监委会审核：${village.supervisor.name}` }).waitFor();
});

it('the check list prints as the month’s report, signed by the 监委会', async () => {
  const page = await stack.openAs(village.supervisor);
  await page.goto(`${stack.url}/#/pages/oversight/check-list/index`);
  await page.locator('#print-report').click();
  await page.locator('#report', { hasText: '村务监督报告' }).waitFor();
  await page.locator('#report', { hasText: '村务监督委员会' }).waitFor();
  await shot(page, 'check-list-report', true);
});
