import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { root } from '../local/serverless-config';
import { arg } from './crowd';

/**
 * Benchmark (not a test): the functions as Lambda gets them. Packages the service
 * as CI does (`serverless package --stage ci`, no credentials), unzips every
 * function's zip, and for each distinct bundle prints its JavaScript (source maps
 * apart) and the median time a fresh `node` takes to import its handler file, with
 * the NODE_OPTIONS serverless.yml gives the functions. The AWS SDK is not in the
 * bundles (the runtime has it): it resolves from node_modules, and its load counts. Each
 * import is also timed split in two (the DynamoDB SDK alone, then the bundle's own code), so
 * the figures show what of the time the bundle itself can still change.
 *   npm run bench:cold -- [--runs 9] [--reuse]   (--reuse: read the .serverless/ already there)
 */
const RUNS = arg('runs', 9);
const MAX_KB = 300;
const MAX_MS = 100;
const out = join(root, '.serverless');
const unzipped = join(out, 'cold');

interface ServerlessFile {
  provider: { environment?: Record<string, unknown> };
  functions: Record<string, { handler: string }>;
}
const config: ServerlessFile = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'));

if (!process.argv.includes('--reuse')) {
  console.log('▶ serverless package --stage ci');
  const r = spawnSync('npx', ['serverless', 'package', '--stage', 'ci'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      SESSION_SECRET: 'packaging-only-not-a-real-secret-000000',
      ROSTER_KEY: 'packaging-only-not-a-real-roster-key-00',
    },
  });
  if (r.status !== 0) throw new Error('serverless package failed');
}

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
const isJs = (f: string) => /\.(m|c)?js$/.test(f);

