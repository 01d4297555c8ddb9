import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, startTestApi, type TestApi } from '../helpers/api';

/**
 * 操作记录 (issue 14 §1), read as someone who wants more than they should see:
 * only the 监委会 and the township list it; a filter narrows and never widens;
 * a cursor never opens another village's or another filter's list; and no
 * sensitive value (an ID number, a phone, a petitioner's identity) is in any answer.
 */
let api: TestApi;
let v1: SeededVillage;
let v2: SeededVillage;
let supervisor: ApiClient;
let chair: ApiClient;
let edited: SeededPerson;
let petitioner: SeededPerson;
let caseId: string;
const NEW_PHONE = '13912345678';

const list = async (who: ApiClient, query = '') => {
  const r = await who.get(`/audit/entries${query ? `?${query}` : ''}`);
  expect(r.status).toBe(200);
  return r.body as { items: Record<string, any>[]; nextCursor: string | null };
};
/** Every page of a list, following its cursors. */
const all = async (who: ApiClient, query: string) => {
  const items: Record<string, any>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await list(who, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
};

beforeAll(async () => {
  api = await startTestApi('auditlist');
  [v1, v2] = api.township.villages;
  supervisor = await api.as(v1.supervisor);
  chair = await api.as(v1.chair);
  edited = v1.residents[3];
  petitioner = v1.residents[4];
  // The chair changes a person's other bodies (a plain field) and phone (a sensitive one), and reads their ID number.
  const put = await chair.put(`/people/${edited.personId}`, { bodies: ['志愿服务队'], phone: NEW_PHONE });
  expect(put.status).toBe(200);
  expect((await chair.get(`/people/${edited.personId}/sensitive`)).status).toBe(200);
  // A resident files a petition; the chair accepts it.
  const filed = await (await api.as(petitioner)).post('/cases', {
    kind: 'petition',
    categoryId: 'disputes',
    text: '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调处理。',
  });
  expect(filed.status).toBe(201);
  caseId = filed.body.caseId;
  expect((await chair.post(`/cases/${caseId}/accept`, { note: '已受理，三天内上门' })).status).toBe(200);
  // The chair changes a setting.
  const settings = (await chair.get('/village-settings')).body.settings;
  const changed = { ...settings, writeLimits: { ...settings.writeLimits, casesPerDay: 7 } };
  expect((await chair.put('/village-settings', changed)).status).toBe(200);
}, 120_000);
afterAll(() => api.stop());

describe('what the 监委会 reads', () => {
  it('lists every change, newest first, with what changed: values of plain fields, names only of sensitive ones', async () => {
    const { items } = await list(supervisor, 'limit=50');
    const ats = items.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const update = items.find((e) => e.action === 'person.update' && e.target === `person:${edited.personId}`);
    expect(update).toMatchObject({ kind: 'person', actorId: v1.chair.personId, actorName: v1.chair.name });
    expect(update?.targetName).toBe(edited.name);
    expect(update?.changes).toEqual(
      expect.arrayContaining([{ field: 'bodies', after: '["志愿服务队"]' }, { field: 'phone' }]),
    );
    const settings = items.find((e) => e.action === 'village.settings');
    expect(settings?.changes).toEqual([
      {
        field: 'writeLimits',
        before: JSON.stringify({ casesPerDay: 10, questionsPerHour: 20 }),
        after: JSON.stringify({ casesPerDay: 7, questionsPerHour: 20 }),
      },
    ]);
    expect(items.some((e) => e.action === 'person.sensitive.view')).toBe(true);
  });

  it("never names a petitioner: their petition is listed, without who filed it; the chair's step names the chair", async () => {
    const { items } = await list(supervisor, 'limit=50&kind=case');
    const submitted = items.find((e) => e.action === 'case.submit' && e.target === `case:${caseId}`);
    expect(submitted).toBeDefined();
    expect(submitted).not.toHaveProperty('actorId');
    expect(submitted).not.toHaveProperty('actorName');
    const accepted = items.find((e) => e.action === 'case.accept' && e.target === `case:${caseId}`);
    expect(accepted).toMatchObject({ actorId: v1.chair.personId, actorName: v1.chair.name });
    // Filtering by the petitioner does not find what the list hides.
    const theirs = await all(supervisor, `limit=5&person=${petitioner.personId}`);
    expect(theirs.items.filter((e) => e.target === `case:${caseId}`)).toEqual([]);
  });

  it('has no sensitive value in any answer: no ID number, phone, or petitioner of anyone seeded', async () => {
    const township = await api.as(api.township.staff);
    const bodies = [
      JSON.stringify((await all(supervisor, 'limit=3')).items),
      JSON.stringify((await all(township, `limit=50&villageId=${v1.villageId}`)).items),
      JSON.stringify((await all(supervisor, `limit=50&person=${v1.chair.personId}`)).items),
    ];
    const seeded = [...v1.residents, ...v1.committee, v1.supervisor].flatMap((p) => [p.idNumber, p.phone]);
    for (const body of bodies) {
      expect(body).not.toContain(NEW_PHONE);
      for (const value of seeded) if (value) expect(body).not.toContain(value);
      expect(body).not.toContain(petitioner.personId);
      expect(body).not.toContain(petitioner.name);
    }
  });
});

describe('filters narrow, never widen', () => {
  it('by person, kind and day', async () => {
    const chairs = await all(supervisor, `limit=50&person=${v1.chair.personId}`);
    expect(chairs.items.length).toBeGreaterThanOrEqual(4);
    expect(chairs.items.every((e) => e.actorId === v1.chair.personId)).toBe(true);
    const people = await all(supervisor, 'limit=50&kind=person');
    expect(people.items.length).toBeGreaterThan(0);
    expect(people.items.every((e) => e.action.startsWith('person.'))).toBe(true);
    // A year ago: nothing of today.
    expect((await list(supervisor, 'from=2025-11-01&to=2025-11-30')).items).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const todays = await all(supervisor, `limit=50&from=${today}&to=${today}`);
    expect(todays.items.some((e) => e.action === 'village.settings')).toBe(true);
  });

  it('pages by a cursor to the same entries as one page', async () => {
    const whole = (await list(supervisor, 'limit=50&kind=person')).items;
    const paged = await all(supervisor, 'limit=1&kind=person');
    expect(paged.pages).toBeGreaterThan(1);
    expect(paged.items).toEqual(whole);
  });

  it('answers bad filters with a 400 naming them', async () => {
    const cases: [string, string][] = [
      ['from=2026-11-30&to=2026-11-01', 'from'],
      ['from=2024-01-01&to=2026-11-01', 'from'],
      ['kind=ballot', 'kind'],
      ['from=yesterday', 'from'],
      ['limit=500', 'limit'],
      ['cursor=abc', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const r = await supervisor.get(`/audit/entries?${query}`);
      expect(r.status).toBe(400);
      expect(r.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });
});

describe('who may list', () => {
  it('the 监委会 and the township; not the committee, a resident, or another village', async () => {
    expect((await chair.get('/audit/entries')).status).toBe(403);
    expect((await (await api.as(v1.residents[0])).get('/audit/entries')).status).toBe(403);
    expect((await (await api.as(v1.gridWorkers[0])).get('/audit/entries')).status).toBe(403);
    expect((await api.anonymous.get('/audit/entries')).status).toBe(401);
    const otherSupervisor = await api.as(v2.supervisor);
    expect((await otherSupervisor.get(`/audit/entries?villageId=${v1.villageId}`)).status).toBe(404);
    // Their own village's record has none of this one's entries.
    const theirs = (await all(otherSupervisor, 'limit=50')).items;
    expect(theirs.some((e) => e.target === `case:${caseId}` || e.target === `person:${edited.personId}`)).toBe(false);
    const township = await api.as(api.township.staff);
    expect((await township.get('/audit/entries')).status).toBe(400); // names no village
    expect((await township.get(`/audit/entries?villageId=${v1.villageId}`)).status).toBe(200);
  });

  it("a cursor opens only the list it was issued for: not another village's, another filter's or another caller's", async () => {
    const township = await api.as(api.township.staff);
    const first = await list(township, `limit=1&villageId=${v1.villageId}`);
    expect(first.nextCursor).toBeTruthy();
    const cursor = first.nextCursor as string;
    const refused = [
      township.get(`/audit/entries?limit=1&villageId=${v2.villageId}&cursor=${cursor}`),
      township.get(`/audit/entries?limit=1&villageId=${v1.villageId}&kind=case&cursor=${cursor}`),
      supervisor.get(`/audit/entries?limit=1&cursor=${cursor}`),
      (await api.as(v2.supervisor)).get(`/audit/entries?limit=1&cursor=${cursor}`),
      township.get(
        `/audit/entries?limit=1&villageId=${v1.villageId}&cursor=${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'AB' : 'AA'}`,
      ),
    ];
    for (const r of await Promise.all(refused)) {
      expect(r.status).toBe(400);
      expect(r.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['cursor']);
    }
    expect((await township.get(`/audit/entries?limit=1&villageId=${v1.villageId}&cursor=${cursor}`)).status).toBe(200);
  });
});
