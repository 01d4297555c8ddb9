import { performance } from 'node:perf_hooks';
import { actorsOf, arg, chairApi, importCrowd, type Json, pct, pool, timedPool } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): the whole village votes in the same few minutes of a
 * meeting. 2,000 voters cast their ballots through the HTTP API on the local
 * stack, with retries (the same Idempotency-Key resent) and duplicates (a second
 * ballot from someone who voted) mixed in; then the count is checked: 0 lost,
 * 0 doubled, tally exact. Then, in the same run, the vote's transaction alone is
 * issued for a second topic, and the use case is called in-process for a third
 * (its reads and its transaction, no HTTP): the ratios to them are the figures.
 *   npm run bench:ballots -- [--voters 2000] [--concurrency 64]
 */
const VOTERS = arg('voters', 2000);
const CONCURRENCY = arg('concurrency', 64);

async function main() {
  const { township, gateway, stop } = await startBenchStack({ withNotices: false });
  try {
    const village = township.villages[0];
    const api = await chairApi(gateway, village.chair);
    // The voters: adults imported from a register (names 投票人…), each signed in through the demo sign-in.
    const voters = await importCrowd(gateway, api, village.villageId, {
      people: VOTERS,
      name: '投票人',
      household: 'V',
      region: '3301',
    });
    const tokens = voters.map((v) => v.headers);

    const topic = async (title: string) => {
      const created = await api('POST', '/topics', {
        title,
        background: '基准测试：全村在会场上同时投票。',
        body: 'villagers_meeting',
        kind: 'motion',
        secret: true,
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      const opened = await api('POST', `/topics/${created.body.topicId}/open`);
      if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      // Opening hands the electorate to the events queue, which this stack does not run: frozen here, as the
      // queue's consumer would, before the clock starts.
      const { freezeElectorate } = await import('../../src/functions/topics/service');
      await freezeElectorate(village.villageId, String(created.body.topicId), new Date());
      return (await api('GET', `/topics/${created.body.topicId}`)).body as { topicId: string; electorate: number };
    };
    const t = await topic('基准测试：通过 HTTP 投票');

    // Each voter's choice is known in advance, so the tally can be checked exactly.
    const choiceOf = (i: number) => (i % 10 < 6 ? 'approve' : i % 10 < 9 ? 'oppose' : 'abstain');
    const latencies: number[] = [];
    let counted = 0;
    let refusedDuplicates = 0;
    let sameReceiptRetries = 0;
    let errors = 0;
    const started = performance.now();
    await pool(
      tokens.map((headers, i) => ({ headers, i })),
      CONCURRENCY,
      async ({ headers, i }) => {
        const key = `bench-${i}-${t.topicId}`;
        const cast = async (k: string, choice = choiceOf(i)) => {
          const t0 = performance.now();
          const r = await fetch(`${gateway.url}/topics/${t.topicId}/ballots`, {
            method: 'POST',
            headers: { ...headers, 'idempotency-key': k },
            body: JSON.stringify({ choices: [choice] }),
          });
          latencies.push(performance.now() - t0);
          return { status: r.status, body: (await r.json()) as Json };
        };
        const first = await cast(key);
        if (first.status === 200) counted++;
        else errors++;
        if (i % 10 === 3) {
          // A phone that lost the answer and sends the same request again.
          const retry = await cast(key);
          if (retry.status === 200 && retry.body.receipt === first.body.receipt) sameReceiptRetries++;
          else errors++;
        }
        if (i % 20 === 7) {
          // Someone trying to vote twice, with another choice.
          const twice = await cast(`${key}-again`, 'oppose');
          if (twice.status === 409) refusedDuplicates++;
          else errors++;
        }
      },
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const closed = await api('POST', `/topics/${t.topicId}/close`, { reason: '基准测试结束' });
    if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
    const result = closed.body.result as { participants: number; tallies: { optionId: string; votes: number }[] };
    const expected = { approve: 0, oppose: 0, abstain: 0 } as Record<string, number>;
    for (let i = 0; i < tokens.length; i++) expected[choiceOf(i)]++;
    const tallyExact = result.tallies.every((x) => x.votes === expected[x.optionId]);
    const lost = tokens.length - result.participants;

    // The same transactions straight to DynamoDB, for a second topic, in this run.
    const { getTopic, cast: castDirect } = await import('../../src/functions/topics/store');
    const t2 = await topic('基准测试：直接写入数据库');
    const record = await getTopic(village.villageId, t2.topicId);
    if (!record) throw new Error('topic missing');
    const { seconds: directSeconds, latencies: direct } = await timedPool(
      voters.map((v, i) => ({ v, i })),
      CONCURRENCY,
      async ({ v, i }) => {
        await castDirect(
          record,
          { voterKey: v.personId, castBy: v.personId, name: `投票人${i}` },
          'app',
          `direct-${i}`,
          { choices: [choiceOf(i)] },
          new Date(),
        );
      },
    );

    // The use case itself in this process, for a third topic: the reads it makes (village, topic, the voter's
    // entry) and its transaction, without HTTP, the session or the caller's roster item. The same database work as
    // the API's; the transaction alone (above) is less.
    const { castBallot } = await import('../../src/functions/topics/service');
    const t3 = await topic('基准测试：直接调用投票用例');
    const actors = await actorsOf(village.villageId, voters);
    let useCaseRefused = 0;
    const useCase = await timedPool(
      actors.map((actor, i) => ({ actor, i })),
      CONCURRENCY,
      async ({ actor, i }) => {
        const key = `usecase-${i}-${t3.topicId}`;
        await castBallot(actor, t3.topicId, [choiceOf(i)], key, new Date()).catch(() => useCaseRefused++);
      },
    );

    // Ballots, not requests: the retries and second tries the API also answered count no ballot.
    const perSecond = counted / seconds;
    const directPerSecond = direct.length / directSeconds;
    const useCasePerSecond = (actors.length - useCaseRefused) / useCase.seconds;
    console.log(
      `\nBallots through the HTTP API, ${tokens.length} voters (electorate ${t.electorate}), ${CONCURRENCY} at once, DynamoDB Local`,
    );
    console.log(
      `HTTP API:  ${counted} ballots (${latencies.length} requests) in ${seconds.toFixed(1)} s = ${perSecond.toFixed(0)} ballots/s, p50 ${pct(latencies, 0.5).toFixed(0)} ms, p99 ${pct(latencies, 0.99).toFixed(0)} ms`,
    );
    console.log(
      `Direct:    ${direct.length} ballots in ${directSeconds.toFixed(1)} s = ${directPerSecond.toFixed(0)} ballots/s, p50 ${pct(direct, 0.5).toFixed(0)} ms, p99 ${pct(direct, 0.99).toFixed(0)} ms`,
    );
    console.log(
      `Use case:  ${actors.length - useCaseRefused} ballots in ${useCase.seconds.toFixed(1)} s = ${useCasePerSecond.toFixed(0)} ballots/s, p50 ${pct(useCase.latencies, 0.5).toFixed(0)} ms, p99 ${pct(useCase.latencies, 0.99).toFixed(0)} ms (castBallot called in-process; refused ${useCaseRefused})`,
    );
    console.log(
      `Ratio API / the use case's database work issued directly (ballots/s): ${(perSecond / useCasePerSecond).toFixed(2)}; API / the transaction alone: ${(perSecond / directPerSecond).toFixed(2)}`,
    );
    console.log(
      `Checks: counted ${counted}, lost ${lost}, doubled ${result.participants - counted}, retries answered with the same receipt ${sameReceiptRetries}, duplicates refused ${refusedDuplicates}, unexpected answers ${errors}, tally exact: ${tallyExact ? 'yes' : 'NO'} (${JSON.stringify(expected)})`,
    );
    if (lost || result.participants !== counted || !tallyExact || errors || useCaseRefused) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
