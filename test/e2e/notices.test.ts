import type { Page } from 'playwright-core';
import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * The notice board as people use it, in headless Chromium on the H5 build:
 * a committee member publishes (a second member approves) and corrects a notice,
 * a resident finds it, sees the correction and asks, the committee answers, and
 * the notice prints for the wall.
 */
let stack: BrowserStack;
let village: SeededVillage;
const TITLE = '关于冬季自来水管网改造停水的通知';

beforeAll(async () => {
  stack = await startBrowserStack('e2enotice');
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

const openNotice = (page: Page, noticeId: string) =>
  page.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);

describe('public notices in the browser', () => {
  let noticeId = '';

  it('a committee member signs in, drafts and submits a notice; a second member approves it', async () => {
    const chair = await stack.browser.newPage({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Shanghai' });
    await chair.goto(`${stack.url}/`);
    await fill(chair, 'person-search', village.chair.name);
    // Every test's township is seeded with the same names, so the chair is picked within the village's own card.
    await chair.locator(`#tenant-${village.villageId} .vh-person`, { hasText: village.chair.name }).first().click();
    await chair.getByText(`${village.chair.name}，您好`).waitFor();

    await chair.locator('#tile-notices').click();
    await chair.getByText('起草公告').click();
    await fill(chair, 'notice-title', TITLE);
    await fill(chair, 'notice-body', '因自来水管网改造，12月5日8:00至18:00全村停水，请提前储水。');
    await chair.locator('#save-notice').click();
    await chair.locator('#notice-title-text', { hasText: TITLE }).waitFor();
    noticeId = new URL(chair.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(noticeId).toMatch(/^[0-9A-Z]{26}$/);

    await chair.locator('#publish').click();
    await chair.getByText('已提交审核，需另一名委员审核后发布').waitFor();

    const vice = await stack.pageAs(village.committee[1]);
    await openNotice(vice, noticeId);
    await vice.locator('#approve').click();
    await vice.getByText('已发布').first().waitFor();
    await chair.close();
  }, 60_000);

  it('the committee corrects it with a reason; the correction is a new version', async () => {
    const chair = await stack.pageAs(village.chair);
    await openNotice(chair, noticeId);
    await chair.locator('#correct').click();
    await fill(chair, 'notice-body', '因自来水管网改造，12月6日8:00至18:00全村停水，请提前储水。');
    await fill(chair, 'correction-reason', '停水日期由12月5日改为12月6日');
    await chair.locator('#save-notice').click();
    await chair.getByText(/本公告已于 .* 更正（第 2 版）/).waitFor();
  });

  it('a resident finds it, sees the correction and its history, and asks a question', async () => {
    const resident = await stack.pageAs(village.residents[0]);
    await resident.goto(`${stack.url}/#/pages/notices/list/index`);
    await resident.locator('.vh-notice-row').first().waitFor();
    await expect(resident.getByText('起草公告').count()).resolves.toBe(0);
    await fill(resident, 'search', '停水');
    await resident.locator('#search-button').click();
    const row = resident.locator('.vh-notice-row', { hasText: TITLE });
    await row.getByText('已更正').waitFor();
    await shot(resident, 'notice-list', true);

    await row.click();
    await resident.getByText('12月6日8:00至18:00').waitFor();
    await resident.getByText(/更正（第 2 版）/).click();
    await resident.getByText('更正原因：停水日期由12月5日改为12月6日').waitFor();
    await resident.locator('#version-1').getByText('第 1 版').click();
    await resident.locator('#version-1').getByText('12月5日8:00至18:00').waitFor();

    await openNotice(resident, noticeId);
    await fill(resident, 'question-text', '六组的老人家里没有储水桶，村里能帮忙送水吗？');
    await resident.locator('#ask').click();
    await resident.getByText('等待答复，今天提出').waitFor();
  });

  it('the committee finds the waiting question, answers it; the resident reads the answer', async () => {
    const chair = await stack.pageAs(village.chair);
    await chair.goto(`${stack.url}/`);
    await chair.locator('#tile-questions').click();
    const waiting = chair.locator('.vh-open-question', { hasText: '六组的老人家里没有储水桶' });
    await waiting.getByText(`关于：${TITLE}`).waitFor();
    await waiting.getByText(village.residents[0].name).waitFor(); // staff see who asked
    await shot(chair, 'open-questions', true);
    await waiting.click();
    await chair.locator('#notice-title-text', { hasText: TITLE }).waitFor();
    await chair.locator('[id^="answer-text-"]').locator('textarea').fill('网格员会在停水前一天把水送到家，请放心。');
    await chair.locator('.vh-question .vh-button-primary').click();

    const resident = await stack.pageAs(village.residents[0]);
    await openNotice(resident, noticeId);
    await resident.getByText('网格员会在停水前一天把水送到家，请放心。').waitFor();
    await resident.getByText(`${village.chair.name} 答复`).waitFor();
    await shot(resident, 'notice-detail', true);
  });

  it('prints a clean A4 copy for the notice board', async () => {
    const resident = await stack.pageAs(village.residents[1]);
    await resident.goto(`${stack.url}/#/pages/notices/print/index?id=${noticeId}`);
    await resident.locator('.vh-print-title', { hasText: TITLE }).waitFor();
    await resident.getByText(`${village.name}村民委员会`).waitFor();
    await resident.emulateMedia({ media: 'print' });
    await expect(resident.locator('#print-button').isVisible()).resolves.toBe(false);
    await shot(resident, 'notice-print', true);
    const pdf = await resident.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('shows a resident their household, and remembers large-text mode', async () => {
    const resident = await stack.pageAs(village.residents[2]);
    await resident.goto(`${stack.url}/`);
    await resident.locator('#my-household').getByText(village.residents[2].name).waitFor();
    await resident.locator('#my-household').getByText('户主').first().waitFor();
    await shot(resident, 'home');
    await resident.locator('#large-text').click();
    await resident.reload();
    await resident.locator('.vh-page.vh-large').first().waitFor();
    const size = await resident
      .locator('.vh-page')
      .first()
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(22); // 17px normally
    // Turned off on a page that opened large, the text shrinks at once, not on the next visit.
    await resident.locator('#large-text').click();
    await resident.locator('.vh-page.vh-large').first().waitFor({ state: 'detached' });
  });

  it('the supervision committee sees reach and the disclosure calendar; residents do not', async () => {
    const supervisor = await stack.pageAs(village.supervisor);
    const seeded = village.publishedNoticeIds.at(-1)!;
    await supervisor.goto(`${stack.url}/#/pages/notices/staff/readers/index?id=${seeded}`);
    await supervisor.locator('#reach').waitFor();
    expect(await supervisor.locator('#reach').textContent()).toMatch(/^\d{1,3}%$/);
    await supervisor.locator('.vh-reader').first().waitFor();

    await supervisor.goto(`${stack.url}/`);
    await supervisor.locator('#tile-calendar').click();
    await supervisor.locator('#calendar-finance').getByText('每月公开').waitFor();
    await supervisor.locator('#calendar-service').getByText('按需公开').waitFor();
    await shot(supervisor, 'disclosure-calendar', true);

    const resident = await stack.pageAs(village.residents[3]);
    await resident.goto(`${stack.url}/`);
    await resident.locator('#tile-notices').waitFor();
    expect(await resident.locator('#tile-calendar').count()).toBe(0);
  });

  it("a committee member restores the law's default review step in village settings", async () => {
    const other = stack.township.villages[1]; // seeded without review
    const chair = await stack.pageAs(other.chair);
    await chair.goto(`${stack.url}/`);
    await chair.locator('#tile-settings').click();
    await chair.getByText('法定默认：需要另一名委员审核').waitFor();
    await shot(chair, 'village-settings');
    await chair.locator('#setting-review-true').click();
    await chair.locator('#save-settings').click();
    await chair.getByText('已保存').waitFor();
    await chair.reload();
    await chair.locator('#setting-review-true.vh-segment-on').waitFor();
    expect(await chair.getByText('法定默认：需要另一名委员审核').count()).toBe(0);

    const supervisor = await stack.pageAs(other.supervisor);
    await supervisor.goto(`${stack.url}/#/pages/villages/settings/index`);
    await supervisor.getByText('只有村委会委员可以修改设置，您可以查看。').waitFor();
    expect(await supervisor.locator('#save-settings').count()).toBe(0);
  });
});
