// `npm test`: lint and format check, type check, the OpenAPI lint, the H5 and mini-program builds (the latter
// checked by WeChat's compilers), then every jest test (unit, API on DynamoDB Local over HTTP, browser on the H5
// build in headless Chromium, and the mini-program build started in miniprogram-simulate).
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
// Lambda runs Node 22; this machine's Node 20 is fine for the local stack, so the SDK needn't say so on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (title, command, args) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Browser tests need Chromium, and Chinese fonts so screenshots are readable.
const hasChineseFont = () => (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim().length > 0;
if (!existsSync(CHROMIUM) || !hasChineseFont()) {
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (!canInstall) {
    console.error(
      '\nBrowser tests need Chromium and a Chinese font.\nRun:  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n',
    );
    process.exit(1);
  }
  run('Installing Chromium and Chinese fonts for the browser tests', 'sh', [
    '-c',
    'apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk',
  ]);
}

run('Lint and format (biome)', bin('biome'), ['check', '.']);
run('Type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run('OpenAPI lint (Redocly)', bin('tsx'), ['scripts/openapi-lint.ts']);
run('H5 build', bin('tsx'), ['scripts/local/build-h5.ts', ...(process.env.CI ? ['--force'] : [])]);
// The mini-program's build (dist/weapp, rebuilt when missing or stale), then WeChat's compilers and the static
// check over it; the jest suite in test/weapp mounts this same build.
run("Mini-program build, WeChat's compilers and static check", bin('tsx'), [
  'scripts/weapp/verify.ts',
  '--build',
  ...(process.env.CI ? ['--force'] : []),
]);

mkdirSync(join(root, 'test-results'), { recursive: true });
// With no arguments, the suite in three parts (see jest.config.cjs): `rest` with every line its handlers log
// captured here, `logs` searching those lines, then the browser tests on their own, one at a time. With arguments
// (`npm test -- test/api/votes.test.ts`), jest as asked.
const parts = process.argv.length > 2 ? [undefined] : ['rest', 'logs', 'browser'];
const titles = {
  rest: 'unit, API and mini-program',
  logs: "the API run's logs (request ids, no personal data)",
  browser: 'browser (H5 in Chromium)',
};
const logs = join(root, 'test-results', 'logs');
if (parts.includes('logs')) {
  rmSync(logs, { recursive: true, force: true }); // the logs part searches this run's lines only
  mkdirSync(logs);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const part of parts) {
  const results = join(root, 'test-results', part ? `jest-${part}.json` : 'jest.json');
  rmSync(results, { force: true }); // a crashed run must not report an earlier run's figures
  if (part) console.log(`\n▶ Tests: ${titles[part]}`);
  const jest = spawnSync(bin('jest'), ['--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROMIUM_PATH: CHROMIUM,
      ...(part ? { VH_TEST_PART: part } : {}),
      ...(part === 'rest' || part === 'logs' ? { VH_LOG_CAPTURE: logs } : {}),
    },
  });
  if (jest.status !== 0) status = jest.status ?? 1;
  if (!existsSync(results)) continue;
  const r = JSON.parse(readFileSync(results, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(status);
