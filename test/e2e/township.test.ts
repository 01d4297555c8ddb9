import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * 一满意 and the township's table, in headless Chromium on the H5 build: a resident
 * rates a notice, the committee sees the count and the reason but no name; township
 * staff open 各村一览 from their home page, sort it, read its chart, and open a village.
 */
let stack: BrowserStack;
let v1: SeededVillage;
let v2: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2etownship');
  [v1, v2] = stack.township.villages;
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

describe('ratings and the township table, in the browser', () => {
  jest.setTimeout(90_000);
  const REASON = '预算只有总数，没有分项明细';

  it('a resident rates a notice once; the committee sees how many and why, not who', async () => {
    const noticeId = v1.publishedNoticeIds[0];
    const resident = v1.residents[0];
    const page = await stack.openAs(resident);
    await page.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);
    await page.locator('#notice-rating-choice-unsatisfied').click();
    await fill(page, 'notice-rating-reason', REASON);
    await page.locator('#notice-rating-send').click();
    await page.locator('#notice-rating-mine', { hasText: '不满意' }).waitFor();
    await shot(page, 'notice-rating', true);

    const chair = await stack.openAs(v1.chair);
    await chair.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);
    await chair.locator('#notice-ratings-unsatisfied', { hasText: '1 人' }).waitFor();
    await chair.locator('#notice-ratings', { hasText: REASON }).waitFor();
    expect(await chair.locator('#notice-ratings').textContent()).not.toContain(resident.name);
  });

  it('township staff compare their villages, sort by a column and open one', async () => {
    // One village with more open cases than the other, so a sort shows.
    const api = await stack.apiAs(v2.residents[0]);
    for (const text of ['二组路口的路灯坏了，晚上看不清路。', '村口排水沟堵了，下雨就积水。'])
      expect((await api.post('/cases', { kind: 'suggestion', categoryId: 'roads', text })).status).toBe(201);
    await stack.events.settle();

    const page = await stack.openAs(stack.township.staff);
    await page.goto(`${stack.url}/`);
    await page.locator('#tile-township-villages').click();
    await page.locator(`#village-row-${v1.villageId}`).waitFor();
    await page.locator(`#village-row-${v2.villageId}`).waitFor();
    await page.locator('#sort-casesOpen').click();
    await page.locator('#sort-casesOpen', { hasText: '↓' }).waitFor();
    const firstRow = page.locator('[id^="village-row-"]').first();
    await expect(firstRow.getAttribute('id')).resolves.toBe(`village-row-${v2.villageId}`);
    await page.locator('#township-chart', { hasText: '在办事项' }).waitFor();
    await page.locator('#sort-casesOpen').click();
    await page.locator('#sort-casesOpen', { hasText: '↑' }).waitFor();
    await expect(page.locator('[id^="village-row-"]').last().getAttribute('id')).resolves.toBe(
      `village-row-${v2.villageId}`,
    );
    await shot(page, 'township-table', true);

    await page.locator(`#village-row-${v2.villageId}`).click();
    await page.waitForURL(/pages\/cases\/staff\/dashboard\/index/);
    await page.locator('#case-dashboard', { hasText: v2.name }).waitFor();
  });
});
