import { commandsOf, countCalls } from './capacity';
import { arg, chairApi, pct, pool } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): what the township's table of its villages (GET /township/villages)
 * costs in DynamoDB and in time, for a township of 50 villages, and again after one village
 * has gained a few hundred cases. Each village's summary item is worked out as the events
 * consumer would (township/summary.ts); the page reads them all with one Query. The API is
 * served in this process, whose DynamoDB client counts its calls and asks each for its
 * ConsumedCapacity; latency is over --requests sequential requests after a warm-up.
 *   npx tsx scripts/bench/township.ts -- [--villages 50] [--cases 300] [--requests 50]
 */
const VILLAGES = arg('villages', 50);
const CASES = arg('cases', 300);
const REQUESTS = arg('requests', 50);

async function main() {
  const { township, gateway, stop } = await startBenchStack({ withNotices: true });
  const { dynamo } = await import('../../src/functions/lib/db');
  const { putAll } = await import('../../src/functions/lib/batch');
  const { startHttpServer } = await import('../local/http-server');
  const { villageItems, getVillage } = await import('../../src/functions/villages/store');
  const { defaultVillageSettings } = await import('../../src/shared/schemas/settings');
  const { allParts, refreshVillageSummary } = await import('../../src/functions/township/summary');

  const counter = countCalls(dynamo);
  const inProcess = await startHttpServer({ port: 0 });

  try {
    // The seeded township has two villages; the rest are added as villages of their own, each with its summary.
    const added = Array.from({ length: Math.max(0, VILLAGES - 2) }, (_, i) => ({
      villageId: `bench-X${String(i + 3).padStart(2, '0')}`,
      townshipId: township.townshipId,
      name: `基准第${i + 3}村`,
      kind: 'village' as const,
      settings: defaultVillageSettings(),
      groups: ['第一村民小组'],
    }));
    await putAll(
      added.flatMap((v) => villageItems(v)),
      8,
    );
    const now = new Date();
    const refreshAll = async () => {
      for (const v of [...township.villages.map((s) => s.villageId), ...added.map((a) => a.villageId)]) {
        const village = await getVillage(v);
        if (village) await refreshVillageSummary(village, allParts, now, now.toISOString());
      }
    };
    await refreshAll();

    const headers = await gateway.signIn(township.staff);
    const measure = async () => {
      const ask = async () => {
        const started = performance.now();
        const r = await fetch(`${inProcess.url}/township/villages?sort=casesOverdue`, { headers });
        const body = (await r.json()) as { items: unknown[] };
        if (r.status !== 200) throw new Error(`table: ${r.status} ${JSON.stringify(body)}`);
        return { ms: performance.now() - started, rows: body.items.length };
      };
      await ask(); // warm: the handler's module and the caller's first reads
      counter.reset();
      const { rows } = await ask();
      const one = counter.taken();
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push((await ask()).ms);
      times.sort((a, b) => a - b);
      return {
        rows,
        reads: `${one.calls} calls (${commandsOf(one)}), ${one.rcu.toFixed(1)} RCU`,
        latency: `p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms`,
      };
    };
    const before = await measure();

    // One village gains CASES suggestions, from as many residents as their daily allowance asks.
    const village = township.villages[0];
    const api = await chairApi(gateway, village.chair);
    const authors = await Promise.all(
      village.residents.slice(0, Math.ceil(CASES / 10)).map(async (p) => ({
        ...(await gateway.signIn(p)),
        'content-type': 'application/json',
      })),
    );
    await pool(
      Array.from({ length: CASES }, (_, i) => i),
      8,
      async (i) => {
        const r = await api(
          'POST',
          '/cases',
          { kind: 'suggestion', categoryId: 'roads', text: `基准测试第 ${i + 1} 条：村道有坑，雨天积水，建议修补。` },
          authors[i % authors.length],
        );
        if (r.status !== 201) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
      },
    );
    await refreshAll(); // what the events consumer does after each of them
    const after = await measure();

    const rows = [
      ['', `${before.rows} villages`, `${after.rows} villages, +${CASES} cases in one`],
      ['reads per request', before.reads, after.reads],
      [`latency (${REQUESTS} requests)`, before.latency, after.latency],
    ];
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)) + 2);
    console.log('\nGET /township/villages (township staff)');
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join(''));
  } finally {
    inProcess.server.close();
    stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
