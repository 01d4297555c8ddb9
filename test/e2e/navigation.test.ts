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
}, 60_000);
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
