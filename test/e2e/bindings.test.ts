import type { Page } from 'playwright-core';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * Getting in, in headless Chromium on the H5 build: a new WeChat user signs in
 * (the local stand-in for wx.login) and binds to their person of the register by
 * name, ID ending and phone; a claim that does not match waits for the committee,
 * which approves it on the review page, and the claimant is then bound.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2ebind', { withNotices: false });
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

/** Waits long enough for a cold lambda, and fails on the step that did not happen rather than on the test's timeout. */
const patient = (page: Page) => {
  page.setDefaultTimeout(15_000);
  return page;
};
/** Residents the register has an ID number and a phone for. */
const withPhone = (skip: number) => village.residents.filter((p) => p.phone && p.idNumber)[skip];
const tail = (p: SeededPerson) => p.idNumber?.slice(-4) ?? '';

/** Ticks the policy and, on its own row, the ID number's processing (a binding asks both). */
const agree = async (page: Page) => {
  await page.locator('#consent-policy-row').click();
  await page.locator('#consent-id-number-row').click();
};

const claim = async (page: Page, p: SeededPerson, idTail: string, note?: string) => {
  await page.locator(`#village-${village.villageId}`).click();
  await fill(page, 'claim-name', p.name);
  await fill(page, 'claim-id-tail', idTail);
  await fill(page, 'claim-phone', p.phone ?? '');
  if (note) await fill(page, 'claim-note', note);
  await agree(page);
  await page.locator('#claim-submit').click();
};

jest.setTimeout(60_000);

describe('binding a WeChat account to a villager', () => {
  it('a new WeChat user binds by name, ID ending and phone, and sees their household on 我的', async () => {
    const person = withPhone(0);
    const page = patient(await stack.pageAsNewWechatUser());
    await page.locator('.vh-title', { hasText: '绑定村民身份' }).waitFor();

    // A wrong ID ending is named under its box, before anything is sent.
    await claim(page, person, '12');
    await page.locator('#claim-id-tail-field .vh-field-error').getByText('请填写身份证号的后 4 位').waitFor();
    await shot(page, 'binding-claim');

    await fill(page, 'claim-id-tail', tail(person));
    await page.locator('#claim-submit').click();
    await page.getByText(`${person.name}，您好`).waitFor();
    await page.locator('#me-card').getByText(person.name).first().waitFor();

    await page.locator('#tile-me').click();
    await page.locator('#my-household:visible').getByText(person.name).waitFor();
    await page
      .locator('#bound-since')
      .getByText(/绑定时间：\d{4}年/)
      .waitFor();
    // Nothing asked yet: 我的提交 says so, and how to ask.
    await page.locator('#my-submissions').getByText('您还没有提过问题').waitFor();
    await shot(page, 'me', true);

    // Someone else with a new phone claims them with the same details: it only waits, and 我的 says so.
    const neighbour = patient(await stack.pageAsNewWechatUser());
    await claim(neighbour, person, tail(person));
    await neighbour.locator('#claim-pending').getByText('已提交，等待村委会审核').waitFor();
    await page.reload();
    await page.locator('#pending-takeover').getByText('有人用另一个微信申请绑定您的村民身份').waitFor();
    await page.locator('#my-household:visible').getByText(person.name).waitFor();
    // The committee rejects it, and the notice is gone.
    const chairApi = await stack.apiAs(village.chair);
    const pending = (await chairApi.get('/bindings/claims')).body.items;
    const attempt = pending.find((c: { name: string }) => c.name === person.name);
    await chairApi.post(`/bindings/claims/${attempt.claimId}/reject`, { reason: '本人仍在用原来的手机' });
    await page.reload();
    await page.locator('#my-household:visible').getByText(person.name).waitFor();
    await page.locator('#pending-takeover').waitFor({ state: 'detached' });

    // Letting go of the binding (after a confirm dialog) leaves an unbound account at home.
    await page.locator('#unbind').click();
    const dialog = page.locator('.taro__modal');
    await dialog.getByText('解除后，这个微信不能再看本村公告').waitFor();
    await dialog.getByText('解除绑定', { exact: true }).last().click();
    await page.locator('#bind-card').waitFor();
    await shot(page, 'home-unbound');
    // An unbound account is sent to bind before anything that needs a villager.
    await page.goto(`${stack.url}/#/pages/notices/list/index`);
    await page.waitForURL(/pages\/bindings\/claim\/index/);
  });

  it('a claim that does not match waits for the committee; once approved the claimant is bound', async () => {
    const person = withPhone(1);
    const page = patient(await stack.pageAsNewWechatUser());
    const wrongTail = tail(person) === '0000' ? '1111' : '0000';
    await claim(page, person, wrongTail, '在外务工，现在杭州');
    await page.locator('#claim-pending').getByText('已提交，等待村委会审核').waitFor();
    await page.locator('#my-claims').getByText('等待审核').waitFor();

    const chair = patient(await stack.pageAs(village.chair));
    await chair.goto(`${stack.url}/`);
    await chair.locator('#tile-review').click();
    const card = chair.locator('.vh-pending-claim', { hasText: '在外务工，现在杭州' });
    await card.getByText(/手机号：\d{3}\*{4}\d{4}/).waitFor(); // masked
    // The committee sees what agrees with the register, never the ID ending typed.
    const candidate = card.locator(`#candidate-${person.personId}`);
    await candidate.getByText('身份证后 4 位：不一致').waitFor();
    await candidate.getByText('手机号：一致').waitFor();
    await expect(card.textContent()).resolves.not.toContain(wrongTail);
    await shot(chair, 'binding-review', true);
    await card.locator(`#candidate-${person.personId} .vh-button-primary`).click();
    await card.getByText(`已通过，绑定为 ${person.name}`).waitFor();

    // Back on the claimant's phone: opening the app again finds the binding.
    await page.reload();
    await page.locator('#claim-bound').getByText(`您已绑定为 ${person.name}`).waitFor();
    await page.locator('#go-home').click();
    await page.getByText(`${person.name}，您好`).waitFor();
    await page.locator('#tile-notices').waitFor();

    await chair.reload();
    await chair.getByText('没有待审核的绑定申请').waitFor();
  });

  it('a rejected claim shows its reason to the claimant', async () => {
    const page = patient(await stack.pageAsNewWechatUser());
    await claim(page, { tenantId: village.villageId, personId: 'x', name: '冒名者', phone: '13900001111' }, '1111');
    await page.locator('#claim-pending').waitFor();

    const chair = patient(await stack.pageAs(village.chair));
    await chair.goto(`${stack.url}/#/pages/bindings/review/index`);
    const card = chair.locator('.vh-pending-claim', { hasText: '冒名者' });
    await card.getByText('名册中没有同名的村民').waitFor();
    await card.locator('[id^="reject-reason-"]').locator('textarea').fill('本村没有此人');
    await card.locator('[id^="reject-"].vh-button').click();
    await card.getByText('已驳回').waitFor();

    await page.reload();
    await page.locator('#my-claims').getByText('未通过').waitFor();
    await page.locator('#my-claims').getByText('原因：本村没有此人').waitFor();
  });
});
