import type { SeededVillage } from '../../scripts/local/seed';
import { idCheckDigit } from '../../src/shared/rules/identity';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * The roster as staff keep it: browse (masked), register, edit and move people,
 * record a death or a move, assign and end roles, see the sensitive tier only
 * where allowed (and audited), and the township's counts.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

let serial = 0;
const idNumber = (year = 1980) => {
  const n = serial++;
  const first17 = `330188${year}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(500 + n).slice(-3)}`;
  return first17 + idCheckDigit(first17);
};
const person = (over: Record<string, unknown> = {}) => ({
  name: `测试${serial}`,
  groupName: '第二村民小组',
  householdId: `T${serial}`,
  relation: '户主',
  idNumber: idNumber(),
  phone: '13812345678',
  ...over,
});

beforeAll(async () => {
  api = await startTestApi('people');
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

describe('browsing the roster', () => {
  it('lists people with the sensitive tier masked, page by page', async () => {
    const first = await chair.get('/people?limit=20');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    for (const p of first.body.items) {
      if (p.idNumber) expect(p.idNumber).toMatch(/^\d{3}\*{15}$/); // never the ending a binding claim asks for
      if (p.phone) expect(p.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      if (p.birthDate) expect(p.birthDate).toMatch(/^\d{4}-\*\*-\*\*$/);
    }
    const second = await chair.get(`/people?limit=20&cursor=${first.body.nextCursor}`);
    const ids = new Set(first.body.items.map((p: { personId: string }) => p.personId));
    expect(second.body.items.some((p: { personId: string }) => ids.has(p.personId))).toBe(false);
    expect(JSON.stringify(first.body)).not.toMatch(/\d{17}[\dX]/);
  });

  it('searches by name and filters by group and role', async () => {
    const name = v1.residents[3].name;
    const found = await chair.get(`/people?q=${encodeURIComponent(name)}`);
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual([name]);
    const reps = await chair.get('/people?role=representative&limit=100');
    expect(reps.body.items.length).toBe(v1.representatives.length);
    const group = await chair.get(`/people?groupName=${encodeURIComponent('第三村民小组')}&limit=100`);
    expect(group.body.items.every((p: { groupName: string }) => p.groupName === '第三村民小组')).toBe(true);
  });

  it('finds a name by its first character, by any part and whole, and a household by its number, from search entries', async () => {
    const body = person({ name: '欧阳晓𠀋芳', householdId: 'SEARCH1', groupName: '第一村民小组' });
    const p = (await chair.post('/people', body)).body;
    const ids = async (q: string, as = chair) =>
      ((await as.get(`/people?q=${encodeURIComponent(q)}&limit=100`)).body.items as { personId: string }[]).map(
        (x) => x.personId,
      );
    for (const q of ['欧', '欧阳', '阳晓', '晓𠀋芳', '𠀋', '欧阳晓𠀋芳', 'SEARCH1'])
      expect(await ids(q)).toContain(p.personId);
    expect(await ids('欧晓')).not.toContain(p.personId);
    // Every surname 王 of the seed, in register order, page by page through the entries of 王.
    const wang = v1.residents.filter((r) => r.name.startsWith('王')).length;
    const first = await chair.get(`/people?q=${encodeURIComponent('王')}&limit=5`);
    const second = await chair.get(`/people?q=${encodeURIComponent('王')}&limit=100&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items] as { personId: string; name: string }[];
    expect(all.length).toBeGreaterThanOrEqual(wang);
    expect(all.every((x) => x.name.includes('王'))).toBe(true);
    expect(all.map((x) => x.personId)).toEqual([...all.map((x) => x.personId)].sort());

    // The entries are items of their own, one per word, holding nothing sealed.
    const entries = await rawTable().partition(`TN#${v1.villageId}#FIND#P#晓𠀋`);
    expect(entries.map((e) => e.personId)).toEqual([p.personId]);
    expect(JSON.stringify(entries)).not.toContain(body.idNumber);
    expect(JSON.stringify(entries)).not.toContain(body.phone);
    expect(entries[0].sealed).toBeUndefined();

    // A rename moves them: the old name no longer finds the person, the new one does.
    expect((await chair.put(`/people/${p.personId}`, { name: '欧阳明', groupName: '第二村民小组' })).status).toBe(200);
    expect(await rawTable().partition(`TN#${v1.villageId}#FIND#P#晓𠀋`)).toEqual([]);
    expect(await ids('晓')).not.toContain(p.personId);
    expect(await ids('阳明')).toContain(p.personId);
    // A grid worker searches only their grid: the person moved out of it.
    const grid = await api.as(v1.gridWorkers[0]);
    expect(await ids('欧阳', grid)).not.toContain(p.personId);
    const inGrid = (await grid.get('/people?limit=1')).body.items[0];
    expect(await ids(inGrid.name, grid)).toContain(inGrid.personId);
  });

  it('shows a grid worker only the people of their grid', async () => {
    const grid = await api.as(v1.gridWorkers[0]);
    const r = await grid.get('/people?limit=100');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(new Set(r.body.items.map((p: { groupName: string }) => p.groupName))).toEqual(new Set(['第一村民小组']));
  });

  it('derives adulthood from the birth date', async () => {
    const child = await chair.post(
      '/people',
      person({ idNumber: idNumber(2015), relation: '子', householdId: 'KID1' }),
    );
    const head = await chair.post('/people', person({ householdId: 'KID1' }));
    expect(head.status).toBe(201);
    expect(child.status).toBe(201);
    expect(child.body.adult).toBe(false);
    expect(head.body.adult).toBe(true);
  });
});

describe('changing the register', () => {
  it('registers a person, audited, and refuses the same ID number twice', async () => {
    const body = person();
    const r = await chair.post('/people', body);
    expect(r.status).toBe(201);
    expect(r.body.roles).toEqual(expect.arrayContaining(['resident', 'household_head']));
    expect(r.body.history[0]).toMatchObject({ action: 'person.add', actorName: v1.chair.name });
    const again = await chair.post('/people', { ...body, name: '另一个人', householdId: 'OTHER1' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('身份证号');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await chair.get('/roster-summary')).body.villages[0].people;
    const cases: [Record<string, unknown>, string][] = [
      [{ idNumber: '330188198001011235' }, 'idNumber'],
      [{ idNumber: '12345' }, 'idNumber'],
      [{ phone: '12345' }, 'phone'],
      [{ groupName: '第九村民小组' }, 'groupName'],
      [{ householdId: '户 1' }, 'householdId'],
      [{ name: '' }, 'name'],
    ];
    for (const [over, field] of cases) {
      const r = await chair.post('/people', person(over));
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe(field);
    }
    expect((await chair.get('/roster-summary')).body.villages[0].people).toBe(before);
  });

  it('keeps one head per household', async () => {
    const head = await chair.post('/people', person({ householdId: 'ONEHEAD' }));
    expect(head.status).toBe(201);
    const second = await chair.post('/people', person({ householdId: 'ONEHEAD' }));
    expect(second.status).toBe(400);
    expect(second.body.error.fields[0].path).toBe('relation');
  });

  it('keeps what an edit leaves out, such as the bodies a person belongs to', async () => {
    const p = (await chair.post('/people', person({ bodies: ['志愿者服务队'] }))).body;
    const r = await chair.put(`/people/${p.personId}`, { phone: '13811112222' });
    expect(r.body.bodies).toEqual(['志愿者服务队']);
    expect(r.body.history.find((h: { action: string }) => h.action === 'person.update').changedFields).toEqual([
      'phone',
    ]);
  });

  it('moves a person to another household and group, saying what changed but not the values', async () => {
    const p = (await chair.post('/people', person())).body;
    const newHead = await chair.post('/people', person({ householdId: 'MOVETO' }));
    expect(newHead.status).toBe(201);
    const moved = await chair.put(`/people/${p.personId}`, {
      householdId: 'MOVETO',
      groupName: '第四村民小组',
      relation: '配偶',
      phone: '13987654321',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.householdId).toBe('MOVETO');
    expect(moved.body.roles).not.toContain('household_head');
    const update = moved.body.history.find((h: { action: string }) => h.action === 'person.update');
    expect(update.changedFields.sort()).toEqual(['groupName', 'householdId', 'phone', 'relation']);
    const household = await chair.get('/households/MOVETO');
    expect(household.body.members.map((m: { personId: string }) => m.personId)).toContain(p.personId);
    // The audit entry names the field, never the new number.
    const audits = await rawTable().partition(`TN#${v1.villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`);
    expect(JSON.stringify(audits)).not.toContain('13987654321');
  });

  it('records a death: history kept, roles ended, no longer counted, no longer editable', async () => {
    const p = (await chair.post('/people', person())).body;
    const before = (await chair.get('/roster-summary')).body.villages[0].people;
    const today = new Date().toISOString().slice(0, 10);
    const r = await chair.post(`/people/${p.personId}/departure`, { kind: 'deceased', on: today, reason: '病故' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('deceased');
    expect(r.body.terms.every((t: { until?: string }) => t.until)).toBe(true);
    expect((await chair.get('/roster-summary')).body.villages[0].people).toBe(before - 1);
    expect((await chair.get(`/people/${p.personId}`)).body.history.map((h: { action: string }) => h.action)).toContain(
      'person.deceased',
    );
    expect((await chair.put(`/people/${p.personId}`, { name: '改' })).status).toBe(409);
    const future = await chair.post(`/people/${p.personId}/departure`, {
      kind: 'moved_out',
      on: '2099-01-01',
      reason: '迁出',
    });
    expect(future.status).toBe(409);
  });

  it('assigns a representative with the households they represent, which must exist', async () => {
    const p = (await chair.post('/people', person())).body;
    const bad = await chair.post(`/people/${p.personId}/roles`, {
      role: 'representative',
      households: [p.householdId, 'NOSUCH'],
      from: '2026-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('households');
    const ok = await chair.post(`/people/${p.personId}/roles`, {
      role: 'representative',
      households: [p.householdId],
      from: '2026-01-01',
    });
    expect(ok.body.terms.find((t: { role: string }) => t.role === 'representative').households).toEqual([
      p.householdId,
    ]);
  });

  it('assigns a grid worker with their grid, and ends a term', async () => {
    const p = (await chair.post('/people', person())).body;
    const noGrid = await chair.post(`/people/${p.personId}/roles`, { role: 'grid_worker', from: '2026-01-01' });
    expect(noGrid.status).toBe(400);
    expect(noGrid.body.error.fields[0].path).toBe('grid');
    const r = await chair.post(`/people/${p.personId}/roles`, {
      role: 'grid_worker',
      grid: '第二村民小组',
      from: '2026-01-01',
    });
    expect(r.status).toBe(200);
    expect(r.body.roles).toContain('grid_worker');
    const term = r.body.terms.find((t: { role: string }) => t.role === 'grid_worker');
    const twice = await chair.post(`/people/${p.personId}/roles`, {
      role: 'grid_worker',
      grid: '第二村民小组',
      from: '2026-02-01',
    });
    expect(twice.status).toBe(409);
    const ended = await chair.post(`/people/${p.personId}/roles/${term.termId}/end`, { until: '2026-03-31' });
    expect(ended.body.roles).not.toContain('grid_worker');
    expect(ended.body.terms.find((t: { termId: string }) => t.termId === term.termId).until).toBe('2026-03-31');
  });
});

describe('the sensitive tier', () => {
  it('shows the committee the whole ID number, and audits each view', async () => {
    const body = person();
    const p = (await chair.post('/people', body)).body;
    const r = await chair.get(`/people/${p.personId}/sensitive`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ idNumber: body.idNumber, phone: body.phone });
    const history = (await chair.get(`/people/${p.personId}`)).body.history;
    expect(history.map((h: { action: string }) => h.action)).toContain('person.sensitive.view');
  });

  it('never lets the supervisor or a grid worker see it whole', async () => {
    const p = (await chair.post('/people', person({ groupName: '第一村民小组' }))).body;
    for (const who of [v1.supervisor, v1.gridWorkers[0]]) {
      const r = await (await api.as(who)).get(`/people/${p.personId}/sensitive`);
      expect(r.status).toBe(403);
    }
  });

  it('stores the ID number and phone sealed, so the raw table shows neither', async () => {
    const body = person();
    const p = (await chair.post('/people', body)).body;
    const stored = await rawTable().item(`TN#${v1.villageId}`, `PERSON#${p.personId}`);
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(body.idNumber);
    expect(raw).not.toContain(body.phone);
    expect(raw).not.toContain(body.idNumber.slice(6, 14)); // nor the birth date in it
  });
});

describe('the township sees counts, not people', () => {
  it('gives township staff counts by village, group and role, and no roster', async () => {
    const staff = await api.as(api.township.staff);
    const summary = await staff.get('/roster-summary');
    expect(summary.status).toBe(200);
    expect(summary.body.villages.map((v: { villageId: string }) => v.villageId).sort()).toEqual(
      api.township.villages.map((v) => v.villageId).sort(),
    );
    const village = summary.body.villages.find((v: { villageId: string }) => v.villageId === v1.villageId);
    expect(village.people).toBeGreaterThan(100);
    expect(village.adults).toBeLessThan(village.people);
    expect(village.byGroup.reduce((s: number, g: { people: number }) => s + g.people, 0)).toBe(village.people);
    expect(village.groups).toEqual(['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组', '第五村民小组']);
    expect(JSON.stringify(summary.body)).not.toContain(v1.residents[0].name);
    expect((await staff.get(`/people?villageId=${v1.villageId}`)).status).toBe(403);
  });
});
