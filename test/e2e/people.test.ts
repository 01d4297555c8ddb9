import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * The roster (村民名册) as the committee keeps it, in headless Chromium on the H5
 * build: the chair imports a register file with one bad row, corrects the row in
 * the page, previews again, confirms, and finds the new person in the roster.
 */
let stack: BrowserStack;
let village: SeededVillage;
let dir: string;

beforeAll(async () => {
  stack = await startBrowserStack('e2eroster', { withNotices: false });
  village = stack.township.villages[0];
  dir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A valid 18-digit ID number: area, birth date, sequence, and the ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = (birth: string, sequence: string) => {
  const first17 = `330199${birth.replaceAll('-', '')}${sequence}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return first17 + '10X98765432'[sum % 11];
};

describe('the roster in the browser', () => {
  jest.setTimeout(60_000);
  it('the chair imports a register, fixes a bad row in the page, confirms, and finds the new person', async () => {
    const rows = [
      ['户号', '姓名', '与户主关系', '身份证号', '出生日期', '联系电话', '村民小组'],
      ['T9001', '欧阳秋云', '户主', idNumber('1968-04-12', '021'), '1968-04-12', '13812345678', '第一村民小组'],
      ['T9001', '欧阳桂芳', '配偶', idNumber('1970-09-03', '042'), '1970-09-03', '', '第一村民小组'],
      ['T9002', '司马德明', '户主', idNumber('1955-01-20', '013'), '1955-01-20', '13900001111', '第九村民小组'],
    ];
    const file = join(dir, '柳溪村名册.csv');
    writeFileSync(file, `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/`);
    await chair.locator('#tile-roster').click();
    await chair.locator('.vh-roster-row').first().waitFor();
    await chair.locator('#import-roster').click();
    await chair.getByText('选择名册文件（CSV）').waitFor();

    // The bad row: its line, its cells, and why.
    await chair.setInputFiles('#roster-file', file);
    const bad = chair.locator('#bad-row-4');
    await bad.getByText('第 4 行').waitFor();
    await bad.getByText(/司马德明/).waitFor();
    await bad.getByText(/没有这个村民小组：第九村民小组/).waitFor();
    await chair.locator('#import-counts', { hasText: '新增 2、更新 0、不变 0' }).waitFor();

    // Corrected here in the page: the file itself stays as it is.
    await chair.locator('#fix-open-4').click();
    await chair.locator('#fix-column-4-groupName').click();
    await fill(chair, 'fix-value-4', '第二村民小组');
    await shot(chair, 'roster-import', true);
    await chair.locator('#fix-save-4').click();
    await chair.locator('#bad-row-count', { hasText: '没有问题行' }).waitFor();
    await expect(chair.locator('.vh-bad-row').count()).resolves.toBe(0);
    await chair.locator('#import-counts', { hasText: '新增 3、更新 0、不变 0' }).waitFor();
    await chair.getByText('第 4 行 村民小组 → 第二村民小组').waitFor();

    await chair.locator('#confirm-import').click();
    await chair.locator('#import-result', { hasText: '新增 3 人，更新 0 人，不变 0 人' }).waitFor();
    await shot(chair, 'roster-import-done');

    // The new person is on the roster, in the corrected group, masked.
    await chair.locator('#to-roster').click();
    await chair.locator('.vh-roster-row').first().waitFor();
    await fill(chair, 'roster-search', '司马德明');
    await chair.locator('#roster-search-button').click();
    // The search narrows the list: the household imported beside him is gone from it.
    await chair.locator('.vh-roster-row', { hasText: '欧阳秋云' }).waitFor({ state: 'detached' });
    const row = chair.locator('.vh-roster-row', { hasText: '司马德明' });
    await row.getByText(/第二村民小组 · 户号 T9002 · 户主/).waitFor();
    await row.getByText(/身份证 330\*{15}/).waitFor();
    await row.getByText(/电话 139\*\*\*\*1111/).waitFor();
    await shot(chair, 'roster-list', true);

    // Its history says it came from the import.
    await row.click();
    await chair.locator('#person-name', { hasText: '司马德明' }).waitFor();
    await chair.locator('#person-history').getByText('登记村民').waitFor();
    await chair.locator('#person-history').getByText('说明：通过导入名册').waitFor();
  });

  it('the chair looks after one person: full details (audited), a role for a term, an invite code, an edit', async () => {
    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/people/list/index`);
    await fill(chair, 'roster-search', '欧阳秋云');
    await chair.locator('#roster-search-button').click();
    await chair.locator('.vh-roster-row', { hasText: '欧阳秋云' }).click();
    await chair.locator('#person-name', { hasText: '欧阳秋云' }).waitFor();
    await chair
      .locator('#field-id')
      .getByText(/330\*{15}/)
      .waitFor();

    await chair.getByText('此次查看将记入审计', { exact: false }).waitFor();
    await chair.locator('#show-full').click();
    await chair.locator('#field-id').getByText(idNumber('1968-04-12', '021')).waitFor();
    await chair.locator('#field-phone').getByText('13812345678').waitFor();
    await chair.locator('#person-history').getByText('查看完整信息').waitFor();

    await chair.locator('#assign-open').click();
    await chair.locator('#assign-role-representative').click();
    await chair.locator('#assign-confirm').click();
    const term = chair.locator('.vh-term', { hasText: '村民代表' });
    await term.getByText('现任').waitFor();
    await chair.locator('#person-history').getByText('任命身份').waitFor();
    await chair.locator('#person-history').getByText('说明：村民代表').waitFor();
    await term.getByText('结束任期').click();
    await term.locator('[id^="end-confirm-"]').click();
    await chair.locator('#person-history').getByText('结束任期').waitFor();

    await chair.locator('#issue-invite').click();
    await expect(chair.locator('#invite-code').textContent()).resolves.toMatch(/^[A-Z0-9]{4} [A-Z0-9]{4}$/);
    await chair.getByText(/有效期到 /).waitFor();
    await shot(chair, 'roster-person');

    await chair.locator('#open-household').click();
    await chair.locator('#household .vh-title', { hasText: '户号 T9001' }).waitFor();
    await chair.locator('#household .vh-roster-row', { hasText: '欧阳桂芳' }).waitFor();
    await chair.goBack();

    await chair.locator('#edit-person').click();
    await fill(chair, 'person-phone', '123');
    await chair.locator('#save-person').click();
    await chair
      .locator('#person-form .vh-field-error')
      .getByText(/联系电话：请填写 11 位手机号/)
      .waitFor();
    await fill(chair, 'person-phone', '13812349999');
    await chair.locator('#save-person').click();
    await chair.locator('#field-phone:visible').getByText('138****9999').waitFor();
    await chair
      .locator('#person-history:visible .vh-history', { hasText: '修改信息' })
      .getByText(/改动：.*联系电话/)
      .waitFor();
  });

  it('registers a person by hand, naming the wrong field under it', async () => {
    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/people/list/index`);
    await chair.locator('#add-person').click();
    await fill(chair, 'person-name-input', '上官明月');
    await chair.locator('#person-group-2').click();
    await fill(chair, 'person-household', 'T9003');
    await chair.locator('#person-relation-choice-0').click();
    const right = idNumber('1990-02-03', '012');
    await fill(chair, 'person-id-number', `${right.slice(0, 17)}${right[17] === '0' ? '1' : '0'}`);
    await chair.locator('#save-person').click();
    await chair
      .locator('#person-form .vh-field-error')
      .getByText(/身份证号：身份证号校验位不正确/)
      .waitFor();
    await fill(chair, 'person-id-number', right);
    await chair.locator('#save-person').click();
    await chair.locator('#person-name', { hasText: '上官明月' }).waitFor();
    await chair.locator('#field-group').getByText('第三村民小组').waitFor();
  });

  it('exports the roster as a CSV file; a grid worker sees their grid; township staff see counts only', async () => {
    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/people/list/index`);
    await chair.locator('.vh-roster-row').first().waitFor();
    const [download] = await Promise.all([chair.waitForEvent('download'), chair.locator('#export-roster').click()]);
    expect(download.suggestedFilename()).toMatch(/村民名册-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path()).toString('utf8');
    expect(csv.startsWith('\uFEFF户号,姓名,与户主关系,身份证号')).toBe(true); // one BOM, so Excel reads UTF-8
    expect(csv).toContain('司马德明');
    await chair.locator('#export-note').waitFor();

    // A grid worker sees the people of their own grid, and changes nothing.
    const grid = await stack.openAs(village.gridWorkers[0]);
    await grid.goto(`${stack.url}/#/pages/people/list/index`);
    await grid.locator('.vh-roster-row').first().waitFor();
    await expect(grid.locator('#import-roster').count()).resolves.toBe(0);
    const groups = await grid
      .locator('.vh-roster-row .vh-meta')
      .evaluateAll((els) => els.map((e) => e.textContent?.split(' · ')[0]).filter((g) => g?.includes('村民小组')));
    expect(new Set(groups).size).toBe(1);

    const staff = await stack.openAs(stack.township.staff);
    await staff.goto(`${stack.url}/`);
    await staff.locator('#tile-roster').click();
    await staff.locator(`#summary-${village.villageId}`).getByText('第一村民小组').waitFor();
    await expect(staff.locator('.vh-roster-row').count()).resolves.toBe(0);
    await shot(staff, 'roster-summary');
  });
});
