import type { Page } from 'playwright-core';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * Consultation topics and votes (议事协商与表决) as people use them, in headless
 * Chromium on the H5 build: the chair puts a motion to the representatives'
 * assembly (secret ballot) and opens voting; a representative votes 同意 and
 * checks the receipt; the chair, as scrutineer, enters a paper ballot and is
 * refused a second one for the same person; the chair closes early and the
 * result, with its notice, appears.
 */
let stack: BrowserStack;
let village: SeededVillage;
const TITLE = '关于修缮村东石桥的议题';

beforeAll(async () => {
  stack = await startBrowserStack('e2etopic');
  village = stack.township.villages[0];
}, 60_000);
afterAll(() => stack?.stop());

/** A step that does not happen says which one, well before the test's own time runs out. */
const open = async (person: SeededPerson) => {
  const page = await stack.pageAs(person);
  page.setDefaultTimeout(10_000);
  return page;
};
const openTopic = (page: Page, topicId: string) => page.goto(`${stack.url}/#/pages/topics/detail/index?id=${topicId}`);
/** Tomorrow's date in Beijing, as the form takes it: 2025-06-30. */
const tomorrow = () => new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);

describe('topics and votes in the browser', () => {
  jest.setTimeout(60_000);
  let topicId = '';

  it('the chair puts a motion to the representatives (secret ballot, closing tomorrow) and opens voting', async () => {
    const chair = await open(village.chair);
    await chair.goto(`${stack.url}/`);
    await chair.locator('#tile-topics').click();
    await chair.locator('#new-topic').click();
    await fill(chair, 'topic-title-input', TITLE);
    await fill(
      chair,
      'topic-background-input',
      '村东石桥年久失修，雨季通行危险。拟用村集体资金约八万元修缮，请村民代表表决。',
    );
    await chair.locator('#body-representatives').click();
    await expect(chair.locator('#per-household').count()).resolves.toBe(0); // 按户 only for 村民会议
    await chair.locator('#kind-motion').click();
    await expect(chair.locator('#topic-secret-switch input').isChecked()).resolves.toBe(true);
    // A closing time already past: the server's word shows under the field.
    await fill(chair, 'closes-date', '2020-01-01');
    await fill(chair, 'closes-time', '18:00');
    await chair.locator('#save-topic').click();
    await chair.locator('#topic-form .vh-field-error', { hasText: '结束时间应晚于现在' }).waitFor();
    await fill(chair, 'closes-date', tomorrow());
    await fill(chair, 'closes-time', '18:00');
    await shot(chair, 'topic-edit');
    await chair.locator('#save-topic').click();

    await chair.locator('#topic-title', { hasText: TITLE }).waitFor();
    topicId = new URL(chair.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(topicId).toMatch(/^[0-9A-Z]{26}$/);
    await chair.locator('#topic-status', { hasText: '草稿' }).waitFor();
    await chair.locator('#topic-body', { hasText: '村民代表会议' }).waitFor();
    await chair.locator('#topic-secret', { hasText: '无记名投票' }).waitFor();
    await chair.locator('#topic-closes', { hasText: `${Number(tomorrow().slice(5, 7))}月` }).waitFor();

    await chair.locator('#open-voting').click();
    await chair.locator('#topic-status', { hasText: '表决中' }).waitFor();
    await chair.locator('#bar-electorate', { hasText: `${village.representatives.length} 人` }).waitFor();
    await chair.locator('#bar-participants', { hasText: '0 人' }).waitFor();
  });

  it('a representative votes 同意, gets a receipt, and finds it counted', async () => {
    // The chair keeps the page open: its turnout follows the vote by itself, within 10 seconds.
    const watcher = await open(village.chair);
    await openTopic(watcher, topicId);
    await watcher.locator('#bar-participants', { hasText: '0 人' }).waitFor();

    const rep = await open(village.representatives[0]);
    await rep.goto(`${stack.url}/`);
    await rep.locator('#tile-topics').click();
    await rep.locator('.vh-topic-row', { hasText: TITLE }).getByText('表决中').waitFor();
    await rep.locator('.vh-topic-row', { hasText: TITLE }).click();

    await rep.locator('#choice-approve').click();
    await rep.locator('#cast-ballot').click();
    await shot(rep, 'topic-ballot');
    await rep.locator('#ballot-confirm-choice', { hasText: '您选的是：同意' }).waitFor();
    await rep.locator('#confirm-ballot').click();

    const code = rep.locator('#receipt-code');
    await code.waitFor();
    expect((await code.textContent())?.replace(/\s/g, '')).toMatch(/^[0-9A-Za-z_-]{16,64}$/);
    await rep.getByText('凭回执可以查询选票是否已计入；回执不显示您投了什么').waitFor();
    await rep.locator('#bar-participants', { hasText: '1 人' }).waitFor();
    await expect(rep.locator('#ballot').count()).resolves.toBe(0);
    await shot(rep, 'topic-vote', true);

    await rep.locator('#check-receipt').click();
    await rep.locator('#receipt-status', { hasText: '已计入' }).waitFor();
    await watcher.locator('#bar-participants', { hasText: '1 人' }).waitFor({ timeout: 15_000 });
    await watcher.locator('#voters .vh-voter', { hasText: village.representatives[0].name }).waitFor();

    // Kept on the phone: back on the page later, it still says so, and no ballot is offered again.
    await openTopic(rep, topicId);
    await rep.locator('#receipt-card').getByText('您已投票').waitFor();
    await expect(rep.locator('#ballot').count()).resolves.toBe(0);
  });

  it('the chair, as scrutineer, enters a paper ballot, and is refused a second one for the same person', async () => {
    const voter = village.representatives[1];
    const chair = await open(village.chair);
    await openTopic(chair, topicId);
    await chair.locator('#scrutineer-link').click();
    await chair.locator('#scrutineer-topic', { hasText: TITLE }).waitFor();

    const enter = async (choice: 'approve' | 'oppose') => {
      await fill(chair, 'voter-search', voter.name);
      await chair.locator('#voter-search-button').click();
      await chair.locator(`#voter-${voter.personId}`).click();
      await chair.locator('#chosen-voter', { hasText: voter.name }).waitFor();
      await chair.locator('#channel-paper').click();
      await chair.locator(`#record-choice-${choice}`).click();
      await chair.locator('#record-ballot').click();
    };
    await enter('oppose');
    await chair.locator('#recorded .vh-recorded-row', { hasText: voter.name }).getByText('纸质票').waitFor();
    await chair.getByText(`已录入：${voter.name}（纸质票）`).waitFor();

    await enter('approve');
    await chair.locator('#record-refusal', { hasText: /已经投过票/ }).waitFor();
    await expect(chair.locator('#recorded .vh-recorded-row').count()).resolves.toBe(1);
    await shot(chair, 'topic-scrutineer');
  });

  it('the representative entered on paper sees their vote is in; a resident is told who votes', async () => {
    const voter = await open(village.representatives[1]);
    await openTopic(voter, topicId);
    await voter.locator('#household-voted', { hasText: '您（或您家）已经投过票' }).waitFor();
    await expect(voter.locator('#ballot').count()).resolves.toBe(0);

    const resident = await open(village.residents[0]);
    await openTopic(resident, topicId);
    await resident.locator('#not-eligible', { hasText: '本次表决只有村民代表参加' }).waitFor();
    await expect(resident.locator('#ballot').count()).resolves.toBe(0);
    await expect(resident.locator('#close-early-open').count()).resolves.toBe(0);
  });

  it('the chair closes early with a reason; the result appears, with its notice', async () => {
    const chair = await open(village.chair);
    await openTopic(chair, topicId);
    await chair.locator('#bar-participants', { hasText: '2 人' }).waitFor();
    await chair.locator('#close-early-open').click();
    await fill(chair, 'close-reason', '到会代表已全部投票');
    await chair.locator('#close-confirm').click();

    await chair.locator('#topic-status', { hasText: '已结束' }).waitFor();
    await chair.locator('#closed-early', { hasText: '到会代表已全部投票' }).waitFor();
    const result = chair.locator('#result');
    await result.locator('#result-explanation').waitFor();
    await expect(result.locator('#result-explanation').textContent()).resolves.not.toBe('');
    await result.locator('#result-valid').waitFor();
    await result.locator('#result-passed').waitFor();
    await result.locator('#tally-approve', { hasText: '1 票' }).waitFor();
    await result.locator('#tally-oppose', { hasText: '1 票' }).waitFor();
    await result.evaluate((el) => el.scrollIntoView());
    await shot(chair, 'topic-result', true);

    await chair.locator('#result-notice').click();
    await chair.locator('#notice-title-text', { hasText: TITLE }).waitFor();
  });
});
