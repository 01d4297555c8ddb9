import { performance } from 'node:perf_hooks';
import { arg, chairApi, importCrowd, loadClient, pct, timedPool } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): the whole village votes in the same few minutes of a
 * meeting. 2,000 voters cast their ballots through the HTTP API on the local
 * stack, with retries (the same Idempotency-Key resent) and duplicates (a second
 * ballot from someone who voted) mixed in; then the count is checked: 0 lost,
 * 0 doubled, tally exact. Then, in the same run, the vote's transaction alone
 * is issued for a second topic, and the same requests are made in-process for a
 * third (the caller's roster item read, then the use case: the same database
 * work, without HTTP or the session): the ratios to them are the figures.
 *   npm run bench:ballots -- [--voters 2000] [--concurrency 64]
 */
const VOTERS = arg('voters', 2000);
const CONCURRENCY = arg('concurrency', 64);
type Answer = { status: number; receipt?: string };

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
    /**
     * One voter's requests, as phones send them: the ballot; for one in ten the same request again (a lost
     * answer); for one in twenty a second ballot with another choice and key. Both sides send exactly these.
     */
    const asVoters = async (topicId: string, send: (i: number, key: string, choice: string) => Promise<Answer>) => {
      const seen = { requests: 0, counted: 0, sameReceiptRetries: 0, refusedDuplicates: 0, errors: 0 };
      const sendCounted = (i: number, key: string, choice: string) => {
        seen.requests++;
        return send(i, key, choice);
      };
      const timed = await timedPool(
        voters.map((_, i) => i),
        CONCURRENCY,
        async (i) => {
          const key = `bench-${i}-${topicId}`;
          const first = await sendCounted(i, key, choiceOf(i));
          if (first.status === 200) seen.counted++;
          else seen.errors++;
          if (i % 10 === 3) {
            const retry = await sendCounted(i, key, choiceOf(i));
            if (retry.status === 200 && retry.receipt === first.receipt) seen.sameReceiptRetries++;
            else seen.errors++;
          }
          if (i % 20 === 7) {
            if ((await sendCounted(i, `${key}-again`, 'oppose')).status === 409) seen.refusedDuplicates++;
            else seen.errors++;
          }
        },
      );
      return { ...seen, ...timed };
    };

    const latencies: number[] = [];
    const call = loadClient(CONCURRENCY);
    const viaApi = await asVoters(t.topicId, async (i, key, choice) => {
      const t0 = performance.now();
      const r = await call(`${gateway.url}/topics/${t.topicId}/ballots`, {
        method: 'POST',
        headers: { ...tokens[i], 'idempotency-key': key },
        body: JSON.stringify({ choices: [choice] }),
      });
      latencies.push(performance.now() - t0);
      return { status: r.status, receipt: r.json().receipt as string | undefined };
    });
    const { counted, seconds } = viaApi;
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

    // The same requests in this process, for a third topic: what the API does for each of them after HTTP and the
    // session, i.e. the caller's roster item read afresh (as for any write) and the use case (its reads of the
    // topic and the voter's entry, its transaction, and for a refusal the reads that answer it). The same
    // database work as the API's.
    const { castBallot } = await import('../../src/functions/topics/service');
    const { freshCaller } = await import('../../src/functions/lib/callers');
    const { toActor } = await import('../../src/functions/lib/actor');
    const { AppError } = await import('../../src/functions/lib/errors');
    const t3 = await topic('基准测试：直接调用投票用例');
    const useCase = await asVoters(t3.topicId, async (i, key, choice) => {
      const now = new Date();
      const person = await freshCaller(village.villageId, voters[i].personId);
      if (!person) return { status: 401 };
      try {
        const r = await castBallot(toActor(person, now), t3.topicId, [choice], key, now);
        return { status: 200, receipt: r.receipt };
      } catch (e) {
        return { status: e instanceof AppError ? e.status : 500 };
      }
    });

    // Ballots, not requests: the retries and second tries count no ballot, on either side.
    const perSecond = counted / seconds;
    const directPerSecond = direct.length / directSeconds;
    const useCasePerSecond = useCase.counted / useCase.seconds;
    console.log(
      `\nBallots through the HTTP API, ${tokens.length} voters (electorate ${t.electorate}), ${CONCURRENCY} at once, DynamoDB Local`,
    );
    console.log(
      `HTTP API:  ${counted} ballots (${viaApi.requests} requests) in ${seconds.toFixed(1)} s = ${perSecond.toFixed(0)} ballots/s, p50 ${pct(latencies, 0.5).toFixed(0)} ms, p99 ${pct(latencies, 0.99).toFixed(0)} ms`,
    );
    console.log(
      `In-process: ${useCase.counted} ballots (${useCase.requests} requests) in ${useCase.seconds.toFixed(1)} s = ${useCasePerSecond.toFixed(0)} ballots/s (the caller read afresh, then castBallot; retries answered with the same receipt ${useCase.sameReceiptRetries}, duplicates refused ${useCase.refusedDuplicates}, unexpected ${useCase.errors})`,
    );
    console.log(
      `Direct:    ${direct.length} ballots in ${directSeconds.toFixed(1)} s = ${directPerSecond.toFixed(0)} ballots/s, p50 ${pct(direct, 0.5).toFixed(0)} ms, p99 ${pct(direct, 0.99).toFixed(0)} ms (the vote's transaction alone)`,
    );
    console.log(
      `Ratio API / the same requests' database work in-process (ballots/s): ${(perSecond / useCasePerSecond).toFixed(2)}; API / the transaction alone: ${(perSecond / directPerSecond).toFixed(2)}`,
    );
    console.log(
      `Checks: counted ${counted}, lost ${lost}, doubled ${result.participants - counted}, retries answered with the same receipt ${viaApi.sameReceiptRetries}, duplicates refused ${viaApi.refusedDuplicates}, unexpected answers ${viaApi.errors}, tally exact: ${tallyExact ? 'yes' : 'NO'} (${JSON.stringify(expected)})`,
    );
    if (lost || result.participants !== counted || !tallyExact || viaApi.errors || useCase.errors) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
