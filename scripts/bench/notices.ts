import { performance } from 'node:perf_hooks';
import { arg, loadClient, pct } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): 32 concurrent readers list a village's notices through
 * the HTTP API, then the same Query goes straight to DynamoDB Local in the same run,
 * the two taking turns. Prints requests/s, p50/p99, their ratio, and the read capacity of one list call.
 *   npm run bench:notices -- [--seconds 5] [--rounds 5] [--concurrency 32]
 */
const SECONDS = arg('seconds', 5);
const ROUNDS = arg('rounds', 5);
const CONCURRENCY = arg('concurrency', 32);

interface Figures {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

interface Load {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** SECONDS of CONCURRENCY callers, added to what the side measured in earlier rounds. */
async function load(call: () => Promise<boolean>, into: Load) {
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        if (await call().catch(() => false)) into.latencies.push(performance.now() - t);
        else into.errors++;
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

function figures({ latencies, errors, seconds }: Load): Figures {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
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
    const call = loadClient(CONCURRENCY);
    const listThroughApi = async () =>
      (await call(`${gateway.url}/notices?limit=${LIMIT}`, { headers })).status === 200;
    const listDirectly = async () => {
      const r = await doc.send(new QueryCommand(listQuery));
      return (r.Items?.length ?? 0) > 0;
    };
    // Warm, as the direct side is by its probe: the gateway loads the function on its first call (bench:cold's figure).
    await listThroughApi();
    // The sides take turns (A B A B ...), so neither has DynamoDB Local's JIT warmer, or the machine quieter, than the other.
    const [api, direct]: Load[] = [0, 1].map(() => ({ latencies: [], errors: 0, seconds: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      await load(listThroughApi, api);
      await load(listDirectly, direct);
    }
    const [apiFigures, directFigures] = [figures(api), figures(direct)];
    console.log(
      `\nNotice list, ${LIMIT} per page, ${CONCURRENCY} concurrent readers, ${ROUNDS} turns of ${SECONDS} s each side, DynamoDB Local`,
    );
    console.log(row('HTTP API (GET /notices)', apiFigures));
    console.log(row('Direct DynamoDB Query', directFigures));
    console.log(
      `Ratio API / direct: ${(apiFigures.perSecond / directFigures.perSecond).toFixed(2)} of the throughput, ${(apiFigures.p50 / directFigures.p50).toFixed(2)}x the median latency`,
    );
    console.log(
      `Consumed read capacity per list call: ${probe.ConsumedCapacity?.CapacityUnits ?? 'n/a'} RCU (${probe.Items?.length} items from index ${listQuery.IndexName})`,
    );
    console.log(
      'Each API call also verifies the session (once per token and instance) and reads the caller from the roster (one GetItem, kept by the instance for CALLER_CACHE_SECONDS).',
    );
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
