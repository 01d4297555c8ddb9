import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureH5Build } from '../local/build-h5';
import { createTables, startDynamo } from '../local/dynamodb';
import { startHttpServer } from '../local/http-server';
import { root } from '../local/serverless-config';
import { closeServer, pointAtLocalDatabase } from '../local/stack';
import { arg, pct } from './crowd';

/**
 * Benchmark (not a test): a resident opens the notice list on a village line, cold.
 * Headless Chromium on a phone-sized screen, the network throttled through CDP to the
 * slow 3G profile of issue 13 (400 ms latency, 400 kbps each way), no HTTP cache.
 * The resident signed in before (--first-visit: just now, so the app must ask who they are
 * before it asks for the list). Prints, per run, when something meaningful showed (the skeleton or the header),
 * when the app's page and the first notice row appeared, and the bytes of every
 * script and style sheet, on the wire and unpacked, marking what the first screen needed.
 *   npm run bench:h5 -- [--runs 3] [--no-build] [--dir dist/h5] [--first-visit]
 * (--dir: serve another build, e.g. one made with TARO_OUTPUT_ROOT; it is not built.)
 */
const RUNS = arg('runs', 3);
const PROFILE = { latency: 400, downloadKbps: 400, uploadKbps: 400 };
const TARGET = { meaningfulMs: 2000, firstRowMs: 5000, firstScreenJsKB: 150 };

/** A cheap Android phone's screen, in China (as the browser tests use). */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

interface Resource {
  url: string;
  type: string;
  encoding: string;
  startedMs: number;
  finishedMs: number;
  wireBytes: number; // what crossed the line, headers included
  bodyBytes: number; // unpacked
}

interface Run {
  meaningful: number;
  fcp: number;
  page: number;
  firstRow: number;
  resources: Resource[];
}

/**
 * Times in the page's own clock (ms since navigation start), taken in the frame after
 * the DOM first holds each thing: the skeleton or the page frame (meaningful), the
 * page frame, the first notice row; and the first contentful paint. A string, so that
 * what tsx adds to compiled functions does not travel into the page.
 */
const installMarks = `(() => {
  const marks = {};
  window.__vhMarks = marks;
  const wanted = { meaningful: '#vh-skeleton, .vh-page', page: '.vh-page', firstRow: '.vh-notice-row' };
  const check = () => {
    for (const [name, selector] of Object.entries(wanted))
      if (!(name in marks) && document.querySelector(selector)) {
        marks[name] = -1;
        requestAnimationFrame(() => { marks[name] = performance.now(); });
      }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
})();`;

/** Puts the kept items into the page's storage before the app's first script (a plain function: no tsx helpers inside). */
function keep(items: Record<string, string>) {
  for (const k of Object.keys(items)) localStorage.setItem(k, items[k]);
}

