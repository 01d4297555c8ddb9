import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { SeededVillage } from '../../scripts/local/seed';
import { type BrowserStack, fill, shot, startBrowserStack } from '../helpers/browser';

/**
 * Suggestions and petitions (建议和诉求), the resident's side, in headless Chromium
 * on the H5 build: a resident proposes a suggestion with a photo and finds it under
 * 我的; a draft survives a reload, and a submit whose answer the network lost is
 * sent again without making a second case; a neighbour seconds the suggestion; once
 * the committee has answered (through the API), the resident rates it 不满意 and
 * the case is reopened. Staff handling is tested in cases-staff.test.ts.
 */
let stack: BrowserStack;
let village: SeededVillage;
const TEXT = '村东头石桥的护栏断了两根，晚上走路很危险，建议尽快修好护栏并装一盏路灯。';
let caseId = '';

beforeAll(async () => {
  stack = await startBrowserStack('e2ecase', { withNotices: false });
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

const openCase = (page: Page, id: string) => page.goto(`${stack.url}/#/pages/cases/detail/index?id=${id}`);
const idOf = (page: Page) => new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';

/** A small PNG (48×32, red and white stripes): a real picture the browser can draw. */
function stripes(width = 48, height = 32) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const red = Math.floor(x / 8) % 2 === 0;
      rows.set(red ? [163, 21, 21] : [255, 255, 255], at);
    }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Taro's picker on H5 is a hidden file input: the browser's file chooser is answered with these files. */
async function choosePhoto(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.locator('#add-photo').click();
  await (await chooser).setFiles(file);
}

const photoShown = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const img = document.querySelector(`${s} img`) as HTMLImageElement | null;
    return Boolean(img?.complete && img.naturalWidth > 0);
  }, selector);

