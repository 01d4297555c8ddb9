import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, startBrowserStack } from '../helpers/browser';

/**
 * Writing as an old hand writes, on the H5 build: the whole box takes the tap, the
 * typed text is body size, a long text grows the box from its start, a paste over the
 * limit says how much was cut, and a question half-written survives leaving the page.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2ewrite');
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

describe('text boxes', () => {
  jest.setTimeout(60_000);

  it('the whole box takes the tap, types at body size, grows with the text and shows its start', async () => {
    const page = await stack.openAs(village.residents[0]);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('about:blank');
    await page.goto(`${stack.url}/#/pages/notices/detail/index?id=${village.publishedNoticeIds[0]}`);
    const frame = page.locator('#question-text');
    const box = frame.locator('textarea');
    await box.waitFor();

    // Every part of the frame, its corners too (once only a 40 px strip at the top), is the text box.
    await page.waitForLoadState('networkidle');
    await frame.scrollIntoViewIfNeeded();
    const hits = await frame.evaluate((f) => {
      const r = f.getBoundingClientRect();
      const points = [
        [r.left + 4, r.top + 4],
        [r.right - 4, r.top + 4],
        [r.left + 4, r.bottom - 4],
        [r.right - 4, r.bottom - 4],
        [r.left + r.width / 2, r.bottom - 4],
      ];
      return points.map(([x, y]) => document.elementFromPoint(x, y)?.tagName);
    });
    expect(hits).toEqual(['TEXTAREA', 'TEXTAREA', 'TEXTAREA', 'TEXTAREA', 'TEXTAREA']);
    const outer = await frame.boundingBox();
    if (!outer) throw new Error('no question box');
    await page.mouse.click(outer.x + outer.width / 2, outer.y + outer.height - 4);
    await expect(box.evaluate((el) => document.activeElement === el)).resolves.toBe(true);

    const sizes = await box.evaluate((el) => ({
      typed: Number.parseFloat(getComputedStyle(el).fontSize),
      body: Number.parseFloat(getComputedStyle(el.closest('.vh-page') as Element).fontSize),
    }));
    expect(sizes.typed).toBe(sizes.body);
    expect(sizes.typed).toBeGreaterThanOrEqual(16);

    const before = (await box.boundingBox())?.height ?? 0;
    const lines = Array.from({ length: 12 }, (_, i) => `第${i + 1}行：村里的自来水什么时候能通到我家？`).join('\n');
    await box.fill(lines);
    const after = await box.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      scrollTop: el.scrollTop,
      hidden: el.scrollHeight - el.clientHeight,
    }));
    expect(after.height).toBeGreaterThan(before * 2);
    // Nothing scrolled inside the box: the writer sees the first line and the last.
    expect(after.scrollTop).toBe(0);
    expect(after.hidden).toBeLessThanOrEqual(1);
  });

  it('a paste over the limit says how much was cut, and the counter shows near the limit', async () => {
    const page = await stack.openAs(village.residents[1]);
    await page.goto(`${stack.url}/#/pages/notices/detail/index?id=${village.publishedNoticeIds[0]}`);
    const box = page.locator('#question-text textarea');
    await box.waitFor();
    await box.fill('问'.repeat(850));
    await page.locator('#question-text-count', { hasText: '还能写 150 字（最多 1000 字）' }).waitFor();
    await box.fill('问'.repeat(1100));
    await page.locator('#question-text-cut', { hasText: '最多能写 1000 字，最后的 100 个字没有放进去' }).waitFor();
    await expect(box.inputValue()).resolves.toHaveLength(1000);
    await page.locator('#question-text-count', { hasText: '已写满 1000 字' }).waitFor();
  });

  it('a question half-written survives leaving the page, and is gone once sent', async () => {
    const page = await stack.openAs(village.residents[2]);
    const notice = `${stack.url}/#/pages/notices/detail/index?id=${village.publishedNoticeIds[0]}`;
    await page.goto(notice);
    const text = '请问停水那天村委会能不能送水到老人家里？';
    await page.locator('#question-text textarea').fill(text);
    await page.goto(`${stack.url}/#/pages/index/index`);
    await page.locator('#tile-notices').waitFor();
    await page.goto(notice);
    await page.locator('#question-text-restored').waitFor();
    await expect(page.locator('#question-text textarea').inputValue()).resolves.toBe(text);

    await page.locator('#ask').click();
    await page.locator('.vh-question-text', { hasText: text }).waitFor();
    await expect(page.locator('#question-text textarea').inputValue()).resolves.toBe('');
    await page.reload();
    await page.locator('.vh-question-text', { hasText: text }).waitFor();
    await expect(page.locator('#question-text textarea').inputValue()).resolves.toBe('');
    await expect(page.locator('#question-text-restored').count()).resolves.toBe(0);
  });

  it('说话输入 where the browser can listen: what is heard goes into the box; none where it cannot', async () => {
    const notice = `${stack.url}/#/pages/notices/detail/index?id=${village.publishedNoticeIds[0]}`;
    const page = await stack.openAs(village.residents[3]);
    // A browser whose recognizer hears one sentence (the real one needs a microphone and Google's service).
    await page.context().addInitScript(() => {
      (window as any).SpeechRecognition = class {
        onresult: any;
        onend: any;
        start() {
          setTimeout(() => {
            this.onresult({ results: [[{ transcript: '村口的路灯坏了' }]] });
            this.onend();
          }, 50);
        }
        stop() {}
      };
    });
    await page.goto('about:blank');
    await page.goto(notice);
    await page.locator('#voice-question-text').click();
    await page.getByText('已把您说的话写进框里').waitFor();
    await expect(page.locator('#question-text textarea').inputValue()).resolves.toBe('村口的路灯坏了');

    const deaf = await stack.openAs(village.residents[4]);
    await deaf.context().addInitScript(() => {
      delete (window as any).webkitSpeechRecognition;
      delete (window as any).SpeechRecognition;
    });
    await deaf.goto('about:blank');
    await deaf.goto(notice);
    await deaf.locator('#question-text textarea').waitFor();
    await expect(deaf.locator('#voice-question-text').count()).resolves.toBe(0);
  });
});
