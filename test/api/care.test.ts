import { idCheckDigit } from '../../src/shared/rules/identity';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * The care registry for people in extreme poverty (特困人员监护照料), over the API against
 * DynamoDB Local: who may see it, the plan's checks on who qualifies and who may be
 * guardian, agreements with named duties, visits that can't be copied or quietly
 * back-dated, problem tasks on the working-day calendar, the township's overview.
 */
let api: TestApi;
let chair: ApiClient;
let villageId: string;
beforeAll(async () => {
  api = await startTestApi('apicare');
  villageId = api.township.villages[0].villageId;
  chair = await api.as(api.township.villages[0].chair);
});
afterAll(() => api.stop());

const GROUP = '第一村民小组';
let serial = 0;
const two = (n: number) => String(n).padStart(2, '0');
const idBornIn = (year: number) => {
  const n = serial++;
  const first17 = `330188${year}${two(1 + (n % 12))}${two(1 + (n % 28))}${String(100 + n).slice(-3)}`;
  return first17 + idCheckDigit(first17);
};
/** A person on the roster, born in `year`, in a household. */
async function person(name: string, year: number, householdId: string, relation = '户主') {
  const r = await chair.post('/people', { name, groupName: GROUP, householdId, relation, idNumber: idBornIn(year) });
  if (r.status !== 201) throw new Error(`person: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.personId as string;
}
/** An elderly person and their son in one household. */
async function household(tag: string) {
  const hh = `CARE${tag}${serial}`;
  const elder = await person(`老人${tag}`, 1948, hh);
  const son = await person(`儿子${tag}`, 1976, hh, '子');
  return { elder, son };
}
const cadreId = () => api.township.villages[0].committee[1].personId;
const register = (personId: string, guardianPersonId: string, extra: Record<string, unknown> = {}) =>
  chair.post('/care', {
    personId,
    reason: 'aged',
    supportMode: 'dispersed',
    needs: '行动不便，需要每天有人看望，帮忙做饭',
    health: '高血压，长期服药',
    cadreId: cadreId(),
    guardian: { guardianClass: 'relative', personId: guardianPersonId, kinship: 'child' },
    ...extra,
  });
const allOk = () =>
  Object.fromEntries(
    ['food', 'clothing', 'housing', 'medical', 'safety', 'guardian'].map((a) => [a, { status: 'ok' }]),
  );
const visit = (over: Record<string, unknown> = {}) => ({
  visitedAt: new Date(Date.now() - 3_600_000).toISOString(),
  checks: allOk(),
  summary: `家中整洁，米面油充足，老人精神不错，血压药按时在吃（${serial++}）。`,
  satisfaction: { rating: 'satisfied', by: 'person' },
  ...over,
});
const png = (n: number) =>
  Buffer.concat([
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
    Buffer.from([n]),
  ]);
async function photo(client: ApiClient, n: number) {
  const bytes = png(n);
  const up = (await client.post('/photos', { contentType: 'image/png', size: bytes.length })).body;
  const put = await fetch(up.uploadUrl, { method: 'PUT', headers: up.headers, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return up.photoId as string;
}
const audits = async (action: string) => {
  const month = new Date().toISOString().slice(0, 7);
  return (await rawTable().partition(`TN#${villageId}#AUDIT#${month}`)).filter((a) => a.action === action);
};
const expect400 = (r: { status: number; body: any }, path: string, label: string) => {
  expect(r.status).toBe(400);
  expect(r.body.error.code).toBe('validation');
  expect(r.body.error.fields[0].path).toBe(path);
  expect(r.body.error.fields[0].message).toContain(label);
};

describe('the registry', () => {
  it('registers a person with their guardian, seals health and disability, and audits every read', async () => {
    const { elder, son } = await household('A');
    const r = await register(elder, son);
    expect(r.status).toBe(201);
    expect(r.body.guardian).toMatchObject({ guardianClass: 'relative', personId: son, name: '儿子A', elderly: false });
    expect(r.body.health).toBe('高血压，长期服药');

    const stored = await rawTable().item(`TN#${villageId}#CARE`, `P#${elder}`);
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain('高血压');
    expect(raw).not.toContain('aged');
    expect(raw).not.toContain('做饭');

    const before = (await audits('care.view')).length;
    const read = await chair.get(`/care/${elder}`);
    expect(read.status).toBe(200);
    expect(read.body.needs).toContain('做饭');
    const after = await audits('care.view');
    expect(after).toHaveLength(before + 1);
    expect(JSON.stringify(after)).not.toContain('高血压');
    expect(after.at(-1)).toMatchObject({ target: `care:${elder}`, actorId: api.township.villages[0].chair.personId });

    expect((await register(elder, son)).status).toBe(409);
  });

  it('holds the plan: age from the roster, the disability grades, a class Ⅰ guardian of the same household', async () => {
    const { elder, son } = await household('B');
    const young = await person('中年人B', 1980, `CAREB2${serial}`);
    expect400(await register(young, son), 'reason', '认定条件');
    expect400(
      await register(young, son, { reason: 'disability', disability: { category: 'physical', grade: 2 } }),
      'disability.grade',
      '残疾等级',
    );
    const stranger = await person('邻居B', 1970, `CAREB3${serial}`);
    expect400(await register(elder, stranger), 'guardian.personId', '监护人');
    expect400(
      await register(elder, son, { cadreId: api.township.villages[0].residents[0].personId }),
      'cadreId',
      '包村干部',
    );
    expect400(await register(elder, son, { supportMode: 'hotel' }), 'supportMode', '供养方式');
    expect(await rawTable().item(`TN#${villageId}#CARE`, `P#${elder}`)).toBeUndefined();

    const ok = await register(young, son, {
      reason: 'disability',
      disability: { category: 'mental', grade: 2 },
      guardian: { guardianClass: 'institution', body: 'village_committee' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.guardian.name).toBe('村民委员会');
    expect(ok.body.disability).toEqual({ category: 'mental', grade: 2 });
  });

  it('flags an elderly guardian, and replaces a guardian keeping the former one with the reason', async () => {
    const hh = `CAREC${serial}`;
    const elder = await person('老人C', 1940, hh);
    const wife = await person('老伴C', 1944, hh, '配偶');
    const r = await register(elder, wife, {
      guardian: { guardianClass: 'relative', personId: wife, kinship: 'spouse' },
    });
    expect(r.body.guardian).toMatchObject({ elderly: true });
    expect((await chair.get('/care')).body.items.find((i: any) => i.personId === elder).guardianFlagged).toBe(true);

    const replaced = await chair.post(`/care/${elder}/guardian`, {
      guardian: {
        guardianClass: 'volunteer',
        name: '青山镇志愿者协会',
        organisation: true,
        approvedBy: 'civil_affairs',
        approvedOn: '2026-01-05',
      },
      reason: '老伴年事已高，无力照料',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.guardian).toMatchObject({ guardianClass: 'volunteer', name: '青山镇志愿者协会' });
    expect(replaced.body.formerGuardians).toEqual([
      expect.objectContaining({ name: '老伴C', endReason: '老伴年事已高，无力照料', until: expect.any(String) }),
    ]);
    expect400(
      await chair.post(`/care/${elder}/guardian`, {
        guardian: { guardianClass: 'institution' },
        reason: '测试原因说明',
      }),
      'guardian.body',
      '监护单位',
    );
  });

  it('keeps the registry from everyone but the committee, the 监委会 and township civil affairs', async () => {
    const { elder, son } = await household('D');
    await register(elder, son);
    const v = api.township.villages[0];
    const resident = await api.as(v.residents[0]);
    const gridWorker = await api.as(v.gridWorkers[0]);
    const supervisor = await api.as(v.supervisor);
    const partyBranch = await api.as(v.partySecretary);
    const civilAffairs = await api.as(api.township.civilAffairs);
    const townshipOffice = await api.as(api.township.staff);
    const otherChair = await api.as(api.township.villages[1].chair);
    const scoped = `/care/${elder}?villageId=${villageId}`;

    for (const c of [resident, gridWorker, partyBranch, townshipOffice, otherChair])
      expect((await c.get(scoped)).status).toBe(404);
    for (const c of [resident, gridWorker, partyBranch, townshipOffice])
      expect((await c.get(`/care?villageId=${villageId}`)).status).toBe(403);
    expect((await supervisor.get(scoped)).status).toBe(200);
    expect((await civilAffairs.get(scoped)).status).toBe(200);
    expect((await civilAffairs.get(`/care?villageId=${villageId}`)).body.items.length).toBeGreaterThan(0);
    // The 监委会 oversees: it reads, it does not write.
    expect((await supervisor.post(`/care/${elder}/visits?villageId=${villageId}`, visit())).status).toBe(403);
    expect((await resident.post(`/care/${elder}/visits?villageId=${villageId}`, visit())).status).toBe(404);
  });
});

describe('关爱线索 about a person in care', () => {
  it('files a concern with the person it is about: their file lists it, and the case leads its readers to the file', async () => {
    const { elder, son } = await household('L');
    await register(elder, son);
    const other = await household('M');
    await register(other.elder, other.son);
    const v = api.township.villages[0];
    const resident = await api.as(v.residents[4]);
    const concern = await resident.post('/cases', {
      kind: 'suggestion',
      categoryId: 'care',
      text: '老人家好几天没见出门了，门口的菜也没人收，担心出事。',
    });
    expect(concern.status).toBe(201);
    const caseId = concern.body.caseId as string;
    const link = `/care/${elder}/cases?villageId=${villageId}`;
    // Concerns go to township civil affairs, who keep the registry too; the committee never sees this one.
    const civilAffairs = await api.as(api.township.civilAffairs);
    expect400(await chair.post(link, { caseId }), 'caseId', '关爱线索');

    const linked = await civilAffairs.post(link, { caseId });
    expect(linked.status).toBe(200);
    expect(linked.body.cases).toEqual([{ caseId, linkedAt: expect.any(String) }]);
    // A retry is the same answer; the case is about one person.
    expect((await civilAffairs.post(link, { caseId })).body.cases).toHaveLength(1);
    const elsewhere = await civilAffairs.post(`/care/${other.elder}/cases?villageId=${villageId}`, { caseId });
    expect(elsewhere.status).toBe(409);
    expect((await chair.get(`/care/${other.elder}?villageId=${villageId}`)).body.cases).toEqual([]);
    expect((await audits('care.case.link')).filter((a) => a.target === `care:${elder}`)).toHaveLength(1);
    expect((await chair.get(`/care/${elder}?villageId=${villageId}`)).body.cases).toHaveLength(1);

    // The case leads the registry's readers to the file, and no one else: not the villager who raised it.
    expect((await civilAffairs.get(`/cases/${caseId}?villageId=${villageId}`)).body.careFile).toEqual({
      personId: elder,
    });
    const mine = await resident.get(`/cases/${caseId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.careFile).toBeUndefined();
    expect(JSON.stringify(mine.body)).not.toContain(elder);

    // Only a 关爱线索 of the village; only those who keep the registry; nothing written otherwise.
    const road = await resident.post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text: '村口的路灯坏了两盏。',
    });
    expect400(await civilAffairs.post(link, { caseId: road.body.caseId }), 'caseId', '关爱线索');
    expect400(await civilAffairs.post(link, {}), 'caseId', '');
    expect((await (await api.as(v.supervisor)).post(link, { caseId })).status).toBe(403);
    expect((await resident.post(link, { caseId })).status).toBe(404);
    expect((await chair.get(`/care/${elder}?villageId=${villageId}`)).body.cases).toHaveLength(1);
  });
});

describe('agreements', () => {
  it('needs the three named duties and the signed scan', async () => {
    const { elder, son } = await household('E');
    await register(elder, son);
    const duties = [
      { kind: 'daily_watch', text: '每天上门或电话看望一次' },
      { kind: 'daily_life', text: '每周帮助打扫卫生、换洗被褥' },
      { kind: 'hospital', text: '生病住院时全程陪护' },
      { kind: 'village', text: '冬季检查取暖炉具安全' },
    ];
    const body = { duties, signedOn: '2026-02-01', startsOn: '2026-02-01', endsOn: '2027-01-31' };
    expect400(
      await chair.post(`/care/${elder}/agreements`, {
        ...body,
        duties: duties.filter((d) => d.kind !== 'hospital').concat(duties[0]),
        scanPhotoId: await photo(chair, 1),
      }),
      'duties',
      '职责',
    );
    expect400(
      await chair.post(`/care/${elder}/agreements`, {
        ...body,
        endsOn: '2026-01-01',
        scanPhotoId: await photo(chair, 2),
      }),
      'endsOn',
      '协议结束日期',
    );
    expect400(
      await chair.post(`/care/${elder}/agreements`, { ...body, scanPhotoId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
      'scanPhotoId',
      '协议签字扫描件',
    );
    const r = await chair.post(`/care/${elder}/agreements`, { ...body, scanPhotoId: await photo(chair, 3) });
    expect(r.status).toBe(201);
    expect(r.body.agreements).toHaveLength(1);
    expect(r.body.agreements[0]).toMatchObject({ status: 'active', guardianName: '儿子E', duties });
    expect((await fetch(r.body.agreements[0].scan.url)).status).toBe(200);
  });
});

describe('visits', () => {
  it('turns each 有问题 into a problem task on the working-day calendar, and resolves it', async () => {
    const { elder, son } = await household('F');
    await register(elder, son);
    expect400(
      await chair.post(`/care/${elder}/visits`, visit({ checks: { ...allOk(), food: { status: 'problem' } } })),
      'checks.food.note',
      '吃（饮食）',
    );
    expect400(
      await chair.post(`/care/${elder}/visits`, visit({ visitedAt: new Date(Date.now() + 86_400_000).toISOString() })),
      'visitedAt',
      '走访时间',
    );
    const r = await chair.post(
      `/care/${elder}/visits`,
      visit({
        checks: {
          ...allOk(),
          housing: { status: 'problem', note: '屋顶漏雨，床铺潮湿' },
          guardian: { status: 'problem', note: '儿子一周没来看望' },
        },
        photos: [await photo(chair, 10)],
        satisfaction: { rating: 'dissatisfied', by: 'family' },
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body.visits[0]).toMatchObject({ late: false, copied: false, satisfaction: { rating: 'dissatisfied' } });
    expect(r.body.visits[0].checks.housing).toEqual({ status: 'problem', note: '屋顶漏雨，床铺潮湿' });
    expect(r.body.problems).toHaveLength(2);
    const roof = r.body.problems.find((p: any) => p.area === 'housing');
    expect(roof).toMatchObject({ status: 'open', owner: { personId: cadreId() }, note: '屋顶漏雨，床铺潮湿' });
    // Five working days from today, ending at a local midnight: at least a week away counting the weekend.
    expect(Date.parse(roof.dueAt) - Date.now()).toBeGreaterThan(5 * 86_400_000);
    expect(r.body.guardian.problemCount).toBe(1);
    const stored = await rawTable().partition(`TN#${villageId}#CARE#${elder}`);
    expect(JSON.stringify(stored)).not.toContain('屋顶漏雨');

    const done = await chair.post(`/care/${elder}/problems/${roof.problemId}/resolve`, {
      resolution: '已请人修好屋顶',
    });
    expect(done.status).toBe(200);
    expect(done.body.problems.find((p: any) => p.problemId === roof.problemId)).toMatchObject({
      status: 'resolved',
      resolution: '已请人修好屋顶',
    });
    expect(
      (await chair.post(`/care/${elder}/problems/${roof.problemId}/resolve`, { resolution: '再次登记' })).status,
    ).toBe(409);
  });

  it('marks a visit entered late, and flags copied text and a reused photo to the township', async () => {
    const a = await household('G');
    const b = await household('H');
    await register(a.elder, a.son, { careSince: '2026-01-10' });
    await register(b.elder, b.son, { careSince: '2026-01-10' });
    const late = await chair.post(
      `/care/${a.elder}/visits`,
      visit({ visitedAt: new Date(Date.now() - 5 * 86_400_000).toISOString() }),
    );
    expect(late.body.visits[0]).toMatchObject({ late: true, copied: false });

    const summary = '老人身体健康，生活正常，监护人履职到位，无其他问题。';
    const first = await chair.post(`/care/${a.elder}/visits`, visit({ summary }));
    expect(first.body.visits[0].copied).toBe(false);
    // The same words with other spacing and punctuation, at another person's home: 千篇一律.
    const copy = await chair.post(
      `/care/${b.elder}/visits`,
      visit({ summary: '老人身体健康 生活正常。监护人履职到位 无其他问题' }),
    );
    expect(copy.body.visits[0]).toMatchObject({
      copied: true,
      copiedFrom: { personId: a.elder, what: 'text', visitId: first.body.visits[0].visitId },
    });

    await chair.post(`/care/${a.elder}/visits`, visit({ photos: [await photo(chair, 20)] }));
    const samePhoto = await chair.post(`/care/${b.elder}/visits`, visit({ photos: [await photo(chair, 20)] }));
    expect(samePhoto.body.visits[0]).toMatchObject({ copied: true, copiedFrom: { what: 'photo' } });

    const civilAffairs = await api.as(api.township.civilAffairs);
    const o = await civilAffairs.get('/care-overview');
    expect(o.status).toBe(200);
    const flagged = o.body.flaggedVisits.filter((f: any) => f.villageId === villageId);
    expect(flagged.map((f: any) => f.visitId)).toEqual(
      expect.arrayContaining([
        late.body.visits[0].visitId,
        copy.body.visits[0].visitId,
        samePhoto.body.visits[0].visitId,
      ]),
    );
    expect(JSON.stringify(o.body)).not.toContain('生活正常');
  });

  it('shows the township overdue visits, open problems and guardians with repeated problems, per village', async () => {
    const { elder, son } = await household('K');
    await register(elder, son, { careSince: '2026-01-10' });
    for (const note of ['儿子很少来看望', '儿子仍然很少来看望'])
      await chair.post(
        `/care/${elder}/visits`,
        visit({ visitedAt: '2026-03-02T02:00:00.000Z', checks: { ...allOk(), guardian: { status: 'problem', note } } }),
      );
    const civilAffairs = await api.as(api.township.civilAffairs);
    const o = (await civilAffairs.get('/care-overview')).body;
    expect(o.villages.map((v: any) => v.villageId)).toEqual(api.township.villages.map((v) => v.villageId));
    const mine = o.villages.find((v: any) => v.villageId === villageId);
    expect(mine.overdueVisits).toBeGreaterThan(0);
    expect(o.overdueVisits).toContainEqual(
      expect.objectContaining({ personId: elder, lastVisitOn: '2026-03-02', nextVisitDue: '2026-04-01' }),
    );
    expect(o.repeatedGuardians).toContainEqual(
      expect.objectContaining({ personId: elder, guardianName: '儿子K', problemCount: 2 }),
    );
    expect(o.openProblems.filter((p: any) => p.personId === elder)).toHaveLength(2);
    expect((await (await api.as(api.township.staff)).get('/care-overview')).status).toBe(403);
    const committeeView = (await chair.get('/care-overview')).body;
    expect(committeeView.villages.map((v: any) => v.villageId)).toEqual([villageId]);
  });
});

describe('the demo seed', () => {
  it('gives the demo village people in care with a year of visits, some overdue, one copied, one guardian replaced', async () => {
    const { seedCare } = await import('../../scripts/local/seed-care');
    const v = api.township.villages[0];
    await seedCare(v, new Date());
    const o = (await (await api.as(api.township.civilAffairs)).get('/care-overview')).body;
    const mine = o.villages.find((x: any) => x.villageId === v.villageId);
    expect(mine.overdueVisits).toBeGreaterThan(0);
    const copies = o.flaggedVisits.filter((f: any) => f.villageId === v.villageId && f.copied);
    expect(copies.length).toBeGreaterThan(0);
    expect(o.flaggedVisits.some((f: any) => f.late)).toBe(true);
    expect(o.repeatedGuardians.length).toBeGreaterThan(0);
    const list = (await chair.get('/care')).body.items;
    const seeded = await Promise.all(
      list.slice(0, 40).map(async (i: any) => (await chair.get(`/care/${i.personId}`)).body),
    );
    const yearOfVisits = seeded.filter((r: any) => r.visits.length >= 10 && r.agreements.length === 1);
    expect(yearOfVisits.length).toBeGreaterThanOrEqual(3);
    expect(seeded.some((r: any) => r.formerGuardians.length === 1 && r.guardian.guardianClass === 'institution')).toBe(
      true,
    );
  });
});
