import type jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { seedTopics } from '../../scripts/local/seed-topics';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * Sharing, in headless Chromium on the H5 build: a notice's link, copied to
 * paste into the village's WeChat group, opened by someone signed out (or not
 * yet bound) who signs in (and binds) and lands on that notice; and the poster
 * of the print view, whose QR code reads back as the page's link.
 */
let stack: BrowserStack;
let village: SeededVillage;
let noticeId: string;

beforeAll(async () => {
  stack = await startBrowserStack('e2eshare');
  village = stack.township.villages[0];
  noticeId = village.publishedNoticeIds[0];
  await seedTopics(village, new Date());
}, 90_000);
afterAll(() => stack?.stop());
jest.setTimeout(90_000);

const patient = (page: Page) => {
  page.setDefaultTimeout(15_000);
  return page;
};
const linkOf = (page: string, id: string) =>
  `${stack.url}/#/pages/${page}/index?id=${id}&villageId=${village.villageId}`;

/** The text of the QR code an image shows, read by jsQR from its pixels as the browser draws them. */
async function qrText(page: Page, selector: string): Promise<string | undefined> {
  await page.locator(selector).waitFor();
  await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  return page.evaluate(async (s) => {
    const img = document.querySelector(s) as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return (window as unknown as { jsQR: typeof jsQR }).jsQR(data, width, height)?.data;
  }, selector);
}

/** A phone with no session: what a WeChat group member has before ever opening the app. */
const signedOut = async () => patient(await (await stack.browser.newContext({ locale: 'zh-CN' })).newPage());

const signInFromList = async (page: Page, p: SeededPerson) => {
  await fill(page, 'person-search', p.name);
  await page.locator(`#tenant-${village.villageId} .vh-person`, { hasText: p.name }).first().click();
};

describe('sharing a notice into the WeChat group', () => {
  let link: string;

  it('a resident copies the link of a notice to paste into the group', async () => {
    const page = patient(await stack.pageAs(village.residents[0]));
    await page.goto(linkOf('notices/detail', noticeId));
    await page.locator('#notice-title-text').waitFor();
    await page.locator('#copy-link').click();
    link = ((await page.locator('#share-link').textContent()) ?? '').trim();
    expect(link).toBe(linkOf('notices/detail', noticeId));
  });

  it('someone signed out opens the link, signs in, and lands on that notice', async () => {
    const api = await stack.apiAs(village.residents[1]);
    const { title } = (await api.get(`/notices/${noticeId}`)).body;
    const page = await signedOut();
    await page.goto(link);
    // Sent to sign in, remembering where they were going.
    await page.waitForURL(/pages\/auth\/sign-in\/index\?next=/);
    await signInFromList(page, village.residents[1]);
    await page.waitForURL(new RegExp(`pages/notices/detail/index\\?id=${noticeId}`));
    await page.locator('#notice-title-text', { hasText: title }).waitFor();
  });

  it('a new WeChat user opens the link, signs in, binds to their person, and lands on that notice', async () => {
    const person = village.residents.filter((p) => p.phone && p.idNumber)[2];
    const page = await signedOut();
    await page.goto(link);
    await page.locator('#demo-wechat-sign-in').click();
    await page.waitForURL(/pages\/bindings\/claim\/index\?next=/);
    await page.locator(`#village-${village.villageId}`).click();
    await fill(page, 'claim-name', person.name);
    await fill(page, 'claim-id-tail', person.idNumber?.slice(-4) ?? '');
    await fill(page, 'claim-phone', person.phone ?? '');
    // Binding asks consent: the policy, and on its own row the ID number's processing.
    await page.locator('#consent-policy-row').click();
    await page.locator('#consent-id-number-row').click();
    await page.locator('#claim-submit').click();
    await page.waitForURL(new RegExp(`pages/notices/detail/index\\?id=${noticeId}`));
    await page.locator('#notice-title-text').waitFor();
  });
});

describe('the poster for the paper notice board', () => {
  it("a notice's print view carries a QR code that reads as the notice's link", async () => {
    const page = patient(await stack.pageAs(village.chair));
    await page.goto(linkOf('notices/print', noticeId));
    await page.locator('#poster-code').getByText('微信扫一扫').waitFor();
    expect(await qrText(page, '#poster-qr img')).toBe(linkOf('notices/detail', noticeId));
    // The sheet scrolls inside the app's frame: the poster's foot, with its code and signature, is what to show.
    await page.locator('#poster-code').scrollIntoViewIfNeeded();
    await shot(page, 'notice-poster', true);
  });

  it("a topic's print view, laid out as a notice's, carries a QR code that reads as the topic's link", async () => {
    const api = await stack.apiAs(village.chair);
    const topic = (await api.get('/topics')).body.items.find((t: { status: string }) => t.status === 'open');
    const page = patient(await stack.pageAs(village.residents[0]));
    await page.goto(linkOf('topics/detail', topic.topicId));
    await page.locator('#topic-title').waitFor();
    await page.locator('#print-link').click();
    await page.locator('#topic-print .vh-print-title', { hasText: topic.title }).waitFor();
    expect(await qrText(page, '#poster-qr img')).toBe(linkOf('topics/detail', topic.topicId));
  });
});