async function coldLoad(page: Page, url: string): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: (PROFILE.downloadKbps * 1000) / 8,
    uploadThroughput: (PROFILE.uploadKbps * 1000) / 8,
  });
  const byId = new Map<string, Resource>();
  let origin = 0; // CDP's monotonic seconds at the document request
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!origin) origin = e.timestamp;
    byId.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? 'Other',
      encoding: '',
      startedMs: (e.timestamp - origin) * 1000,
      finishedMs: Number.NaN,
      wireBytes: 0,
      bodyBytes: 0,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (r) r.encoding = String(headers['content-encoding'] ?? '');
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.bodyBytes += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.wireBytes = e.encodedDataLength;
    r.finishedMs = (e.timestamp - origin) * 1000;
  });

  await page.goto(`${url}/#/pages/notices/list/index`, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __vhMarks?: Record<string, number> }).__vhMarks;
      return Boolean(m && m.firstRow > 0 && m.meaningful > 0 && m.page > 0);
    },
    undefined,
    { timeout: 90_000, polling: 100 },
  );
  const marks = await page.evaluate(() => (window as unknown as { __vhMarks: Record<string, number> }).__vhMarks);
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  return {
    meaningful: marks.meaningful,
    fcp: marks.fcp ?? Number.NaN,
    page: marks.page,
    firstRow: marks.firstRow,
    resources: [...byId.values()],
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const shown = (r: Resource) => ['Document', 'Script', 'Stylesheet', 'XHR', 'Fetch'].includes(r.type);
/** A file the first notice row waited for: asked for before that row showed. */
const firstScreen = (run: Run) => (r: Resource) => r.startedMs < run.firstRow;

function printFiles(run: Run, url: string) {
  console.log(
    '\nThe page, scripts, styles and API calls of the last run (KB; * = asked for before the first notice row showed):',
  );
  console.log(`  ${'file'.padEnd(28)} ${'wire'.padStart(8)} ${'unpacked'.padStart(9)}  encoding  done at`);
  const inFirst = firstScreen(run);
  for (const r of run.resources.filter(shown).sort((a, b) => a.startedMs - b.startedMs))
    console.log(
      `${inFirst(r) ? '*' : ' '} ${r.url.replace(url, '').padEnd(28)} ${kb(r.wireBytes).padStart(8)} ${kb(r.bodyBytes).padStart(9)}  ${(r.encoding || 'none').padEnd(8)}  ${seconds(r.finishedMs)} s`,
    );
}

function totals(run: Run) {
  const inFirst = firstScreen(run);
  const sum = (rs: Resource[], k: 'wireBytes' | 'bodyBytes') => rs.reduce((s, r) => s + r[k], 0);
  const js = run.resources.filter((r) => r.type === 'Script');
  const css = run.resources.filter((r) => r.type === 'Stylesheet');
  const firstJs = js.filter(inFirst);
  return {
    firstJsWire: sum(firstJs, 'wireBytes'),
    firstJsBody: sum(firstJs, 'bodyBytes'),
    jsWire: sum(js, 'wireBytes'),
    jsBody: sum(js, 'bodyBytes'),
    cssWire: sum(css, 'wireBytes'),
    cssBody: sum(css, 'bodyBytes'),
    allWire: sum(run.resources, 'wireBytes'),
  };
}

async function main() {
  const dirAt = process.argv.indexOf('--dir');
  const dir = dirAt > 0 ? join(root, process.argv[dirAt + 1]) : join(root, 'dist', 'h5');
  if (dirAt < 0 && !process.argv.includes('--no-build')) ensureH5Build();
  const dynamo = await startDynamo();
  pointAtLocalDatabase(dynamo.endpoint, 'village-hall-bench');
  await createTables(dynamo.endpoint, 'village-hall-bench');
  const { seedDemo } = await import('../local/seed');
  const township = await seedDemo({ now: new Date(), idPrefix: 'bench', withNotices: true });
  const { server, url } = await startHttpServer({ staticDir: dir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  try {
    const resident = township.villages[0].residents[0];
    // Signed in before the first script runs: the page opens with what the app keeps on the phone (below).
    const signIn = await fetch(`${url}/api/auth/demo-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: resident.tenantId, personId: resident.personId }),
    });
    const { token } = (await signIn.json()) as { token: string };
    // What the app keeps on the phone (Taro storage: {data}): the session and, unless --first-visit, who it is,
    // which the app remembers from its first page after sign-in on. A cold cache is the browser's, not this.
    const kept: Record<string, string> = { 'vh.token': JSON.stringify({ data: token }) };
    if (!process.argv.includes('--first-visit')) {
      const me = await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json();
      kept['vh.me'] = JSON.stringify({ data: me });
    }
    console.log(
      `Cold load of the notice list, ${PROFILE.latency} ms latency, ${PROFILE.downloadKbps} kbps down/up, no cache, ${RUNS} runs, ${kept['vh.me'] ? 'a returning resident' : 'the first page after sign-in'}`,
    );
    console.log(`   run  meaningful      FCP     page  first row   first-screen JS wire / unpacked`);
    // One load at full speed first, thrown away: the server packs each file once, and that is not the line's time.
    const warm = await browser.newContext(PHONE);
    await warm.addInitScript(keep, kept);
    await (await warm.newPage()).goto(`${url}/#/pages/notices/list/index`, { waitUntil: 'networkidle' });
    await warm.close();
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext(PHONE);
      await context.addInitScript(keep, kept);
      await context.addInitScript({ content: installMarks });
      const run = await coldLoad(await context.newPage(), url);
      await context.close();
      runs.push(run);
      const t = totals(run);
      console.log(
        `${String(i + 1).padStart(6)}  ${seconds(run.meaningful).padStart(8)} s ${seconds(run.fcp).padStart(6)} s ${seconds(run.page).padStart(6)} s ${seconds(run.firstRow).padStart(8)} s   ${kb(t.firstJsWire).padStart(7)} KB / ${kb(t.firstJsBody)} KB`,
      );
    }
    const median = (k: 'meaningful' | 'firstRow') =>
      pct(
        runs.map((r) => r[k]).sort((a, b) => a - b),
        0.5,
      );
    const last = runs[runs.length - 1];
    printFiles(last, url);
    const t = totals(last);
    console.log(
      `\nAll JS: ${kb(t.jsWire)} KB on the wire (${kb(t.jsBody)} KB unpacked); CSS: ${kb(t.cssWire)} KB (${kb(t.cssBody)} KB); everything: ${kb(t.allWire)} KB`,
    );
    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    console.log(
      `Median: meaningful ${seconds(median('meaningful'))} s (target ${seconds(TARGET.meaningfulMs)} s: ${verdict(median('meaningful') <= TARGET.meaningfulMs)}), first notice row ${seconds(median('firstRow'))} s (target ${seconds(TARGET.firstRowMs)} s: ${verdict(median('firstRow') <= TARGET.firstRowMs)}); first-screen JS ${kb(t.firstJsWire)} KB on the wire (target ${TARGET.firstScreenJsKB} KB: ${verdict(t.firstJsWire <= TARGET.firstScreenJsKB * 1024)})`,
    );
  } finally {
    await browser.close();
    await closeServer(server as Server);
    dynamo.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
