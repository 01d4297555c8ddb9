import { join } from 'node:path';
import { type MiniProgram, type MountedPage, pagesOf, startMiniProgram } from './harness';
import { committee, notices, resident, signedInAs, villageApi } from './village';

/**
 * The real mini-program build (dist/weapp, made by `npm test`) started in miniprogram-simulate as WeChat starts
 * it, with a scripted API behind wx.request. What a villager would see and do on the phone.
 */
const dist = join(__dirname, '..', '..', 'dist', 'weapp');

let mp: MiniProgram;
const startAs = async (me = resident, extra: Parameters<typeof startMiniProgram>[1] = {}) => {
  mp = await startMiniProgram(dist, { storage: signedInAs(me), request: villageApi(me), ...extra });
  return mp;
};
afterEach(() => jest.restoreAllMocks());

test('every page of app.json opens without an error in the console', async () => {
  await startAs(committee);
  const pages = pagesOf(dist);
  expect(pages.length).toBeGreaterThanOrEqual(30);
  for (const route of pages) {
    const page = await mp.mount(route);
    expect(page.text()).not.toBe('');
    page.unmount();
  }
  expect(mp.consoleErrors).toEqual([]);
});

test("长辈版 on first open follows WeChat's 字体大小, and the home page offers it either way", async () => {
  await startAs(resident, { fontSizeSetting: 20 });
  const large = await mp.mount('pages/index/index');
  expect(large.component.querySelector('.vh-page.vh-large')).toBeTruthy();
  expect(large.byId('elderly-offer')).toBeTruthy();
  large.unmount();

  await startAs(resident, { fontSizeSetting: 16 });
  const standard = await mp.mount('pages/index/index');
  expect(standard.component.querySelector('.vh-page')).toBeTruthy();
  expect(standard.component.querySelector('.vh-large')).toBeFalsy();
  expect(standard.byId('elderly-offer')).toBeTruthy();
});

/** The home page's tiles, as src/client/pages/index/index.tsx orders them. */
const TILES = [
  'tile-inbox', // 消息, for everyone, above the rest
  'tile-notices',
  'tile-topics',
  'tile-cases',
  'tile-me',
  'tile-review',
  'tile-roster',
  'tile-calendar',
  'tile-settings',
  'tile-questions',
  'tile-case-proxy',
  'tile-case-dashboard',
  'tile-oversight',
  'tile-audit',
  'tile-corrections',
  'tile-audit-entries',
  'tile-case-township',
  'tile-township-villages',
  'tile-care',
];
/** The tiles of the overseers (the 监委会 and the township) and the township's own. */
const OVERSEERS = [
  'tile-oversight',
  'tile-audit',
  'tile-audit-entries',
  'tile-case-township',
  'tile-township-villages',
];
const tilesOn = (home: MountedPage) => {
  const shown = TILES.filter((id) => home.byId(id));
  // Nothing else looks like a tile: the ids account for every one on the page.
  expect(home.component.querySelectorAll('.vh-tile')).toHaveLength(shown.length);
  return shown;
};

test("the home page shows a resident 消息 and the four residents' tiles, and no staff ones", async () => {
  await startAs(resident);
  const home = await mp.mount('pages/index/index');
  expect(home.text()).toContain('王秀英');
  expect(tilesOn(home)).toEqual(['tile-inbox', 'tile-notices', 'tile-topics', 'tile-cases', 'tile-me']);
  expect(home.text()).not.toContain('村民名册');
});

test("the home page shows a committee member 消息 and the committee's tiles, staff ones included", async () => {
  await startAs(committee);
  const home = await mp.mount('pages/index/index');
  expect(home.text()).toContain('李建国');
  expect(home.text()).toContain('村委会主任');
  // Everything but the overseers' tiles: the committee does not oversee itself.
  expect(tilesOn(home)).toEqual(TILES.filter((id) => !OVERSEERS.includes(id)));
  expect(home.text()).toContain('村民名册');
});

test('tapping the notices tile opens the notice list', async () => {
  await startAs(resident);
  const home = await mp.mount('pages/index/index');
  await home.tap('tile-notices');
  expect(mp.wx.callsOf('navigateTo').map((c) => c.options)).toEqual([{ url: '/pages/notices/list/index' }]);
});

test('the notice list shows a row for each notice the API returns, asked with the session token', async () => {
  await startAs(resident);
  const list = await mp.mount('pages/notices/list/index');
  for (const n of notices) expect(list.text()).toContain(n.title);
  expect(list.component.querySelectorAll('.vh-notice-row')).toHaveLength(notices.length);
  const asked = mp.wx.callsOf('request').map((c) => c.options as { url: string; header: Record<string, string> });
  const listCall = asked.find((r) => r.url.includes('/notices?'));
  expect(listCall?.url).toContain('status=public');
  expect(listCall?.header.authorization).toBe('Bearer token-a-resident');
});

test('signing in with WeChat calls wx.login and sends its code to the API, then opens the home page', async () => {
  mp = await startMiniProgram(dist, { request: villageApi(), loginCode: 'code-from-wechat' });
  const signIn = await mp.mount('pages/auth/sign-in/index');
  await signIn.tap('wechat-sign-in');
  expect(mp.wx.callsOf('login')).toHaveLength(1);
  const sent = mp.wx
    .callsOf('request')
    .map((c) => c.options as { url: string; method: string; data: string })
    .find((r) => r.url.endsWith('/auth/wechat'));
  expect(sent?.method).toBe('POST');
  expect(JSON.parse(sent!.data)).toEqual({ code: 'code-from-wechat' });
  expect(mp.wx.storage.get('vh.token')).toBe('token-from-wechat');
  expect(mp.wx.callsOf('reLaunch').map((c) => c.options)).toEqual([{ url: '/pages/index/index' }]);
});

test('a photo for a case is chosen with the picker, read from its temp file and PUT to the signed URL', async () => {
  await startAs(resident, {
    photos: [{ path: 'wxfile://tmp/street-light.jpg', size: 2048, bytes: 2048 }],
  });
  const form = await mp.mount('pages/cases/new/index');
  await form.tap('case-kind-suggestion');
  await form.tap('add-photo');
  // WeChat's privacy agreement is asked first, then the picker opens.
  expect(mp.wx.callsOf('requirePrivacyAuthorize')).toHaveLength(1);
  expect(mp.wx.callsOf('chooseImage')).toHaveLength(1);
  expect(mp.wx.callsOf('FileSystemManager.readFile').map((c) => c.options)).toEqual([
    { filePath: 'wxfile://tmp/street-light.jpg' },
  ]);
  const requests = mp.wx.callsOf('request').map((c) => c.options as { url: string; method: string; data: unknown });
  const asked = requests.find((r) => r.url.endsWith('/photos'));
  expect(JSON.parse(asked!.data as string)).toEqual({ contentType: 'image/jpeg', size: 2048 });
  const put = requests.find((r) => r.url.startsWith('https://photos.example.test/upload/ph1'));
  expect(put?.method).toBe('PUT');
  expect((put!.data as ArrayBuffer).byteLength).toBe(2048);
  expect(form.byId('case-photo-0')).not.toBeNull();
});
