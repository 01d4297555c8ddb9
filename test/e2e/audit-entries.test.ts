import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, shot, startBrowserStack } from '../helpers/browser';

/**
 * 操作记录 in headless Chromium on the H5 build: the supervision committee's chair
 * opens the village's record from the home page, sees the chair's change to a
 * person with the value before and after, never a phone's value, and narrows the
 * list by kind and by the person who did it.
 */
let stack: BrowserStack;
let village: SeededVillage;
const NEW_PHONE = '13912345670';

beforeAll(async () => {
  stack = await startBrowserStack('e2eauditlist', { withNotices: false });
  village = stack.township.villages[0];
  const chair = await stack.apiAs(village.chair);
  // The chair changes a resident's other bodies (shown before and after) and phone (named, never shown).
  await chair.put(`/people/${village.residents[2].personId}`, { bodies: ['老年协会'], phone: NEW_PHONE });
  await chair.get(`/people/${village.residents[3].personId}/sensitive`);
}, 120_000);
afterAll(() => stack?.stop());
jest.setTimeout(90_000);

it('the supervision committee reads who changed what, and narrows it by kind and person', async () => {
  const page = await stack.openAs(village.supervisor);
  await page.locator('#tile-audit-entries').click();
  const update = page.locator('.audit-entry', { hasText: '修改信息' }).first();
  await update.waitFor();
  await update.locator('.audit-change', { hasText: '其他组织' }).locator('text=老年协会').waitFor();
  await update.locator('.audit-change', { hasText: '电话' }).locator('text=敏感信息，不显示内容').waitFor();
  expect((await page.locator('#audit-entries').textContent()) ?? '').not.toContain(NEW_PHONE);
  await shot(page, 'audit-entries', true);

  await page.locator('#audit-kind-village').click();
  await page.locator('#audit-entries', { hasText: '这段时间没有符合条件的记录' }).waitFor();
  await page.locator('#audit-kind-person').click();
  await update.waitFor();
  await update.locator('.audit-actor').click();
  await page.locator('#audit-person', { hasText: `只看：${village.chair.name}` }).waitFor();
  const actors = await page.locator('.audit-actor').allTextContents();
  expect(actors.length).toBeGreaterThan(0);
  expect(actors.every((a) => a.startsWith(village.chair.name))).toBe(true);
});
