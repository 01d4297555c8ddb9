import type { Page } from 'playwright-core';
import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * A finance notice with real files, in headless Chromium on the H5 build: the
 * committee uploads a PDF and enters the ledger, publishes, and corrects it without
 * the file; the first version still lists the file, and the totals are the server's.
 */
let stack: BrowserStack;
let village: SeededVillage; // publishes without review
const TITLE = '2026年11月村级财务收支公开';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  stack = await startBrowserStack('e2enfiles');
  village = stack.township.villages[1];
}, 120_000);
afterAll(() => stack?.stop());

async function ledgerLine(
  page: Page,
  i: number,
  line: { item: string; income?: boolean; amount: string; subject: string },
) {
  await page.locator('#add-ledger-row').click();
  await fill(page, `ledger-item-${i}`, line.item);
  if (line.income) await page.locator(`#ledger-income-${i}`).click();
  await fill(page, `ledger-amount-${i}`, line.amount);
  await fill(page, `ledger-subject-${i}`, line.subject);
}

describe('notice files and the ledger in the browser', () => {
  let noticeId = '';

  it('uploads a PDF, enters the ledger and publishes; the notice lists the file and the computed totals', async () => {
    const chair = await stack.pageAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/notices/staff/edit/index`);
    await chair.locator('#category-finance').click();
    await fill(chair, 'notice-title', TITLE);
    await fill(chair, 'notice-body', '现将本村11月集体财务收支情况予以公开，明细与凭证见下。');

    const [chooser] = await Promise.all([chair.waitForEvent('filechooser'), chair.locator('#add-file').click()]);
    await chooser.setFiles({ name: '11月收支明细表.pdf', mimeType: 'application/pdf', buffer: pdf });
    await chair.locator('#file-0').getByText('PDF').waitFor();
    await expect(chair.locator('#file-name-0 input').inputValue()).resolves.toBe('11月收支明细表.pdf');

    await ledgerLine(chair, 0, { item: '光伏电站收益', income: true, amount: '6240.5', subject: '经营收入' });
    await ledgerLine(chair, 1, { item: '保洁员工资', amount: '4800', subject: '人员支出' });
    await ledgerLine(chair, 2, { item: '道路维修', amount: '1250.25', subject: '公益支出' });
    await chair.locator('#save-notice').click();
    await chair.locator('#notice-title-text', { hasText: TITLE }).waitFor();
    noticeId = new URL(chair.url().replace('#', '')).searchParams.get('id') ?? '';

    await chair.locator('#publish').click();
    // 财务 is public once a 监委会 member has reviewed it (the village's signOffCategories).
    await chair.locator('#pending-signoff').waitFor();
    expect((await (await stack.apiAs(village.supervisor)).post(`/notices/${noticeId}/sign-off`)).status).toBe(200);
    await chair.reload();
    await chair.locator('#signed-off-by').waitFor();
    const files = chair.locator('#notice-attachments');
    await files.getByText('11月收支明细表.pdf').waitFor();
    await files.getByText(/PDF，1 KB/).waitFor();
    await chair.locator('#ledger-total-income', { hasText: '6,240.50 元' }).waitFor();
    await chair.locator('#ledger-total-expense', { hasText: '6,050.25 元' }).waitFor();
    await chair.locator('#ledger-balance', { hasText: '190.25 元' }).waitFor();
    await chair.locator('#ledger-chart').getByText('支出 · 人员支出').waitFor();
    await shot(chair, 'notice-ledger', true);
  }, 90_000);

  it('a correction replaces the file; the first version keeps its own, and the print view lists the new', async () => {
    const chair = await stack.pageAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);
    await chair.locator('#correct').click();
    await chair.locator('#file-remove-0').click();
    await chair.locator('#file-0').waitFor({ state: 'detached' });
    const [chooser] = await Promise.all([chair.waitForEvent('filechooser'), chair.locator('#add-file').click()]);
    await chooser.setFiles({ name: '11月收支明细表（更正）.pdf', mimeType: 'application/pdf', buffer: pdf });
    await chair.locator('#file-0').getByText('PDF').waitFor();
    await fill(chair, 'ledger-amount-2', '1350.25');
    await fill(chair, 'correction-reason', '道路维修金额更正，明细表随之更正');
    await chair.locator('#save-notice').click();
    await chair
      .getByText(/更正（第 2 版）/)
      .first()
      .waitFor();
    await chair.locator('#ledger-total-expense', { hasText: '6,150.25 元' }).waitFor();
    await chair.locator('#notice-attachments').getByText('11月收支明细表（更正）.pdf').waitFor();
    // A fresh page: H5's router keeps the detail page from before the correction hidden in the chair's stack.
    const resident = await stack.pageAs(village.residents[0]);
    await resident.goto(`${stack.url}/#/pages/notices/detail/index?id=${noticeId}`);
    await resident.locator('#notice-attachments').getByText('（更正）.pdf').waitFor();
    await expect(resident.locator('#notice-attachments .vh-attachment-name').allTextContents()).resolves.toEqual([
      '1. 11月收支明细表（更正）.pdf',
    ]);

    await resident.goto(`${stack.url}/#/pages/notices/versions/index?id=${noticeId}`);
    await resident.locator('#version-1').getByText('第 1 版').click();
    await resident.locator('#version-1 #notice-attachments').getByText('11月收支明细表.pdf').waitFor();
    await resident.locator('#version-1 #ledger-total-expense', { hasText: '6,050.25 元' }).waitFor();

    await resident.goto(`${stack.url}/#/pages/notices/print/index?id=${noticeId}`);
    await resident.locator('.vh-print-title', { hasText: TITLE }).waitFor();
    const sheet = resident.locator('.vh-print-sheet');
    await sheet.locator('#ledger-total-expense', { hasText: '6,150.25 元' }).waitFor();
    await sheet.locator('#notice-attachments').getByText('11月收支明细表（更正）.pdf').waitFor();
    await sheet.getByText('PDF，1 KB').waitFor();
    await expect(sheet.locator('.vh-attachment-open').count()).resolves.toBe(0); // listed, not opened, on paper
  }, 90_000);
});
