import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * The care registry for people in extreme poverty (特困人员监护照料), in headless Chromium on
 * the H5 build, over the demo seed: the chair opens the registry from the home page, reads a
 * person's file, records a visit at their home that finds a problem, and resolves it; township
 * civil affairs sees the overview of its villages; a resident has no tile and no file.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2ecare', { withNotices: false });
  village = stack.township.villages[0];
  const { seedCare } = await import('../../scripts/local/seed-care');
  await seedCare(village, new Date());
}, 180_000); // a browser, a stack, a seeded township and a year of visits, beside another file on 2 cores
afterAll(() => stack?.stop());

describe('the care registry in the browser', () => {
  jest.setTimeout(120_000);

  it('the chair records a visit that finds a problem, and resolves it', async () => {
    const page = await stack.openAs(village.chair);
    await page.locator('#tile-care').click();
    await page.waitForURL(/pages\/care\/list\/index/);
    const rows = page.locator('.vh-care-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    await page.locator('.vh-care-row.vh-calendar-overdue').first().waitFor();
    await shot(page, 'care-list', true);

    // A person whose visits are up to date: the first row that is not overdue.
    const person = page.locator('.vh-care-row:not(.vh-calendar-overdue)').first();
    const name = ((await person.locator('.vh-notice-row-title').textContent()) ?? '').trim();
    await person.click();
    await page.waitForURL(/pages\/care\/detail\/index/);
    await page.locator('#care-record .vh-title', { hasText: name }).waitFor();
    await page.locator('#care-agreements', { hasText: '住院陪护' }).waitFor();
    await shot(page, 'care-detail', true);

    await page.locator('#care-new-visit').click();
    await page.waitForURL(/pages\/care\/visit\/index/);
    await page.locator('#check-medical-status-problem').click();
    await fill(page, 'check-medical-note', '降压药只剩两天的量，需要去卫生院开药');
    await fill(page, 'visit-summary', '老人在家，饭菜是热的，衣被干净；降压药快吃完了，已约好周三陪同去卫生院。');
    await page.locator('#visit-rating-basically').click();
    await shot(page, 'care-visit', true);
    await page.locator('#visit-send').click();

    await page.waitForURL(/pages\/care\/detail\/index/);
    const problem = page.locator('#care-problems .vh-card', { hasText: '降压药只剩两天的量' });
    await problem.waitFor();
    const problemId = (await problem.getAttribute('id'))?.replace('problem-', '');
    await fill(page, `resolution-${problemId}`, '已陪同去卫生院开了一个月的药');
    await page.locator(`#resolve-${problemId}`).click();
    await page.locator('#care-problems', { hasText: '已解决：已陪同去卫生院开了一个月的药' }).waitFor();
  });

  it('the chair registers a person of the roster with a class Ⅰ guardian from their household', async () => {
    const chairApi = await stack.apiAs(village.chair);
    const first17 = '33018819470315123';
    const { idCheckDigit } = await import('../../src/shared/rules/identity');
    const hh = 'E2ECARE1';
    await chairApi.post('/people', {
      name: '范老汉',
      groupName: '第一村民小组',
      householdId: hh,
      relation: '户主',
      idNumber: first17 + idCheckDigit(first17),
    });
    const son = (
      await chairApi.post('/people', {
        name: '范建业',
        groupName: '第一村民小组',
        householdId: hh,
        relation: '子',
        idNumber: `33018819750611125${idCheckDigit('33018819750611125')}`,
      })
    ).body.personId as string;

    const page = await stack.openAs(village.chair);
    await page.goto(`${stack.url}/#/pages/care/list/index`);
    await page.locator('#care-register-link').click();
    await page.waitForURL(/pages\/care\/register\/index/);
    await fill(page, 'care-search', '范老汉');
    await page.locator('#care-search-button').click();
    await page.locator('#care-found .vh-tab', { hasText: '范老汉' }).click();
    await page.locator('#care-reason-aged').click();
    await fill(page, 'care-needs', '独居，腿脚不便，需要每天有人送饭');
    await page.locator(`#care-cadre-${village.committee[1].personId}`).click();
    await page.locator('#care-guardian-class-relative').click();
    await page.locator(`#care-relative-${son}`).click();
    await page.locator('#care-kinship-child').click();
    await shot(page, 'care-register');
    await page.locator('#care-register').click();
    await page.waitForURL(/pages\/care\/detail\/index/);
    await page.locator('#care-record .vh-title', { hasText: '范老汉' }).waitFor();
    await page.locator('#care-guardian', { hasText: '范建业' }).waitFor();

    // The son went away for work: the committee takes over, and the son stays on the file with the reason.
    await page.locator('#care-replace-open').click();
    await page.locator('#replace-kind-village_committee').click();
    await fill(page, 'replace-reason', '儿子外出务工，无法照料');
    await page.locator('#replace-send').click();
    await page.locator('#care-guardian', { hasText: '村民委员会' }).waitFor();
    await page.locator('[id^="former-"]', { hasText: '儿子外出务工，无法照料' }).waitFor();
  });

  it('township civil affairs sees the overview of its villages; a resident sees nothing of it', async () => {
    const page = await stack.openAs(stack.township.civilAffairs);
    await page.locator('#tile-care').click();
    await page.locator('#care-overview-link').click();
    await page.waitForURL(/pages\/care\/overview\/index/);
    await page.locator(`#care-chart-${village.villageId}`).waitFor();
    await page.locator('#care-overdue-list .vh-notice-row').first().waitFor();
    await page.locator('#care-flagged-list', { hasText: '与以前的记录雷同' }).waitFor();
    await page.locator('#care-repeated-list .vh-notice-row').first().waitFor();
    await shot(page, 'care-overview', true);

    const resident = await stack.openAs(village.residents[0]);
    await resident.locator('#tile-notices').waitFor();
    expect(await resident.locator('#tile-care').count()).toBe(0);
    const { body } = await (await stack.apiAs(village.chair)).get('/care');
    await resident.goto(`${stack.url}/#/pages/care/detail/index?id=${body.items[0].personId}`);
    await resident.locator('text=没有找到该内容').waitFor();
    expect(await resident.locator('#care-record').count()).toBe(0);
  });

  it('township civil affairs files a 关爱线索 with the person it is about; the case leads to the file', async () => {
    const concern = await (await stack.apiAs(village.residents[1])).post('/cases', {
      kind: 'suggestion',
      categoryId: 'care',
      text: '五保户老张这几天咳得厉害，家里也没人照看，请村里去看看。',
    });
    const caseId = concern.body.caseId as string;
    const { body } = await (await stack.apiAs(village.chair)).get('/care');
    const personId = body.items[0].personId as string;

    const page = await stack.openAs(stack.township.civilAffairs);
    await page.goto(`${stack.url}/#/pages/care/detail/index?id=${personId}&villageId=${village.villageId}`);
    await page.locator('#care-link-open').click();
    await page.locator(`#care-link-${caseId}`).click();
    await page.locator(`#care-case-${caseId}`).waitFor();
    await page.locator(`#care-case-${caseId}`).getByText('查看线索').click();
    await page.waitForURL(new RegExp(`pages/cases/detail/index\\?id=${caseId}`));
    await page.locator('#case-care-file:visible').click();
    await page.waitForURL(new RegExp(`pages/care/detail/index\\?id=${personId}`));
    await page.locator(`#care-case-${caseId}:visible`).waitFor();
  });
});
