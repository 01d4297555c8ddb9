import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, shot, startBrowserStack } from '../helpers/browser';

/**
 * 扫码登录 in headless Chromium on the H5 build: a township office computer
 * opens the site, which shows a QR code and waits; the villager's phone scans and
 * confirms (here through the API, as the mini-program sends it); the computer is
 * then signed in as that villager. The phone's 我的 lists the computer and signs
 * it out, and the computer is out at its next step.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2eqr', { withNotices: false });
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());
jest.setTimeout(60_000);

/** A desktop browser that has never signed in: the office computer. */
const officeComputer = async () => {
  const context = await stack.browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.url}/#/pages/auth/sign-in/index`);
  return page;
};

/** Reads the QR code on screen the way a phone's camera would: from its pixels. */
const scanScreen = async (page: Page) => {
  const code = page.locator('#qr-code');
  await code.waitFor();
  const pixels = await code.evaluate(async (el: HTMLElement) => {
    const src = getComputedStyle(el).backgroundImage.match(/^url\("(.*)"\)$/)?.[1] ?? '';
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // As base64: a plain array of 700,000 numbers takes Playwright minutes to carry over.
    let binary = '';
    for (let i = 0; i < data.data.length; i += 0x8000)
      binary += String.fromCharCode(...data.data.subarray(i, i + 0x8000));
    return { width: data.width, height: data.height, base64: btoa(binary) };
  });
  const rgba = Uint8ClampedArray.from(Buffer.from(pixels.base64, 'base64'));
  const read = jsQR(rgba, pixels.width, pixels.height);
  if (!read) throw new Error('the QR code on screen does not read');
  return read.data;
};
const ticketIn = (link: string) => {
  const ticket = link.match(/[?&]ticket=([A-Za-z0-9_-]{22})$/)?.[1];
  if (!ticket) throw new Error(`no ticket in ${link}`);
  return ticket;
};

describe('扫码登录', () => {
  it('the computer shows a QR code, the phone confirms, the computer is signed in; 我的 on the phone signs it out', async () => {
    const person = village.residents[0];
    const computer = await officeComputer();
    await computer.locator('#qr-sign-in').getByText('请用微信扫一扫').waitFor();
    await computer.locator('#qr-state').getByText('等待在手机上确认').waitFor();
    const link = await scanScreen(computer);
    expect(link).toContain('#/pages/auth/confirm/index?ticket=');
    await shot(computer, 'qr-sign-in', true);

    // The phone scans and confirms, as the mini-program's confirm page sends it.
    const phone = await stack.apiAs(person);
    const ticketId = ticketIn(link);
    const scanned = await phone.post(`/auth/qr-tickets/${ticketId}/scan`);
    expect(scanned.body).toMatchObject({ tenantName: village.name, device: '电脑 Chrome 浏览器' });
    await phone.post(`/auth/qr-tickets/${ticketId}/confirm`);

    // The computer, polling, is signed in as the villager without a click.
    await computer.getByText(`${person.name}，您好`).waitFor();
    await computer.locator('#tile-me').click();
    await computer.locator('#my-sessions').getByText('本机').waitFor();

    // On the phone's 我的: the computer is listed, and signing it out there ends it.
    const me = await stack.openAs(person);
    await me.locator('#tile-me').click();
    const row = me.locator('#my-sessions .vh-notice-row', { hasText: '电脑 Chrome 浏览器' });
    await row.getByText(/登录于 \d{4}年/).waitFor();
    await shot(me, 'me-sessions');
    await row.getByText('退出登录').click();
    await me.locator('#my-sessions').getByText('目前没有扫码登录的电脑或浏览器').waitFor();

    // The computer's next step finds itself signed out, back at the QR code.
    await computer.reload();
    await computer.waitForURL(/pages\/auth\/sign-in\/index/);
    // The one on screen: H5's router may keep an earlier sign-in page, hidden, in its stack.
    await computer.locator('#qr-code:visible').waitFor();
  });

  it('on the phone, the scanned code asks before anything happens, and someone else cannot take it', async () => {
    const computer = await officeComputer();
    const link = await scanScreen(computer);
    const path = link.slice(link.indexOf('#'));

    // The confirm page the QR code opens, on the phone of a signed-in villager.
    const phone = await stack.openAs(village.residents[1]);
    await phone.goto(`${stack.url}/${path}`);
    const ask = phone.locator('#qr-confirm');
    await ask.getByText(`在电脑上登录 ${village.name} 村民议事厅？`).waitFor();
    await ask.getByText('登录设备：电脑 Chrome 浏览器').waitFor();
    await shot(phone, 'qr-confirm', true);

    // A second phone on the same code is refused: it belongs to whoever scanned first.
    const other = await stack.openAs(village.residents[2]);
    await other.goto(`${stack.url}/${path}`);
    await other.getByText('这个二维码已由其他人扫码，不能由您确认。请在电脑上刷新二维码后再扫').waitFor();

    await phone.locator('#confirm-sign-in').click();
    await phone.locator('#qr-confirmed').getByText('已在电脑上登录').waitFor();
    await computer.getByText(`${village.residents[1].name}，您好`).waitFor();
  });
});