interface Bundle {
  module: string;
  dir: string;
  jsBytes: number;
  mapBytes: number;
  functions: string[];
}
const bundles = new Map<string, Bundle>();
rmSync(unzipped, { recursive: true, force: true });
mkdirSync(unzipped, { recursive: true });
for (const [name, fn] of Object.entries(config.functions)) {
  const zip = join(out, `${name}.zip`);
  if (!existsSync(zip)) throw new Error(`${relative(root, zip)} is missing: package first (drop --reuse)`);
  const dir = join(unzipped, name);
  const r = spawnSync('unzip', ['-q', '-o', zip, '-d', dir]);
  if (r.status !== 0) throw new Error(`unzip ${zip}: ${r.stderr}`);
  const all = files(dir);
  const js = all.filter(isJs).sort();
  const hash = createHash('sha256');
  for (const f of js) hash.update(relative(dir, f)).update(readFileSync(f));
  const key = hash.digest('hex');
  const known = bundles.get(key);
  if (known) {
    known.functions.push(name);
    rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const size = (fs: string[]) => fs.reduce((n, f) => n + statSync(f).size, 0);
  bundles.set(key, {
    module: fn.handler.slice(0, fn.handler.lastIndexOf('.')),
    dir,
    jsBytes: size(js),
    mapBytes: size(all.filter((f) => f.endsWith('.map'))),
    functions: [name],
  });
}

// What the import sees at start on Lambda: the provider's settings, with stand-ins for the references.
const nodeOptions = String(config.provider.environment?.NODE_OPTIONS ?? '')
  .split(/\s+/)
  .filter(Boolean);
const childEnv = {
  ...process.env,
  NODE_OPTIONS: '',
  STAGE: 'ci',
  TABLE_NAME: 'village-hall-ci',
  SESSION_SECRET: 'packaging-only-not-a-real-secret-000000',
  ROSTER_KEY: 'packaging-only-not-a-real-roster-key-00',
  PHOTO_BUCKET: 'photos',
  EVENTS_QUEUE_URL: 'https://sqs.ap-east-1.amazonaws.com/000000000000/events',
  AWS_REGION: 'ap-east-1',
  LOG_LEVEL: 'WARN',
};
// Wall time is the goal; the CPU time beside it is what a busy machine distorts least.
const timer = `const t = performance.now(), c = process.cpuUsage(); await import(process.argv[1]);
const { user, system } = process.cpuUsage(c); process.stdout.write(JSON.stringify([performance.now() - t, (user + system) / 1000]));`;

// The same import split in two: the DynamoDB SDK packages the bundle requires, loaded first and
// timed alone, then the bundle's own code (its compile, zod building its schemas) with them loaded.
const splitTimer = `const sdk = JSON.parse(process.argv[2]); const { createRequire } = await import('node:module');
const require = createRequire(process.argv[1]); const t = performance.now(); for (const p of sdk) require(p);
const s = performance.now(); await import(process.argv[1]); process.stdout.write(JSON.stringify([s - t, performance.now() - s]));`;

function run(file: string, script: string, ...args: string[]): number[] {
  const r = spawnSync(
    process.execPath,
    [...nodeOptions, '--input-type=module', '-e', script, pathToFileURL(file).href, ...args],
    { env: childEnv, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`importing ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
function importMs(file: string): { wall: number; cpu: number } {
  const [wall, cpu] = run(file, timer);
  return { wall, cpu };
}
/** The SDK's load and the bundle's own, in one fresh process. */
function splitMs(file: string, sdk: string[]): { sdk: number; own: number } {
  const [sdkMs, own] = run(file, splitTimer, JSON.stringify(sdk));
  return { sdk: sdkMs, own };
}
/** The DynamoDB packages a bundle reaches with require() (the esbuild plugin), as written in it. */
const dynamoPackages = (file: string) =>
  ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'].filter((p) => readFileSync(file, 'utf8').includes(`"${p}"`));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const sorted = [...bundles.values()].sort((x, y) => x.module.localeCompare(y.module));
const handlers = sorted.map((b) => {
  const handler = files(b.dir).find((f) => isJs(f) && relative(b.dir, f).startsWith(b.module));
  if (!handler) throw new Error(`no handler file for ${b.module} in ${b.dir}`);
  importMs(handler); // the first read warms the disk cache, as a warm host's would be
  return handler;
});
// Round by round across the bundles, so a busy moment of the machine weighs on them all alike.
const times = sorted.map(() => [] as { wall: number; cpu: number }[]);
const splits = sorted.map(() => [] as { sdk: number; own: number }[]);
const sdkOf = handlers.map(dynamoPackages);
for (let round = 0; round < RUNS; round++)
  for (const [i, h] of handlers.entries()) {
    times[i].push(importMs(h));
    splits[i].push(splitMs(h, sdkOf[i]));
  }

console.log(
  `\n${Object.keys(config.functions).length} functions, ${bundles.size} distinct bundles; import: median of ${RUNS} fresh node ${process.version} processes${nodeOptions.length ? ` (${nodeOptions.join(' ')})` : ''}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
);
console.log(`goal: at most ${MAX_KB} KB of JavaScript and ${MAX_MS} ms to import\n`);
console.log(
  `${'bundle'.padEnd(26)}${'functions'.padStart(10)}${'JS KB'.padStart(9)}${'map KB'.padStart(9)}${'import ms'.padStart(11)}${'CPU ms'.padStart(8)}${'= SDK ms'.padStart(10)}${'+ own ms'.padStart(10)}`,
);
let met = true;
sorted.forEach((b, i) => {
  const ms = median(times[i].map((t) => t.wall));
  const cpu = median(times[i].map((t) => t.cpu));
  const sdk = median(splits[i].map((t) => t.sdk));
  const own = median(splits[i].map((t) => t.own));
  const kb = b.jsBytes / 1024;
  const ok = kb <= MAX_KB && ms <= MAX_MS;
  met &&= ok;
  console.log(
    `${b.module.replace('src/functions/', '').padEnd(26)}${String(b.functions.length).padStart(10)}${kb.toFixed(0).padStart(9)}${(b.mapBytes / 1024).toFixed(0).padStart(9)}${ms.toFixed(0).padStart(11)}${cpu.toFixed(0).padStart(8)}${sdk.toFixed(0).padStart(10)}${own.toFixed(0).padStart(10)}${ok ? '' : '  ✗'}`,
  );
});
console.log(
  '\n= SDK ms: requiring the DynamoDB client and lib-dynamodb alone in a fresh process; + own ms: then importing the bundle',
);
console.log(met ? '\nevery bundle meets the goal' : '\n✗ some bundles miss the goal');
