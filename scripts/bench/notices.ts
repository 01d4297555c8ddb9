import { performance } from 'node:perf_hooks';
import { arg, pct } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): 32 concurrent readers list a village's notices through
 * the HTTP API, then the same Query goes straight to DynamoDB Local in the same run.
 * Prints requests/s, p50/p99, their ratio, and the read capacity of one list call.
 *   npm run bench:notices -- [--seconds 10] [--concurrency 32]
 */
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 32);

interface Figures {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(call: () => Promise<boolean>): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (await call().catch(() => false)) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
  };
}

const row = (name: string, f: Figures) =>
  `${name.padEnd(22)} ${f.perSecond.toFixed(0).padStart(8)} req/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   (${f.requests} ok, ${f.errors} errors)`;

async function main() {
  const { township, gateway, stop } = await startBenchStack({ withNotices: true });
  const { dynamo: doc } = await import('../../src/functions/lib/db');
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { noticeListQuery } = await import('../../src/functions/notices/store');
  const village = township.villages[0];
  try {
    const headers = await gateway.signIn(village.residents[0]);
    const LIMIT = 20;

    // The very Query the list endpoint issues; one call first gives the capacity figure.
    const listQuery = noticeListQuery({ villageId: village.villageId, group: 'public', limit: LIMIT });
    const probe = await doc.send(new QueryCommand(listQuery));
    const apiFigures = await load(async () => {
      const r = await fetch(`${gateway.url}/notices?limit=${LIMIT}`, { headers });
      await r.arrayBuffer();
      return r.status === 200;
    });
    const directFigures = await load(async () => {
      const r = await doc.send(new QueryCommand(listQuery));
      return (r.Items?.length ?? 0) > 0;
    });
    console.log(
      `\nNotice list, ${LIMIT} per page, ${CONCURRENCY} concurrent readers, ${SECONDS} s each, DynamoDB Local`,
    );
    console.log(row('HTTP API (GET /notices)', apiFigures));
    console.log(row('Direct DynamoDB Query', directFigures));
    console.log(
      `Ratio API / direct: ${(apiFigures.perSecond / directFigures.perSecond).toFixed(2)} of the throughput, ${(apiFigures.p50 / directFigures.p50).toFixed(2)}x the median latency`,
    );
    console.log(
      `Consumed read capacity per list call: ${probe.ConsumedCapacity?.CapacityUnits ?? 'n/a'} RCU (${probe.Items?.length} items from index ${listQuery.IndexName})`,
    );
    console.log('Each API call also verifies the session and reads the caller from the roster (one GetItem).');
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
