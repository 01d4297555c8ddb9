import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBuild, MAIN_PACKAGE_LIMIT } from '../../scripts/weapp/check';
import { compileWxml, compileWxss } from '../../scripts/weapp/compilers';
import { startMiniProgram } from './harness';

/**
 * Each check of the mini-program fails on a build that is broken in its way: a one-page fixture that passes
 * everything, copied and broken one thing at a time. So a green run means the checks looked, not that they can't see.
 */
const fixtures = join(__dirname, 'fixtures');
const good = join(fixtures, 'good');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'weapp-fixture-'));
  cpSync(good, dir, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
});

test('the unbroken fixture passes both compilers and the static check', () => {
  expect(compileWxss(dir).errors).toBe('');
  expect(compileWxml(dir).errors).toBe('');
  expect(checkBuild(dir).problems).toEqual([]);
});

test("wcsc refuses a universal selector, as it refused the app's stylesheet", () => {
  appendFileSync(join(dir, 'app.wxss'), '.row > * { flex: 1; }\n');
  expect(compileWxss(dir).errors).toMatch(/app\.wxss\(\d+:\d+\): error at token `\*`/);
});

test('wcc refuses a page whose WXML does not close its tags', () => {
  writeFileSync(join(dir, 'pages/index/index.wxml'), '<view class="row"><view>{{greeting}}</view>\n');
  expect(compileWxml(dir).errors).toContain('pages/index/index.wxml');
});

test('the static check names a page of app.json whose WXML is missing', () => {
  rmSync(join(dir, 'pages/index/index.wxml'));
  expect(checkBuild(dir).problems).toEqual(['page pages/index/index: pages/index/index.wxml is missing']);
});

test('the static check names a component that does not resolve and a subpackage that is not there', () => {
  writeFileSync(join(dir, 'pages/index/index.json'), JSON.stringify({ usingComponents: { comp: '../../comp' } }));
  writeFileSync(
    join(dir, 'app.json'),
    JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'pages/staff', pages: ['edit/index'] }] }),
  );
  expect(checkBuild(dir).problems).toEqual([
    'app.json: subpackage root pages/staff is not in the build',
    'page pages/staff/edit/index: pages/staff/edit/index.js is missing',
    'page pages/staff/edit/index: pages/staff/edit/index.json is missing',
    'page pages/staff/edit/index: pages/staff/edit/index.wxml is missing',
    'pages/index/index.json: component <comp> → ../../comp has no .js, .json, .wxml',
  ]);
});

test('the static check fails a main package over the limit', () => {
  writeFileSync(join(dir, 'vendors.js'), `// ${'x'.repeat(MAIN_PACKAGE_LIMIT)}\n`);
  expect(checkBuild(dir).problems).toEqual([expect.stringMatching(/^main package is 1024\.\d KiB, over 1024\.0 KiB/)]);
});

test('the static check fails a browser-only global the build reads, naming where', () => {
  const { problems } = checkBuild(join(fixtures, 'browser-global'));
  expect(problems).toEqual([expect.stringMatching(/^global localStorage is read at pages\/index\/index\.js:5:\d+/)]);
});

test('a page mounts in the simulator, and one reading the browser’s localStorage fails to', async () => {
  const fine = await startMiniProgram(good);
  const page = await fine.mount('pages/index/index');
  expect(page.byId('greeting')?.dom.textContent).toBe('你好，村民');

  const broken = await startMiniProgram(join(fixtures, 'browser-global'));
  await expect(broken.mount('pages/index/index')).rejects.toThrow(
    /page pages\/index\/index logged errors:\s+TypeError: Cannot read properties of undefined \(reading 'getItem'\)/,
  );
});
