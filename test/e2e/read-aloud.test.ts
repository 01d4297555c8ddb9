import type { SeededVillage } from '../../scripts/local/seed';
import { spoken } from '../../src/shared/rules/spoken';
import { type BrowserStack, startBrowserStack } from '../helpers/browser';

/**
 * 朗读 in the browser (H5): a resident taps 朗读 on a notice and the browser's
 * speech engine is handed the notice as a person would say it (amounts, dates and
 * numbers in words), in Chinese; tapping again stops it. The engine's speak() is
 * replaced by a recorder of what it was given, since a headless browser has no voice.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2eread');
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

it('reads a notice aloud in words a villager says, and stops on a second tap', async () => {
  const resident = village.residents[0];
  const noticeId = village.publishedNoticeIds[0];
  const notice = (await (await stack.apiAs(resident)).get(`/notices/${noticeId}`)).body;
  const page = await stack.openAs(resident);
  await page.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);
  await page.evaluate(() => {
    const said: { text: string; lang: string }[] = [];
    (window as unknown as { __said: typeof said }).__said = said;
    // Headless Chromium has no voice: speech would end at once with an error, so it is only recorded here.
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      said.push({ text: u.text, lang: u.lang });
    };
  });
  await page.locator('#read-notice', { hasText: '朗读' }).click();
  await page.locator('#read-notice', { hasText: '停止' }).waitFor();
  const said = await page.evaluate(() => (window as unknown as { __said: { text: string; lang: string }[] }).__said);
  expect(said).toEqual([{ text: spoken(`${notice.title}。${notice.body}`), lang: 'zh-CN' }]);
  expect(said[0].text).not.toMatch(/\d{4}-\d{2}-\d{2}|¥/);
  await page.locator('#read-notice').click();
  await page.locator('#read-notice', { hasText: '朗读' }).waitFor();
});
