import type { Page } from 'playwright-core';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * The staff side of suggestions and petitions (建议和诉求), in headless Chromium on
 * the H5 build: a grid worker enters a case for a resident met at home; the chair
 * accepts, assigns and answers one, step by step on its timeline; a complaint about
 * the chair reaches the supervision committee and stays hidden from the chair; the
 * dashboard draws its charts; a crime is handed over to the police (移交); a suggestion goes
 * on the project list (项目清单).
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2ecasestaff', { withNotices: false });
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

const openList = (page: Page, view: 'public' | 'mine' | 'work') =>
  page.goto(`${stack.url}/#/pages/cases/list/index?view=${view}`);
const openCase = (page: Page, caseId: string) => page.goto(`${stack.url}/#/pages/cases/detail/index?id=${caseId}`);

describe('suggestions and petitions, the staff side, in the browser', () => {
  jest.setTimeout(90_000);
  const PROXY_TEXT = '老人反映：二组水井边的护栏松了，孩子常在那里玩，请村里尽快加固。';
  const PETITION_TEXT = '我家门前的排水沟堵了一个多月，下雨就漫到院子里，请村里安排疏通。';
  const COMPLAINT_TEXT = '村委会主任在低保评议中优亲厚友，把不符合条件的亲戚报了上去，请监委会调查。';
  const petitioner = () => village.residents[3];
  let answeredId = '';

  it('a grid worker enters a case for a resident of their grid, met at home; the resident finds it under 我的', async () => {
    const worker = village.gridWorkers[0];
    // Whom the grid worker meets: a plain resident of their own grid, as their roster shows it.
    const { body: grid } = await (await stack.apiAs(worker)).get('/people?status=active&limit=100');
    const residentIds = new Set(village.residents.map((r) => r.personId));
    const met = grid.items.find((p: { personId: string }) => residentIds.has(p.personId));
    const resident = village.residents.find((r) => r.personId === met.personId) as SeededPerson;

    const page = await stack.openAs(worker);
    await page.goto(`${stack.url}/`);
    await page.locator('#tile-case-proxy').click();
    await fill(page, 'proxy-search', resident.name);
    await page.locator('#proxy-search-button').click();
    await page.locator(`#proxy-person-${resident.personId}`).click();
    await page.locator('#proxy-chosen', { hasText: resident.name }).waitFor();
    await page.locator('#intake-visit').click();
    await page.locator('#case-kind-suggestion').click();
    await page.locator('#case-category-sanitation').click();
    await fill(page, 'case-text', PROXY_TEXT);
    await page.locator('#submit-case').click();

    await page.waitForURL(/pages\/cases\/detail\/index/);
    await page.locator('#case-text', { hasText: PROXY_TEXT }).waitFor();
    await page.locator('#case-entered-by', { hasText: worker.name }).waitFor();

    const own = await stack.openAs(resident);
    await openList(own, 'mine');
    await own.locator('.vh-case-row', { hasText: PROXY_TEXT.slice(0, 20) }).waitFor();
  });

  it('the chair opens a case from 我经办的, accepts, assigns and replies; the timeline shows each step', async () => {
    const worker = village.gridWorkers[1];
    const { body: c } = await (await stack.apiAs(petitioner())).post('/cases', {
      kind: 'petition',
      categoryId: 'sanitation',
      text: PETITION_TEXT,
    });

    const chair = await stack.openAs(village.chair);
    await openList(chair, 'work');
    await chair.locator(`#case-${c.caseId}`).click();
    await chair.locator('#case-text', { hasText: PETITION_TEXT }).waitFor();

    await chair.locator('#case-action-accept').click();
    await fill(chair, `case-note-${c.caseId}`, '已了解情况，安排网格员查看');
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-status', { hasText: '已受理' }).waitFor();

    await chair.locator('#case-action-assign').click();
    await chair.locator(`#handler-${worker.personId}`).click();
    await chair.locator('#case-actions').scrollIntoViewIfNeeded();
    await shot(chair, 'cases-actions', true);
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-status', { hasText: '已转办' }).waitFor();

    await chair.locator('#case-action-reply').click();
    // Too short: the server's own rule shows under the box, in Chinese.
    await fill(chair, `case-text-${c.caseId}`, '已疏通');
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-form-reply .vh-field-error', { hasText: '至少 10 个字' }).waitFor();
    await fill(chair, `case-text-${c.caseId}`, '网格员已联系保洁队，排水沟已于本周疏通，下雨不再漫水。');
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-status', { hasText: '已答复' }).waitFor();

    const steps = chair.locator('#case-timeline .vh-timeline-entry');
    await steps.nth(3).waitFor();
    const timeline = await chair.locator('#case-timeline').textContent();
    for (const word of ['已受理', '已转办', '已答复', worker.name]) expect(timeline).toContain(word);
    await expect(chair.locator('#case-action-reply').count()).resolves.toBe(0);
    answeredId = c.caseId;
  });

  it('a complaint about the chair goes to the supervision committee, with the name; the chair never sees it', async () => {
    const complainant = village.residents[4];
    const { body: c } = await (await stack.apiAs(complainant)).post('/cases', {
      kind: 'petition',
      categoryId: 'conduct',
      text: COMPLAINT_TEXT,
      about: { kind: 'member', personId: village.chair.personId },
    });

    const supervisor = await stack.openAs(village.supervisor);
    await openList(supervisor, 'work');
    const row = supervisor.locator(`#case-${c.caseId}`);
    await row.getByText(complainant.name).waitFor();
    await row.click();
    await supervisor.locator('#case-action-accept').waitFor();

    const chair = await stack.openAs(village.chair);
    await openList(chair, 'work');
    await chair.locator('.vh-case-row').first().waitFor();
    await expect(chair.locator(`#case-${c.caseId}`).count()).resolves.toBe(0);
    await openCase(chair, c.caseId);
    await chair.getByText('没有找到').waitFor();
    await expect(chair.getByText(COMPLAINT_TEXT).count()).resolves.toBe(0);

    // The township sees it on its list across villages, and opens it in its village.
    const township = await stack.openAs(stack.township.staff);
    await township.goto(`${stack.url}/`);
    await township.locator('#tile-case-township').click();
    const item = township.locator(`#township-case-${c.caseId}`);
    await item.getByText(village.name).waitFor();
    await item.click();
    await township.locator('#case-text', { hasText: COMPLAINT_TEXT }).waitFor();
  });

  it('the dashboard shows the figures and the charts by category, grid, status and satisfaction', async () => {
    await (await stack.apiAs(petitioner())).post(`/cases/${answeredId}/rate`, { rating: 'satisfied' });
    // The supervision committee counts all three cases so far, two of them 环境卫生, none yet closed.
    const supervisor = await stack.openAs(village.supervisor);
    await supervisor.goto(`${stack.url}/`);
    await supervisor.locator('#tile-case-dashboard').click();
    await supervisor.locator('#case-dashboard').waitFor();
    await supervisor.locator('#dash-total', { hasText: '3' }).waitFor();
    await supervisor.locator('#dash-open', { hasText: '3' }).waitFor();
    await supervisor.locator('#chart-category-sanitation', { hasText: '2 件' }).waitFor();
    await supervisor.locator('#chart-category-conduct', { hasText: '1 件' }).waitFor();
    await supervisor.locator('#chart-status-rated', { hasText: '1 件' }).waitFor();
    await supervisor.locator('#chart-status-submitted', { hasText: '2 件' }).waitFor();
    await expect(supervisor.locator('#chart-grid .vh-dash-bar').count()).resolves.toBeGreaterThan(0);
    await supervisor.locator('#satisfaction-rate', { hasText: '100%' }).waitFor();
    await supervisor.locator('#rating-satisfied', { hasText: '1 人' }).waitFor();
    await shot(supervisor, 'cases-dashboard', true);
    await supervisor.locator('#chart-satisfaction').scrollIntoViewIfNeeded();
    await shot(supervisor, 'cases-dashboard-charts');
    // The chair, whom the complaint is about, doesn't even count it.
    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/`);
    await chair.locator('#tile-case-dashboard').click();
    await chair.locator('#case-dashboard').waitFor();
    await chair.locator('#dash-total', { hasText: '2' }).waitFor();
    await chair.locator('#chart-category-sanitation', { hasText: '2 件' }).waitFor();
    await expect(chair.locator('#chart-category-conduct').count()).resolves.toBe(0);
  });

  it("the chair shortens the 停水停电 clock in the settings; the law's default shows beside it and it is kept", async () => {
    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/villages/settings/index`);
    await chair.locator('#setting-case-outage-edit').click();
    await fill(chair, 'setting-case-outage-accept-amount', '12');
    await chair.locator('#setting-case-outage').getByText('法定默认：24 小时').waitFor();
    await chair.locator('#setting-unsatisfied-escalate').click();
    await chair.locator('#save-settings').click();
    await chair.getByText('已保存').waitFor();
    await chair.reload();
    await chair.locator('#setting-case-outage-summary', { hasText: '受理期限 12 小时' }).waitFor();
    await chair.locator('#setting-case-outage').getByText('法定默认：受理期限 24 小时').waitFor();
    await chair.locator('#case-settings-unsatisfied').getByText('法定默认：村里重新办理').waitFor();
  });

  it('the chair turns an adopted suggestion into a topic, which opens as a draft linked to it', async () => {
    const text = '建议在村委会门口的小广场装几盏太阳能路灯，晚上跳广场舞的人多，太黑了。';
    const { body: c } = await (await stack.apiAs(village.residents[5])).post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text,
    });
    await (await stack.apiAs(village.chair)).post(`/cases/${c.caseId}/accept`, {});

    const chair = await stack.openAs(village.chair);
    await openCase(chair, c.caseId);
    await chair.locator('#case-action-topic').click();
    await expect(chair.locator('#topic-background-input textarea').inputValue()).resolves.toBe(text);
    await fill(chair, 'topic-title-input', '小广场安装太阳能路灯');
    await chair.locator('#body-representatives').click();
    await chair.locator('#case-form-submit').click();
    await chair.waitForURL(/pages\/topics\/detail/);
    await chair.locator('#topic-title', { hasText: '小广场安装太阳能路灯' }).waitFor();
    const topicId = new URL(chair.url().replace('#', '')).searchParams.get('id');
    expect((await (await stack.apiAs(village.chair)).get(`/cases/${c.caseId}`)).body.topicId).toBe(topicId);
  });

  it('the chair hands a crime over to the police station; the petitioner sees where it went', async () => {
    const author = village.residents[6];
    const { body: c } = await (await stack.apiAs(author)).post('/cases', {
      kind: 'petition',
      categoryId: 'disputes',
      text: '村口小卖部后屋有人聚众赌博，还放高利贷，请村里管一管。',
    });
    const chair = await stack.openAs(village.chair);
    await openCase(chair, c.caseId);
    await chair.locator('#case-action-transfer').click();
    // Without a receiving authority the server's rule shows under its field, in Chinese.
    await fill(chair, 'case-transfer-reason', '涉嫌聚众赌博和非法放贷，移交派出所，不作调解');
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-form-transfer .vh-field-error', { hasText: '移交单位' }).waitFor();
    await fill(chair, 'case-transfer-to', '青山镇派出所');
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-status', { hasText: '已结案' }).waitFor();
    await expect(chair.locator('#case-actions').count()).resolves.toBe(0);

    const resident = await stack.openAs(author);
    await openCase(resident, c.caseId);
    await resident.locator('#case-transfer', { hasText: '已移交青山镇派出所' }).waitFor();
    await resident.locator('#case-timeline', { hasText: '移交有关部门' }).waitFor();
  });
  it('the chair puts an accepted suggestion on the project list; a resident finds it under 项目清单', async () => {
    const text = '建议在村委会门口装一个公共充电桩，方便大家给电动车充电。';
    const { body: c } = await (await stack.apiAs(village.residents[7])).post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text,
    });
    await (await stack.apiAs(village.chair)).post(`/cases/${c.caseId}/accept`, {});

    const chair = await stack.openAs(village.chair);
    await openCase(chair, c.caseId);
    await chair.locator('#case-action-sort').click();
    // Nothing chosen yet: the rule says so under the choice, in Chinese.
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-form-sort .vh-field-error', { hasText: '请选择办理方式' }).waitFor();
    await chair.locator('#case-track-project').click();
    await fill(chair, `case-note-${c.caseId}`, '纳入明年村级项目，预计投入 2 万元');
    await chair.locator('#case-form-submit').click();
    await chair.locator('#case-track', { hasText: '列入项目清单' }).waitFor();

    const resident = await stack.openAs(village.residents[8]);
    await openList(resident, 'public');
    await resident.locator('#cases-shelf-project').click();
    await resident.locator(`#case-${c.caseId}`, { hasText: '列入项目清单' }).waitFor();
    await resident.locator('#cases-shelf-needs').click();
    await resident.locator('#cases-empty, .vh-case-row').first().waitFor();
    await expect(resident.locator(`#case-${c.caseId}`).count()).resolves.toBe(0);
  });
});
