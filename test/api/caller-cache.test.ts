import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import * as keys from '../../src/functions/lib/keys';
import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * The caller's roster item is kept by an instance for a few seconds, so reads
 * don't each begin with it (src/functions/lib/callers.ts). What must not lag:
 * a role ended or an account unbound through this instance refuses the next
 * request at once, read or write (test/api/bindings.test.ts); a change made by another instance (here
 * written to the table behind the API's back) refuses every write and every
 * read of the sensitive tier at once, and the remaining reads once the kept
 * copy is CALLER_CACHE_SECONDS old.
 */
const SECONDS = 2;
let api: TestApi;
let v: SeededVillage;
beforeAll(async () => {
  process.env.CALLER_CACHE_SECONDS = String(SECONDS);
  api = await startTestApi('apcache');
  v = api.township.villages[0];
});
afterAll(async () => {
  delete process.env.CALLER_CACHE_SECONDS;
  await api.stop();
});

/** Another instance's write: straight to the table, not through this process's client. */
const elsewhere = (p: SeededPerson, update: Parameters<ReturnType<typeof rawTable>['update']>[1]) =>
  rawTable().update(keys.person(p.tenantId, p.personId), update);
const onlyResident = async (p: SeededPerson) =>
  elsewhere(p, {
    UpdateExpression: 'SET #r = :r',
    ExpressionAttributeNames: { '#r': 'roles' },
    ExpressionAttributeValues: { ':r': [{ termId: 'r0', role: 'resident', from: '2000-01-01' }] },
  });
const waitOut = () => new Promise((r) => setTimeout(r, SECONDS * 1000 + 200));
const askCorrection = (c: Awaited<ReturnType<TestApi['as']>>) =>
  c.post('/me/data/corrections', { field: 'phone', text: '我的电话号码换了，请更正' });

it('an account unbound elsewhere: its writes are refused at once, its reads once the kept copy is old', async () => {
  const resident = await api.as(v.residents[5]);
  expect((await resident.get('/notices')).status).toBe(200);
  await elsewhere(v.residents[5], { UpdateExpression: 'REMOVE accountId' });
  expect((await askCorrection(resident)).status).toBe(401);
  await waitOut();
  expect((await resident.get('/notices')).status).toBe(401);
  expect((await resident.get('/me/data')).status).toBe(401);
});

it('a committee role ended elsewhere: the sensitive tier and the export are refused at once, lists once the copy is old', async () => {
  const member = v.committee[4];
  const reader = await api.as(member);
  const someone = v.residents[6].personId;
  const scope = `villageId=${v.villageId}`;
  expect((await reader.get(`/people/${someone}/sensitive?${scope}`)).status).toBe(200);
  expect((await reader.get(`/corrections?${scope}`)).status).toBe(200);
  await onlyResident(member);
  expect((await reader.get(`/people/${someone}/sensitive?${scope}`)).status).toBe(403);
  expect((await reader.get(`/roster-export?${scope}`)).status).toBe(403);
  await waitOut();
  expect((await reader.get(`/corrections?${scope}`)).status).toBe(403);
});
