import type { SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, startTestApi, type TestApi } from '../helpers/api';

/**
 * Per-person limits on writes (VillageSettings.writeLimits): past the village's
 * number of cases a day or questions an hour, a 429 in the app's error shape with a
 * Chinese message and a Retry-After, nothing written; a retry of an accepted write
 * still answers as before, and a neighbour is not held back.
 */
let api: TestApi;
let v: SeededVillage;
let chair: ApiClient;
beforeAll(async () => {
  api = await startTestApi('aplimit');
  v = api.township.villages[0];
  chair = await api.as(v.chair);
  const current = (await chair.get('/village-settings')).body.settings;
  expect(current.writeLimits).toEqual({ casesPerDay: 10, questionsPerHour: 20 });
  const set = await chair.put('/village-settings', {
    ...current,
    writeLimits: { casesPerDay: 2, questionsPerHour: 1 },
  });
  expect(set.status).toBe(200);
});
afterAll(() => api.stop());

const suggestion = { kind: 'suggestion', categoryId: 'roads', text: '三组到村口的路灯坏了三盏，晚上老人出门不安全。' };
/** The raw answer, for its headers. */
const send = (client: ApiClient, path: string, body: unknown, key?: string) =>
  fetch(client.base + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${client.token}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
const mine = async (client: ApiClient) => (await client.get('/me/submissions')).body;

it('refuses a third case in a day with a 429, a Chinese message and Retry-After, writing nothing', async () => {
  const resident = await api.as(v.residents[0]);
  const first = await send(resident, '/cases', suggestion, 'limit-case-1');
  expect(first.status).toBe(201);
  expect((await send(resident, '/cases', suggestion, 'limit-case-2')).status).toBe(201);
  // A retry of an accepted case is its answer again, not another case.
  expect((await send(resident, '/cases', suggestion, 'limit-case-1')).status).toBe(201);
  const before = JSON.stringify(await mine(resident));

  const refused = await send(resident, '/cases', suggestion, 'limit-case-3');
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
  const body = await refused.json();
  expect(body.error).toMatchObject({ code: 'too_many', message: expect.stringContaining('每天的上限') });
  expect(body.error.requestId).toEqual(expect.any(String));
  expect(JSON.stringify(await mine(resident))).toBe(before);

  expect((await send(await api.as(v.residents[1]), '/cases', suggestion, 'limit-case-4')).status).toBe(201);
});

it('refuses a second question within the hour, saying when to ask again', async () => {
  const created = await chair.post('/notices', {
    category: 'village',
    title: '关于村道硬化工程的公示',
    body: '经村民代表会议讨论，决定对三组至五组村道进行硬化。',
    period: { from: '2026-11-01', until: '2026-11-30' },
  });
  const id = created.body.noticeId;
  if ((await chair.post(`/notices/${id}/publish`)).body.status === 'pending_review')
    expect((await (await api.as(v.committee[1])).post(`/notices/${id}/approve`)).status).toBe(200);

  const resident = await api.as(v.residents[2]);
  expect((await send(resident, `/notices/${id}/questions`, { text: '工程什么时候开工？' })).status).toBe(201);
  const refused = await send(resident, `/notices/${id}/questions`, { text: '预算是多少？' });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
  expect((await refused.json()).error.message).toContain('请稍后再问');
  const questions = (await chair.get(`/notices/${id}/questions`)).body.items;
  expect(questions.map((q: { text: string }) => q.text)).toEqual(['工程什么时候开工？']);
});

it('refuses limits outside their range with a 400 naming the field', async () => {
  const current = (await chair.get('/village-settings')).body.settings;
  const r = await chair.put('/village-settings', { ...current, writeLimits: { casesPerDay: 0, questionsPerHour: 1 } });
  expect(r.status).toBe(400);
  expect(r.body.error.fields[0].path).toBe('writeLimits.casesPerDay');
  expect(r.body.error.message).toContain('每天至少可提交 1 条建议诉求');
});
