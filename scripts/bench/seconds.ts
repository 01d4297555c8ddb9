import { performance } from 'node:perf_hooks';
import { arg, chairApi, importCrowd, loadClient, pct, timedPool } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): a suggestion goes round the village and 1,000 residents
 * second it (附议) within the same half minute. Each resident seconds once through
 * the HTTP API on the local stack, with repeats mixed in (the same person again,
 * after the answer or at the very same moment: a repeat is answered as the first was,
 * 200 with the case as it stands, and counts once); then
 * the count is checked against the markers in DynamoDB: 0 lost, 0 doubled, count
 * exact, all within 30 s. Then, in the same run, the 附议 transaction alone is issued
 * for a second suggestion, and the same requests (repeats included) are made in-process
 * for a third: the caller's roster item read afresh as the API does for a write, then
 * the use case (its reads, its transaction and its count, no HTTP): the ratios to them
 * are the figures.
 *   npm run bench:seconds -- [--residents 1000] [--concurrency 64]
 */
const RESIDENTS = arg('residents', 1000);
const CONCURRENCY = arg('concurrency', 64);
const GOAL_SECONDS = 30;

const ms = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(0)} ms, p95 ${pct(xs, 0.95).toFixed(0)} ms, p99 ${pct(xs, 0.99).toFixed(0)} ms`;

async function main() {
  const setupStarted = performance.now();
  const { township, gateway, stop } = await startBenchStack({ withNotices: false });
  try {
    const village = township.villages[0];
    const api = await chairApi(gateway, village.chair);
    // The residents: adults imported from a register (names 附议人…), each signed in through the demo sign-in.
    const signedIn = await importCrowd(gateway, api, village.villageId, {
      people: RESIDENTS,
      name: '附议人',
      household: 'S',
      region: '3302',
    });

    // A public suggestion by the chair: everyone else may second it.
    const suggestion = async (text: string) => {
      const created = await api('POST', '/cases', { kind: 'suggestion', categoryId: 'roads', text });
      if (created.status !== 201 && created.status !== 200)
        throw new Error(`suggestion not created: ${JSON.stringify(created.body)}`);
      return created.body.caseId as string;
    };
    const caseId = await suggestion('基准测试：村口到小学的路太窄，建议拓宽并装上路灯。');

    const setupSeconds = (performance.now() - setupStarted) / 1000;

    /**
     * The residents' requests, the same through the API and in-process: each seconds once, with
     * repeats mixed in: the same person twice at the very same moment (a double tap on two phones:
     * both answered, one marker), and someone seconding again after the answer came (told what
     * stands, still counted once).
     */
    const asResidents = async (send: (i: number) => Promise<number>) => {
      const seen = { counted: 0, repeatsAnswered: 0, racedPairs: 0, errors: 0, latencies: [] as number[] };
      const timedSend = async (i: number) => {
        const t0 = performance.now();
        const status = await send(i);
        seen.latencies.push(performance.now() - t0);
        return status;
      };
      const { seconds } = await timedPool(
        signedIn.map((_, i) => i),
        CONCURRENCY,
        async (i) => {
          if (i % 40 === 27) {
            const both = await Promise.all([timedSend(i), timedSend(i)]);
            if (both.every((status) => status === 200)) {
              seen.counted++;
              seen.repeatsAnswered++;
              seen.racedPairs++;
            } else seen.errors++;
            return;
          }
          if ((await timedSend(i)) === 200) seen.counted++;
          else seen.errors++;
          if (i % 40 === 7) {
            if ((await timedSend(i)) === 200) seen.repeatsAnswered++;
            else seen.errors++;
          }
        },
      );
      seen.latencies.sort((a, b) => a - b);
      return { ...seen, seconds };
    };

    let highestSeen = 0;
    const unexpected: string[] = [];
    const call = loadClient(CONCURRENCY);
    const viaApi = await asResidents(async (i) => {
      const r = await call(`${gateway.url}/cases/${caseId}/second`, { method: 'POST', headers: signedIn[i].headers });
      const body = r.json();
      if (r.status === 200) highestSeen = Math.max(highestSeen, Number(body.seconds));
      else if (unexpected.length < 5) unexpected.push(`${r.status} ${JSON.stringify(body)}`);
      return r.status;
    });
    const { counted, repeatsAnswered, racedPairs, errors, latencies, seconds } = viaApi;

    // The author may not second their own suggestion.
    const own = await api('POST', `/cases/${caseId}/second`);
    const authorRefused = own.status === 409;

    // The count as the API shows it, and independently: the markers and the shards in the case's partition.
    const shown = Number((await api('GET', `/cases/${caseId}`)).body.seconds);
    const { dynamo } = await import('../../src/functions/lib/db');
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const tableName = process.env.TABLE_NAME;
    const partition = (id: string) => `TN#${village.villageId}#C#${id}`;
    const inDatabase = async (id: string) => {
      let markers = 0;
      let shardSum = 0;
      let shards = 0;
      for (const prefix of ['SECOND#', 'SHARD#']) {
        let start: Record<string, unknown> | undefined;
        do {
          const r = await dynamo.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
              ExpressionAttributeValues: { ':pk': partition(id), ':prefix': prefix },
              ConsistentRead: true,
              ExclusiveStartKey: start,
            }),
          );
          if (prefix === 'SECOND#') markers += r.Count ?? 0;
          else {
            shards += r.Count ?? 0;
            for (const item of r.Items ?? []) shardSum += Number(item.seconds ?? 0);
          }
          start = r.LastEvaluatedKey;
        } while (start);
      }
      return { markers, shardSum, shards };
    };
    const db = await inDatabase(caseId);
    const lost = signedIn.length - db.markers;
    const doubled = db.shardSum - db.markers;
    const exact = shown === signedIn.length && db.shardSum === signedIn.length && db.markers === signedIn.length;

    // The same transaction straight to DynamoDB, for a second suggestion, in this run.
    const store = await import('../../src/functions/cases/store');
    const caseId2 = await suggestion('基准测试：直接写入数据库，建议在村委会门口加装宣传栏。');
    const record = await store.getCase(village.villageId, caseId2);
    if (!record) throw new Error('suggestion missing');
    let directCounted = 0;
    let directErrors = 0;
    const { seconds: directSeconds, latencies: direct } = await timedPool(
      signedIn,
      CONCURRENCY,
      async ({ personId }) => {
        const outcome = await store.second(record, personId, new Date().toISOString()).catch(() => 'error');
        if (outcome === 'counted') directCounted++;
        else directErrors++;
      },
    );
    const db2 = await inDatabase(caseId2);

    // The use case itself in this process, for a third suggestion, with the same requests: each reads the
    // caller's roster item afresh, as the API does for a write, then seconds (its reads, its transaction and
    // the count it answers with), without HTTP or the session.
    const support = await import('../../src/functions/cases/support');
    const { freshCaller } = await import('../../src/functions/lib/callers');
    const { toActor } = await import('../../src/functions/lib/actor');
    const caseId3 = await suggestion('基准测试：直接调用附议用例，建议在村口设置减速带。');
    const useCase = await asResidents(async (i) => {
      const now = new Date();
      const person = await freshCaller(village.villageId, signedIn[i].personId);
      if (!person) return 401;
      return support
        .second(toActor(person, now), { caseId: caseId3, villageId: village.villageId }, now)
        .then(() => 200)
        .catch(() => 409);
    });
    const db3 = await inDatabase(caseId3);
    const useCasePerSecond = db3.markers / useCase.seconds;

    // 附议 counted (one marker per resident), not requests: the repeats the API also answered count none.
    const requestsPerSecond = latencies.length / seconds;
    const perSecond = db.markers / seconds;
    const directPerSecond = directCounted / directSeconds;
    console.log(
      `\n附议 (seconding) one suggestion through the HTTP API, ${signedIn.length} residents, ${CONCURRENCY} at once, DynamoDB Local`,
    );
    console.log(
      `HTTP API:  ${latencies.length} requests in ${seconds.toFixed(1)} s = ${requestsPerSecond.toFixed(0)} requests/s, ${perSecond.toFixed(0)} 附议 counted/s, ${ms(latencies)}`,
    );
    console.log(
      `Direct:    ${direct.length} transactions in ${directSeconds.toFixed(1)} s = ${directPerSecond.toFixed(0)} 附议 counted/s, ${ms(direct)} (counted ${directCounted}, errors ${directErrors}; markers ${db2.markers}, shard sum ${db2.shardSum})`,
    );
    console.log(
      `Use case:  ${useCase.latencies.length} calls in ${useCase.seconds.toFixed(1)} s = ${useCasePerSecond.toFixed(0)} 附议 counted/s, ${ms(useCase.latencies)} (the same requests: caller read, support.second, in-process; repeats answered ${useCase.repeatsAnswered}, refused ${useCase.errors}, markers ${db3.markers})`,
    );
    console.log(
      `Ratio API / the use case's database work issued directly (附议 counted/s): ${(perSecond / useCasePerSecond).toFixed(2)}; API / the transaction alone: ${(perSecond / directPerSecond).toFixed(2)}`,
    );
    console.log(
      `Time: ${signedIn.length} residents seconded in ${seconds.toFixed(1)} s (goal: within ${GOAL_SECONDS} s): ${seconds <= GOAL_SECONDS ? 'met' : 'MISSED'}; setup before the clock (stack, register import, sign-ins) ${setupSeconds.toFixed(1)} s`,
    );
    console.log(
      `Checks: ${lost} lost, ${doubled} doubled; counted ${counted}, API shows ${shown}, markers ${db.markers}, shard sum ${db.shardSum} over ${db.shards} shards, highest count in an answer ${highestSeen}, repeats answered as the first ${repeatsAnswered} (of them ${racedPairs} simultaneous pairs), author refused: ${authorRefused ? 'yes' : 'NO'}, unexpected answers ${errors}, count exact: ${exact ? 'yes' : 'NO'}`,
    );
    if (unexpected.length) console.log(`First unexpected answers: ${unexpected.join(' | ')}`);
    const directExact =
      directCounted === signedIn.length &&
      db2.markers === db2.shardSum &&
      !directErrors &&
      !useCase.errors &&
      db3.markers === signedIn.length;
    if (lost || doubled || !exact || errors || !authorRefused || !directExact || seconds > GOAL_SECONDS)
      process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
