import type { Page } from 'playwright-core';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * Consultation topics and votes (议事协商与表决) as people use them, in headless
 * Chromium on the H5 build: the chair puts a motion to the representatives'
 * assembly (secret ballot) and opens voting; a representative votes 同意 and
 * checks the receipt; the chair, as scrutineer, marks a representative as
 * having taken a paper ballot (once only) and enters the box's contents without
 * names; the chair closes early and the result, with its notice, appears.
 */
let stack: BrowserStack;
let village: SeededVillage;
const TITLE = '关于修缮村东石桥的议题';

beforeAll(async () => {
  stack = await startBrowserStack('e2etopic', { withNotices: false });
  village = stack.township.villages[0];
}, 60_000);
afterAll(() => stack?.stop());

const openTopic = (page: Page, topicId: string) => page.goto(`${stack.url}/#/pages/topics/detail/index?id=${topicId}`);
/** Tomorrow's date in Beijing, as the form takes it: 2025-06-30. */
const tomorrow = () => new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
/** A day some days back in Beijing, as the stage form takes it. */
const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

it('an open (记名) ballot says on the confirm step that the village will see the choice', async () => {
  const chair = await stack.apiAs(village.chair);
  const t = await chair.post('/topics', {
    title: '记名表决：村委会办公室搬迁',
    background: '村委会办公室拟搬到文化广场旁的空房，请村民代表记名表决。',
    body: 'representatives',
    kind: 'motion',
    secret: false,
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await chair.post(`/topics/${t.body.topicId}/open`);
  await stack.events.settle(); // the electorate is frozen off the request, by the queue's consumer
  const rep = await stack.openAs(village.representatives[1]);
  await openTopic(rep, t.body.topicId);
  await rep.locator('#topic-secret', { hasText: '大家能看到您投了什么' }).waitFor();
  await rep.locator('#choice-oppose').click();
  await rep.locator('#cast-ballot').click();
  await rep.locator('#open-ballot-warning', { hasText: '全村都能看到' }).waitFor();
});

describe('topics and votes in the browser', () => {
  jest.setTimeout(60_000);
  let topicId = '';

  it('the chair puts a motion to the representatives (secret ballot, closing tomorrow) and opens voting', async () => {
    const chair = await stack.openAs(village.chair);
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
    const watcher = await stack.openAs(village.chair);
    await openTopic(watcher, topicId);
    await watcher.locator('#bar-participants', { hasText: '0 人' }).waitFor();

    const rep = await stack.openAs(village.representatives[0]);
    await rep.goto(`${stack.url}/`);
    await rep.locator('#tile-topics').click();
    await rep.locator('.vh-topic-row', { hasText: TITLE }).getByText('表决中').waitFor();
    await rep.locator('.vh-topic-row', { hasText: TITLE }).click();

    await rep.locator('#choice-approve').click();
    await rep.locator('#cast-ballot').click();
    await shot(rep, 'topic-ballot');
    await rep.locator('#ballot-confirm-choice', { hasText: '您选的是：同意' }).waitFor();
    // A secret ballot says nothing about the village seeing the choice.
    await expect(rep.locator('#open-ballot-warning').count()).resolves.toBe(0);
    await rep.locator('#confirm-ballot').click();

    const code = rep.locator('#receipt-code');
    await code.waitFor();
    // Four groups of four a person can copy: no I, L, O or U to mistake for 1 and 0.
    expect(await code.textContent()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
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

  it('the chair, as scrutineer, marks who took a paper ballot (once only), then enters the box without names', async () => {
    const voter = village.representatives[1];
    const chair = await stack.openAs(village.chair);
    await openTopic(chair, topicId);
    await chair.locator('#scrutineer-link').click();
    await chair.locator('#scrutineer-topic', { hasText: TITLE }).waitFor();
    await chair.locator('#register-counts', { hasText: '已登记领票 0 人，已录入选票 0 张' }).waitFor();

    // 第一步 登记领票: the person and the channel, nothing about a choice.
    const mark = async (who: SeededPerson) => {
      await fill(chair, 'voter-search', who.name);
      await chair.locator('#voter-search-button').click();
      await chair.locator(`#voter-${who.personId}`).click();
      await chair.locator('#chosen-voter', { hasText: who.name }).waitFor();
      await chair.locator('#channel-paper').click();
      await chair.locator('#mark-voter').click();
    };
    await expect(chair.locator('#register-form [id^="record-choice-"]').count()).resolves.toBe(0);
    await mark(voter);
    await chair.getByText(`已登记：${voter.name}（纸质票）`).waitFor();
    await chair.locator('#register-counts', { hasText: '已登记领票 1 人' }).waitFor();
    await mark(voter);
    await chair.locator('#register-refusal', { hasText: /已经投过票/ }).waitFor();
    // The representative who voted in the app can't be given a paper ballot either.
    await chair.locator('#rechoose-voter').click();
    await mark(village.representatives[0]);
    await chair.locator('#register-refusal', { hasText: village.representatives[0].name }).waitFor();
    await expect(chair.locator('#marked ~ .vh-marked-row').count()).resolves.toBe(1);

    // 第二步 录入票箱: choices and a count; no more than were marked.
    await chair.locator('#box-choice-oppose').click();
    await fill(chair, 'box-count', '2');
    await chair.locator('#box-add').click();
    await chair.locator('#box-over').waitFor();
    await chair.locator('#enter-ballots').click();
    await chair.locator('#box-refusal', { hasText: '不能多于登记领票的人数' }).waitFor();
    await chair.locator('.vh-pending-row').getByText('删除').click();
    await chair.locator('#box-choice-oppose').click();
    await fill(chair, 'box-count', '1');
    await chair.locator('#box-add').click();
    await chair.locator('#enter-ballots').click();
    await chair.getByText('已录入票箱 1 张').waitFor();
    await chair.locator('#register-counts', { hasText: '已登记领票 1 人，已录入选票 1 张，还可录入 0 张' }).waitFor();
    await shot(chair, 'topic-scrutineer');
  });

  it('the representative entered on paper sees their vote is in; a resident is told who votes', async () => {
    const voter = await stack.openAs(village.representatives[1]);
    await openTopic(voter, topicId);
    await voter.locator('#household-voted', { hasText: '您（或您家）已经投过票' }).waitFor();
    await expect(voter.locator('#ballot').count()).resolves.toBe(0);

    const resident = await stack.openAs(village.residents[0]);
    await openTopic(resident, topicId);
    await resident.locator('#not-eligible', { hasText: '本次表决只有村民代表参加' }).waitFor();
    await expect(resident.locator('#ballot').count()).resolves.toBe(0);
    await expect(resident.locator('#close-early-open').count()).resolves.toBe(0);
  });

  it('the chair closes early with a reason; the result appears, with its notice', async () => {
    const chair = await stack.openAs(village.chair);
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

  it('a major matter goes through 四议 before its vote; residents discuss it, and the chair hides a remark with a reason', async () => {
    const title = '关于村集体经营性资产出租的议题';
    const chair = await stack.openAs(village.chair);
    await chair.goto(`${stack.url}/#/pages/topics/staff/edit/index`);
    await fill(chair, 'topic-title-input', title);
    await fill(chair, 'topic-background-input', '村集体的两间临街仓库拟对外出租五年，年租金约三万元，请村民会议表决。');
    await chair.locator('#body-villagers_meeting').click();
    await chair.locator('#kind-motion').click();
    await chair.locator('#topic-major-switch').click();
    await expect(chair.locator('#topic-major-switch input').isChecked()).resolves.toBe(true);
    await chair.locator('#topic-major-hint').waitFor();
    await chair.locator('#attachment-add').click();
    await fill(chair, 'attachment-0', '仓库出租方案');
    await fill(chair, 'closes-date', tomorrow());
    await fill(chair, 'closes-time', '18:00');
    await chair.locator('#save-topic').click();

    await chair.locator('#topic-title', { hasText: title }).waitFor();
    const majorId = new URL(chair.url().replace('#', '')).searchParams.get('id') ?? '';
    await chair.locator('#topic-major', { hasText: '重大事项' }).waitFor();
    await chair.locator('#topic-attachments', { hasText: '仓库出租方案' }).waitFor();
    await chair.locator('#stage-proposal', { hasText: '待进行' }).waitFor();
    await chair.locator('#stages-needed', { hasText: '党支部提议' }).waitFor();

    // Not before 四议: the server's refusal shows under the button.
    await chair.locator('#open-voting').click();
    const refusal = chair.locator('.vh-action', { has: chair.locator('#open-voting') }).locator('.vh-action-failed');
    await refusal.filter({ hasText: '党支部提议' }).waitFor();
    await expect(chair.locator('#topic-status').textContent()).resolves.toContain('草稿');

    // A remark too short is named under its box; nothing is recorded.
    await chair.locator('#stage-form-title', { hasText: '党支部提议' }).waitFor();
    await fill(chair, 'stage-on', daysAgo(3));
    await fill(chair, 'stage-minutes', '同意');
    await fill(chair, 'stage-outcome', '同意提议');
    await chair.locator('#record-stage').click();
    await chair.locator('#stage-form .vh-field-error', { hasText: '至少 4 个字' }).waitFor();

    const record = async (label: string, day: string, minutes: string, outcome: string) => {
      await chair.locator('#stage-form-title', { hasText: label }).waitFor();
      await fill(chair, 'stage-on', day);
      await fill(chair, 'stage-minutes', minutes);
      await fill(chair, 'stage-outcome', outcome);
      await chair.locator('#record-stage').click();
      await chair.locator('#stage-recorded', { hasText: label }).waitFor();
    };
    await record('党支部提议', daysAgo(3), '党支部委员会研究，提议将两间仓库公开出租。', '同意提议，提交两委商议');
    await record('“两委”会议商议', daysAgo(2), '两委联席会议商议出租方案和租金底价。', '形成出租方案');
    await record('党员大会审议', daysAgo(1), '党员大会审议出租方案，到会党员一致同意。', '审议通过');

    for (const stage of ['proposal', 'committees', 'party_review'])
      await chair.locator(`#stage-${stage}`, { hasText: '已完成' }).waitFor();
    await chair.locator('#stage-proposal', { hasText: '提议将两间仓库公开出租' }).waitFor();
    await chair.locator('#stage-proposal', { hasText: `记录人：${village.chair.name}` }).waitFor();
    await chair.locator('#stage-decision', { hasText: '待进行' }).waitFor();
    await chair.locator('#stages-before-vote-done').waitFor();
    await expect(chair.locator('#stage-form').count()).resolves.toBe(0);
    await expect(chair.locator('#stages-needed').count()).resolves.toBe(0);

    await chair.locator('#open-voting').click();
    await chair.locator('#topic-status', { hasText: '表决中' }).waitFor({ timeout: 20_000 });

    // Two residents speak; each sees their own name, others' masked.
    const speak = async (person: SeededPerson, text: string) => {
      const page = await stack.openAs(person);
      await openTopic(page, majorId);
      await fill(page, 'comment-text', text);
      await page.locator('#post-comment').click();
      await page.locator('.vh-comment', { hasText: text }).getByText(`${person.name}（我）`).waitFor();
      return page;
    };
    const kind = '建议租金每年按物价上调，租期不宜超过五年。';
    const rude = '这事就是有人想捞好处，谁同意谁就是傻子！';
    const first = await speak(village.residents[0], kind);
    const second = await speak(village.residents[1], rude);
    await second.locator('.vh-comment', { hasText: kind }).waitFor();
    await expect(second.locator('.vh-comment', { hasText: kind }).textContent()).resolves.not.toContain(
      village.residents[0].name,
    );

    await openTopic(chair, majorId);
    const remark = chair.locator('.vh-comment', { hasText: rude });
    await remark.getByText(village.residents[1].name).waitFor(); // staff see who said it
    const commentId = (await remark.getAttribute('id'))?.replace('comment-', '') ?? '';
    await chair.locator(`#hide-open-${commentId}`).click();
    await fill(chair, `hide-reason-${commentId}`, '含有辱骂他人的话');
    await chair.locator(`#hide-${commentId}`).click();
    await chair.locator(`#comment-${commentId}`, { hasText: '该发言已被隐藏：含有辱骂他人的话' }).waitFor();
    await expect(chair.locator('.vh-comment', { hasText: kind }).locator('[id^="hide-open-"]').count()).resolves.toBe(
      1,
    );
    await chair.locator('#stages').evaluate((el) => el.scrollIntoView());
    await shot(chair, 'topic-stages', true);

    await second.reload();
    await second.locator(`#comment-${commentId}`, { hasText: '该发言已被隐藏：含有辱骂他人的话' }).waitFor();
    await expect(second.locator('#discussion').textContent()).resolves.not.toContain(rude);
    await first.reload();
    await first.locator(`#comment-${commentId}`, { hasText: '该发言已被隐藏' }).waitFor();
    await expect(first.locator('[id^="hide-open-"]').count()).resolves.toBe(0);
  }, 120_000);
});