describe('suggestions and petitions in the browser', () => {
  jest.setTimeout(60_000);

  it('a resident proposes a suggestion with a photo, finds it under 我的 as 已提交, and sees the photo', async () => {
    const resident = await stack.openAs(village.residents[0]);
    await resident.goto(`${stack.url}/`);
    await resident.locator('#tile-cases').click();
    await resident.locator('#new-case').click();
    await resident.locator('#case-kind-suggestion').click();
    await resident.locator('#case-category-roads').click();
    await fill(resident, 'case-text', TEXT);
    await fill(resident, 'case-place', '村东头石桥');

    // Not a picture: said plainly, and nothing is sent.
    await choosePhoto(resident, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
    await resident.locator('.photo-error', { hasText: '只能上传 JPG、PNG 或 WebP 格式的照片' }).waitFor();

    await choosePhoto(resident, { name: 'bridge.png', mimeType: 'image/png', buffer: stripes() });
    await resident.locator('#case-photo-0', { hasText: '已上传' }).waitFor();
    await expect(resident.locator('.photo-error').count()).resolves.toBe(0);
    await photoShown(resident, '#case-photo-0');
    await resident.locator('#case-category').evaluate((el) => el.scrollIntoView());
    await shot(resident, 'cases-new', true);
    await resident.locator('#submit-case').click();

    await resident.locator('#case-status', { hasText: '已提交' }).waitFor();
    caseId = idOf(resident);
    expect(caseId).toMatch(/^[0-9A-Z]{26}$/);

    await resident.goto(`${stack.url}/#/pages/me/index`);
    await resident.locator('#my-cases').click();
    await resident.locator('#cases-mine.vh-segment-on').waitFor();
    const row = resident.locator(`#case-${caseId}`);
    await row.locator('.vh-case-status', { hasText: '已提交' }).waitFor();
    await row.getByText('道路交通').waitFor();
    await row.click();
    await resident.locator('#case-text', { hasText: TEXT }).waitFor();
    await resident.locator('#case-place', { hasText: '村东头石桥' }).waitFor();
    await photoShown(resident, '#case-photo-view-0');
    await resident.locator('#deadline-accept', { hasText: '截至' }).waitFor();
    await resident.locator('#case-timeline', { hasText: '提交' }).waitFor();
  });

  it('a draft survives a reload, and a submit the network dropped is sent again as the same case', async () => {
    const person = village.residents[1];
    const resident = await stack.openAs(person);
    await resident.goto(`${stack.url}/#/pages/cases/new/index`);
    await resident.locator('#case-kind-suggestion').click();
    await resident.locator('#case-category-roads').click();
    const text = '石桥护栏断了很危险，建议修好护栏，晚上再装一盏路灯照明。';
    await fill(resident, 'case-text', text);
    // Like one already proposed: offered to second instead.
    await resident.locator(`#similar-${caseId}`).waitFor();

    const draftKey = `vh.caseDraft.${person.personId}.own`;
    const keyOf = () =>
      resident.evaluate(
        (k) => JSON.parse(localStorage.getItem(k) ?? 'null')?.data?.key as string | undefined,
        draftKey,
      );
    const key = await keyOf();
    expect(key).toBeTruthy();
    await resident.reload();
    await resident.locator('#case-draft-restored').waitFor();
    await expect(resident.locator('#case-text textarea').inputValue()).resolves.toBe(text);
    await resident.locator('#case-kind-suggestion.vh-segment-on').waitFor();
    await expect(keyOf()).resolves.toBe(key);

    // The server takes the case but the answer is lost on the way back.
    let posts = 0;
    await resident.route(
      (url) => url.pathname === '/api/cases',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        posts++;
        expect(route.request().headers()['idempotency-key']).toBe(key);
        await route.fetch();
        await route.abort('connectionreset');
      },
    );
    await resident.locator('#submit-case').click();
    await resident.locator('.vh-action-failed').waitFor();
    await resident.unrouteAll();
    expect(posts).toBe(1);
    await expect(keyOf()).resolves.toBe(key); // the draft is kept until the server's answer arrives

    await resident.locator('#submit-case').click();
    await resident.locator('#case-status', { hasText: '已提交' }).waitFor();
    await expect(keyOf()).resolves.toBeUndefined();
    const mine = await (await stack.apiAs(person)).get('/cases?view=mine');
    expect(mine.body.items.filter((c: { text: string }) => c.text === text)).toHaveLength(1);
    expect(mine.body.items[0].caseId).toBe(idOf(resident));
  });

  it('a neighbour finds the suggestion in 全村公开 and seconds it, once', async () => {
    const neighbour = await stack.openAs(village.residents[2]);
    await neighbour.goto(`${stack.url}/#/pages/cases/list/index`);
    await neighbour.locator('#cases-public.vh-segment-on').waitFor();
    const row = neighbour.locator(`#case-${caseId}`);
    await row.getByText('附议 0').waitFor();
    await expect(row.textContent()).resolves.not.toContain(village.residents[0].name); // masked for the village
    await row.click();

    await neighbour.locator('#case-seconds-count', { hasText: '已有 0 人附议' }).waitFor();
    await neighbour.locator('#second-case').click();
    await neighbour.locator('#case-seconds-count', { hasText: '已有 1 人附议' }).waitFor();
    await neighbour.locator('#second-case', { hasText: '您已附议' }).waitFor();
    await expect(neighbour.locator('#second-case').getAttribute('disabled')).resolves.not.toBeNull();

    await openCase(neighbour, caseId);
    await neighbour.locator('#case-seconds-count', { hasText: '已有 1 人附议' }).waitFor();
    await expect(neighbour.locator('#second-case').getAttribute('disabled')).resolves.not.toBeNull();
  });

  it('once the committee has answered, the resident rates it 不满意 and the case is handled again', async () => {
    const chair = await stack.apiAs(village.chair);
    expect((await chair.post(`/cases/${caseId}/accept`)).status).toBe(200);
    const reply = await chair.post(`/cases/${caseId}/reply`, {
      text: '已安排施工队本周五前修好护栏，路灯列入下月的村级项目清单。',
    });
    expect(reply.status).toBe(200);

    const resident = await stack.openAs(village.residents[0]);
    await openCase(resident, caseId);
    await resident.locator('#case-status', { hasText: '已答复' }).waitFor();
    await resident.locator('#case-reply', { hasText: '已安排施工队本周五前修好护栏' }).waitFor();
    await resident.locator('#deadline-review', { hasText: '截至' }).waitFor();

    await resident.locator('#send-rating').click();
    await resident.locator('#case-rate .vh-field-error', { hasText: '请先选择满意程度' }).waitFor();
    await resident.locator('#rating-unsatisfied').click();
    await fill(resident, 'rate-comment', '护栏只修了一根，另一根还是断的');
    await resident.locator('#send-rating').click();

    await resident.locator('#case-status', { hasText: '重新办理' }).waitFor();
    await resident.locator('#case-unsatisfied', { hasText: '已重新办理' }).waitFor();
    await resident.locator('#case-rating', { hasText: '不满意' }).waitFor();
    await expect(resident.locator('#case-rate').count()).resolves.toBe(0);
    await resident.locator('#case-timeline', { hasText: '重新办理' }).waitFor();
    await photoShown(resident, '#case-photo-view-0');
    await resident.locator('#case-detail').evaluate((el) => el.scrollIntoView());
    await shot(resident, 'cases-detail', true);
  });
});
