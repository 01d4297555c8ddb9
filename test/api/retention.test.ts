import type { SeededVillage } from '../../scripts/local/seed';
import { anonymiseVillage } from '../../src/functions/cases/retention';
import { getVillage } from '../../src/functions/villages/store';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Retention as the privacy policy states it: a petition closed longer ago than the
 * village's setting (3 years by default) loses who asked and how to reach them,
 * and keeps its text and outcome as the village's record. Run on an injected
 * clock; a petition still open, one closed recently, and a suggestion are left
 * as they were.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;
const DAY = 86_400_000;

beforeAll(async () => {
  api = await startTestApi('retention');
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

const file = async (who: SeededVillage['residents'][number], body: Record<string, unknown>) => {
  const r = await (await api.as(who)).post('/cases', { categoryId: 'disputes', ...body });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.caseId as string;
};
const closeByTransfer = (caseId: string) =>
  chair.post(`/cases/${caseId}/transfer`, { to: '青山镇司法所', reason: '属于司法调解，移交司法所' });

it("removes a closed petition's petitioner and contact after the village's period, and keeps the rest", async () => {
  const author = v1.residents[30];
  const text = '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调处理。';
  const old = await file(author, { kind: 'petition', text, contactPhone: '13900002222' });
  expect((await closeByTransfer(old)).status).toBe(200);
  const open = await file(author, { kind: 'petition', text: '村东头的排水沟堵了，下雨就往我家院子里灌水。' });
  const suggestion = await file(author, { kind: 'suggestion', text: '建议在村口路灯下加装一个监控探头。' });
  const village = await getVillage(v1.villageId);
  if (!village) throw new Error('no village');
  const before = (await chair.get(`/cases/${old}`)).body;
  expect(before.author).toBe(author.name);
  expect(before.contactPhone).toBeDefined();

  // Closed a moment ago: kept whole.
  expect(await anonymiseVillage(village, new Date())).toBe(0);
  // Three years and a day later: the petitioner goes, once.
  const later = new Date(Date.now() + (365 * 3 + 1) * DAY);
  expect(await anonymiseVillage(village, later)).toBe(1);
  expect(await anonymiseVillage(village, later)).toBe(0);

  const after = (await chair.get(`/cases/${old}`)).body;
  expect(after.author).not.toContain(author.name);
  expect(after.contactPhone).toBeUndefined();
  expect(after).toMatchObject({ text, status: 'closed', transfer: { to: '青山镇司法所' } });
  // Not theirs any more: it leaves 我的提交; the open petition and the suggestion stay.
  const mine = (await (await api.as(author)).get('/cases?view=mine')).body.items.map(
    (i: { caseId: string }) => i.caseId,
  );
  expect(mine).not.toContain(old);
  expect(mine).toEqual(expect.arrayContaining([open, suggestion]));

  // The stored item holds neither the person nor the number; an audit entry says what was done.
  const stored = await rawTable().item(`TN#${v1.villageId}#CASES`, `CASE#${old}`);
  expect(JSON.stringify(stored)).not.toContain(author.personId);
  expect(JSON.stringify(stored)).not.toContain(author.name);
  expect(stored?.contact).toBeUndefined();
  const month = later.toISOString().slice(0, 7);
  const audits = await rawTable().partition(`TN#${v1.villageId}#AUDIT#${month}`);
  expect(audits.filter((a) => a.target === `case:${old}`).map((a) => a.action)).toEqual(['case.anonymise']);
});
