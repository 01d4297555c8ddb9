import '../helpers/debug-logs';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { logger } from '../../src/functions/lib/log';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * Logs: each line a handler writes carries its request id (the one a 500 shows the
 * person), and none holds personal data. The flows that handle ID numbers and phones
 * run here with every level logged and the process's output captured; then the
 * output is searched for every seeded ID number and phone.
 */
let api: TestApi;
let v: SeededVillage;
const captured: string[] = [];
/** Powertools writes through a Console of its own (stdout in Lambda, which CloudWatch keeps): its lines are read there. */
const sink = (logger as unknown as { console: Console }).console;
const originals = { ...sink };
beforeAll(async () => {
  api = await startTestApi('aplogs');
  v = api.township.villages[0];
  for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const)
    sink[level] = (...args: unknown[]) => {
      captured.push(args.map(String).join(' '));
    };
});
afterAll(async () => {
  Object.assign(sink, originals);
  await api.stop();
});

/** Each call of the sink is one log line (JSON, as CloudWatch receives it). */
const lines = () => captured.map((l) => JSON.parse(l) as Record<string, unknown>);

it('gives each line a handler logs the request id the caller was shown', async () => {
  const refused = await api.anonymous.get('/me');
  expect(refused.status).toBe(401);
  const line = lines().find((l) => l.function_request_id === refused.body.error.requestId);
  expect(line).toMatchObject({ message: 'served', route: 'GET /me', status: 401 });
  expect((await (await api.as(v.residents[0])).get('/me')).status).toBe(200);
  expect(lines().length).toBeGreaterThanOrEqual(2);
  for (const l of lines()) expect(l.function_request_id).toEqual(expect.any(String));
});

it('writes no seeded ID number or phone, through sign-in, claims, the register and cases', async () => {
  const people: SeededPerson[] = [v.chair, ...v.committee, ...v.representatives, ...v.residents, ...v.gridWorkers];
  const chair = await api.as(v.chair);
  // The register: the sensitive tier read whole, a change, and a bad request carrying a phone.
  for (const p of people.slice(0, 5)) expect((await chair.get(`/people/${p.personId}/sensitive`)).status).toBe(200);
  const third = people[2];
  expect(
    (
      await chair.post('/people', {
        name: '重复',
        groupName: '第二村民小组',
        householdId: 'LG1',
        relation: '户主',
        idNumber: third.idNumber,
      })
    ).status,
  ).toBeGreaterThanOrEqual(400);
  expect((await chair.post('/people', { name: '坏号码', idNumber: `${third.phone}x` })).status).toBe(400);
  // Binding: a claim that matches and one that does not, each typing an ID's tail and a phone.
  const claimant = v.residents.find((p) => p.idNumber && p.phone) as SeededPerson;
  const account = await api.wechat();
  for (const phone of [claimant.phone, '13000000000'])
    await account.post('/bindings/claims', {
      villageId: v.villageId,
      name: claimant.name,
      idTail: claimant.idNumber?.slice(-4),
      phone,
    });
  // A case with a contact phone, and the events it sends to the inboxes.
  const resident = await api.as(v.residents[3]);
  const filed = await resident.post(
    '/cases',
    {
      kind: 'petition',
      categoryId: 'water',
      text: '自来水连续三天没有水，家里老人用水困难。',
      contactPhone: v.residents[3].phone,
    },
    { 'idempotency-key': 'logs-case-0001' },
  );
  expect(filed.status).toBe(201);
  await chair.get(`/cases/${filed.body.caseId}`);
  await api.events.settle();

  const output = captured.join('');
  expect(output.length).toBeGreaterThan(0);
  const secrets = api.township.villages
    .flatMap((village) => [village.chair, ...village.committee, ...village.representatives, ...village.residents])
    .flatMap((p) => [p.idNumber, p.phone])
    .filter((x): x is string => Boolean(x));
  expect(secrets.length).toBeGreaterThan(20);
  expect(secrets.filter((s) => output.includes(s))).toEqual([]);
});
