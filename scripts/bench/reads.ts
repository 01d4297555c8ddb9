import { commandsOf, countCalls } from './capacity';
import { arg, chairApi, importCrowd, type Json, pool } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): what one page costs in DynamoDB, in a village as seeded
 * (~150 people) and in the same village once its register has grown to 5,000
 * (imported as a register would be), and what a search of the roster or of notice
 * titles costs. The same 20 public suggestions (each seconded
 * twice) serve both; each round opens a villagers' meeting vote on the whole roster
 * with three ballots in. Each page is asked of an API served in this process, whose
 * DynamoDB client counts its calls and adds ReturnConsumedCapacity to each; the
 * figures (after one warm-up request) must be the same for both sizes.
 *   npx tsx scripts/bench/reads.ts -- [--people 5000]
 */
const PEOPLE = arg('people', 5000);
const SUGGESTIONS = 20;

async function main() {
  const { township, gateway, stop } = await startBenchStack({ withNotices: true });
  const { dynamo } = await import('../../src/functions/lib/db');
  const { startHttpServer } = await import('../local/http-server');
  const { getPerson } = await import('../../src/functions/people/store');
  const { toActor } = await import('../../src/functions/lib/actor');
  const topics = await import('../../src/functions/topics/service');

  const counter = countCalls(dynamo);
  const inProcess = await startHttpServer({ port: 0 });

  try {
    // One village, measured as seeded (~150 people) and again once the register has grown to 5,000.
    const village = township.villages[0];
    const api = await chairApi(gateway, village.chair);
    const peopleIn = async () =>
      ((await api('GET', '/roster-summary')).body.villages as { people: number }[])[0].people;
    // The same 20 public suggestions for both, each seconded by two residents; written by four others, since a
    // person may submit 10 a day.
    const authors = await Promise.all(
      village.residents
        .slice(2, 6)
        .map(async (p) => ({ ...(await gateway.signIn(p)), 'content-type': 'application/json' })),
    );
    const caseIds: string[] = [];
    for (let i = 0; i < SUGGESTIONS; i++) {
      const r = await api(
        'POST',
        '/cases',
        {
          kind: 'suggestion',
          categoryId: 'roads',
          text: `基准测试第 ${i + 1} 条：村口的路灯坏了好几盏，晚上出门看不清路，建议尽快修好。`,
        },
        authors[i % authors.length],
      );
      if (r.status !== 201) throw new Error(`suggestion: ${r.status} ${JSON.stringify(r.body)}`);
      caseIds.push(String(r.body.caseId));
    }
    const seconders = await Promise.all(
      village.residents
        .slice(0, 2)
        .map(async (p) => ({ ...(await gateway.signIn(p)), 'content-type': 'application/json' })),
    );
    await pool(
      caseIds.flatMap((id) => seconders.map((h) => ({ id, h }))),
      8,
      async ({ id, h }) => {
        const r = await api('POST', `/cases/${id}/second`, undefined, h);
        if (r.status !== 200) throw new Error(`second: ${r.status} ${JSON.stringify(r.body)}`);
      },
    );

    // What the searches look for: the chair's surname, whole name and household, and a word in the middle of a notice's title.
    const chairName = village.chair.name;
    const household = String((await api('GET', `/people/${village.chair.personId}`)).body.householdId);
    const title = String(((await api('GET', '/notices?limit=1')).body.items as { title: string }[])[0].title);
    const word = Array.from(title).slice(2, 4).join('');
    const measure: Record<string, string>[] = [];
    const sizes: number[] = [];
    for (const round of [0, 1]) {
      if (round === 1) {
        const started = Date.now();
        const added = Math.max(0, PEOPLE - (await peopleIn()));
        await importCrowd(gateway, api, village.villageId, {
          people: added,
          name: '读者',
          household: 'R',
          region: '3303',
        });
        console.log(`imported ${added} people in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
      // A villagers' meeting vote on the whole roster, open, three ballots in (the electorate frozen here, as the seed does).
      const chairPerson = await getPerson(village.villageId, village.chair.personId);
      if (!chairPerson) throw new Error('no chair');
      const now = new Date();
      const chair = toActor(chairPerson, now);
      const topic = await topics.createTopic(
        chair,
        {
          title: '基准测试：全村表决',
          background: '基准测试：参与情况每 10 秒刷新一次，名单再大也只读几条。',
          body: 'villagers_meeting',
          perHousehold: false,
          kind: 'motion',
          options: [],
          secret: true,
          closesAt: new Date(now.getTime() + 3_600_000).toISOString(),
        },
        undefined,
        now,
      );
      await topics.openVoting(chair, topic.topicId, now);
      await topics.freezeElectorate(village.villageId, topic.topicId, now);
      for (const p of village.residents.slice(0, 3)) {
        const person = await getPerson(village.villageId, p.personId);
        if (person) await topics.castBallot(toActor(person, now), topic.topicId, ['approve'], undefined, now);
      }
      sizes.push(await peopleIn());

      const headers = { ...(await gateway.signIn(village.chair)) };
      const page = async (path: string) => {
        const ask = () => fetch(`${inProcess.url}${path}`, { headers }).then(async (r) => [r.status, await r.json()]);
        await ask(); // warm: the handler's module and the caller's first reads
        counter.reset();
        const [status, body] = (await ask()) as [number, Json];
        if (status !== 200) throw new Error(`${path}: ${status} ${JSON.stringify(body)}`);
        const cost = counter.taken();
        return `${cost.calls} calls, ${cost.rcu.toFixed(1)} RCU (${commandsOf(cost)})`;
      };
      measure.push({
        [`case list (public, ${SUGGESTIONS})`]: await page(`/cases?view=public&limit=${SUGGESTIONS}`),
        'roster page (limit 20)': await page('/people?limit=20'),
        'turnout (whole roster votes)': await page(`/topics/${topic.topicId}/turnout`),
        'case dashboard': await page('/cases/dashboard'),
        'notice list (limit 20)': await page('/notices?limit=20'),
        [`roster search, surname ${Array.from(chairName)[0]}`]: await page(
          `/people?q=${encodeURIComponent(Array.from(chairName)[0])}&limit=20`,
        ),
        [`roster search, name ${chairName}`]: await page(`/people?q=${encodeURIComponent(chairName)}&limit=20`),
        [`roster search, household ${household}`]: await page(`/people?q=${encodeURIComponent(household)}&limit=20`),
        [`notice title search, ${word}`]: await page(`/notices?q=${encodeURIComponent(word)}&limit=20`),
      });
    }
    const labels = Object.keys(measure[0]);
    const width = Math.max(...labels.map((l) => l.length)) + 2;
    const col = Math.max(...measure.flatMap((m) => Object.values(m).map((v) => v.length))) + 2;
    console.log(`\n${'page'.padEnd(width)}${`village of ${sizes[0]}`.padEnd(col)}village of ${sizes[1]}`);
    for (const [i, label] of labels.entries()) {
      const [a, b] = measure.map((m) => Object.values(m)[i]);
      console.log(`${label.padEnd(width)}${a.padEnd(col)}${b}${a === b ? '' : '   <- differs'}`);
    }
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
