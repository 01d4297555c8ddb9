import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, startBrowserStack } from '../helpers/browser';

/**
 * Finding one's way in the H5 app, where no WeChat bar exists: every page but
 * home names itself and has a large way back; a page opened straight from a link
 * (nothing behind it) offers home instead of leaving the app.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2enav');
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

it('names each page and goes back the way one came, and home from a page opened by a link', async () => {
  const page = await stack.openAs(village.residents[0]);
  await page.goto(`${stack.url}/`);
  await page.locator('#tile-notices').waitFor();
  await expect(page.locator('#page-bar').count()).resolves.toBe(0); // home needs no way back

  await page.locator('#tile-notices').click();
  await page.locator('#page-title:visible', { hasText: '村务公开' }).waitFor();
  await page.locator('.vh-notice-row').first().click();
  await page.locator('#page-title:visible', { hasText: '公告' }).waitFor();
  await page.locator('#page-back:visible', { hasText: '返回' }).click();
  await page.locator('#page-title:visible', { hasText: '村务公开' }).waitFor();
  await page.locator('#page-back:visible').click();
  await page.locator('#tile-notices').waitFor();

  // Opened straight from a link (a shared card, a QR on the board): home is the way out.
  const linked = await stack.openAs(village.residents[0]);
  await linked.goto(`${stack.url}/#/pages/notices/detail/index?id=${village.publishedNoticeIds[0]}`);
  await linked.reload();
  await linked.locator('#page-back:visible', { hasText: '首页' }).click();
  await linked.locator('#tile-notices').waitFor();
});

it('长辈版 gives a resident at most four large tiles on home, with 我的 at the foot of the page', async () => {
  const page = await stack.openAs(village.residents[1]);
  await page.goto(`${stack.url}/`);
  await page.locator('#tile-notices').waitFor();
  await expect(page.locator('.vh-tile:visible').count()).resolves.toBe(5);
  await page.locator('#large-text').click();
  await page.locator('.vh-large').first().waitFor();
  await expect(page.locator('.vh-tile:visible').count()).resolves.toBe(4);
  await expect(page.locator('#tile-me:visible').count()).resolves.toBe(0);
  await page.locator('#open-me').click();
  await page.locator('#page-title:visible', { hasText: '我的' }).waitFor();
});

it('the sign-in page first says what the product is, then lets one search for a person', async () => {
  const page = await stack.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${stack.url}/#/pages/auth/sign-in/index`);
  await page.locator('#about', { hasText: '村务公开' }).waitFor();
  await page.locator('#person-search').waitFor();
  const aboutTop = await page.locator('#about').evaluate((e) => e.getBoundingClientRect().top);
  const searchTop = await page.locator('#person-search').evaluate((e) => e.getBoundingClientRect().top);
  expect(aboutTop).toBeLessThan(searchTop);
});
