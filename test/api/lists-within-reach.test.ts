import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * One rule for lists and counts: whatever a caller gets from a list, a count, a
 * chart or a search is a subset of what they could open one by one. For every
 * list and aggregate endpoint and every kind of caller (the person a complaint is
 * about and a grid worker of another grid included), each listed thing is opened
 * by its id and must answer 200; each count must equal the number of things of
 * its kind the caller can open.
 */
let api: TestApi;
let v1: SeededVillage;

type Kind = 'case' | 'notice' | 'person' | 'topic';
interface Listed {
  kind: Kind;
  id: string;
}
interface Caller {
  who: string;
  person: SeededPerson;
  /** Township staff name the village they look at. */
  township?: boolean;
}

const openPath: Record<Kind, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  notice: (id) => `/notices/${id}`,
  person: (id) => `/people/${id}`,
  topic: (id) => `/topics/${id}`,
};
const ids = (kind: Kind, items: { [k: string]: unknown }[] | undefined, field = `${kind}Id`): Listed[] =>
  (items ?? []).map((i) => ({ kind, id: String(i[field]) }));

/** A path with the village a township caller looks at (scope is '' or '&villageId=…'). */
const scoped = (path: string, scope: string) =>
  scope ? `${path}${path.includes('?') ? '&' : '?'}${scope.slice(1)}` : path;

/** Every page of a paged list, by following nextCursor. */
async function allPages(client: ApiClient, path: string) {
  const out: { [k: string]: unknown }[] = [];
  let cursor: string | null | undefined;
  for (let page = 0; page < 50; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await client.get(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    if (r.status !== 200) return { status: r.status, items: out };
    out.push(...(r.body.items ?? []));
    cursor = r.body.nextCursor;
    if (!cursor) break;
  }
  return { status: 200, items: out };
}

let groups: string[];
let noticeIds: string[];
let topicIds: string[];

/** Every list endpoint, as a function of the caller: what it lists, by kind and id. */
const lists: { name: string; read: (c: ApiClient, scope: string) => Promise<Listed[]> }[] = [
  ...(['public', 'mine', 'work'] as const).map((view) => ({
    name: `GET /cases?view=${view}`,
    read: async (c: ApiClient, scope: string) => ids('case', (await allPages(c, `/cases?view=${view}${scope}`)).items),
  })),
  ...(['needs', 'projects'] as const).map((track) => ({
    name: `GET /cases?view=public&track=${track}`,
    read: async (c: ApiClient, scope: string) =>
      ids('case', (await allPages(c, `/cases?view=public&track=${track}${scope}`)).items),
  })),
  {
    name: 'GET /cases/similar',
    read: async (c, scope) =>
      ids('case', (await c.get(`/cases/similar?text=${encodeURIComponent('路灯坏了请修理')}${scope}`)).body.items),
  },
  {
    name: 'GET /cases/escalated',
    read: async (c) => ids('case', (await c.get(scoped('/cases/escalated', ''))).body?.items),
  },
  {
    name: 'GET /me/submissions',
    read: async (c) => ids('notice', (await c.get('/me/submissions')).body.questions, 'noticeId'),
  },
  ...(['public', 'draft', 'pending'] as const).map((status) => ({
    name: `GET /notices?status=${status}`,
    read: async (c: ApiClient, scope: string) =>
      ids('notice', (await allPages(c, `/notices?status=${status}${scope}`)).items),
  })),
  {
    name: 'GET /people (and each group filter)',
    read: async (c, scope) => {
      const all = [
        `/people?limit=50${scope}`,
        ...groups.map((g) => `/people?limit=50&groupName=${encodeURI(g)}${scope}`),
      ];
      return (await Promise.all(all.map(async (p) => ids('person', (await allPages(c, p)).items)))).flat();
    },
  },
  {
    name: 'GET /notices/{id}/readers',
    read: async (c, scope) =>
      (
        await Promise.all(
          noticeIds.map(async (id) =>
            ids('person', (await allPages(c, scoped(`/notices/${id}/readers`, scope))).items),
          ),
        )
      ).flat(),
  },
  {
    name: 'GET /topics',
    read: async (c, scope) => ids('topic', (await allPages(c, scoped('/topics', scope))).items),
  },
];

async function callers(): Promise<Caller[]> {
  return [
    { who: 'a resident', person: v1.residents[6] },
    { who: 'the petitioner', person: v1.residents[2] },
    { who: 'a grid worker', person: v1.gridWorkers[0] },
    { who: 'a grid worker of another grid', person: v1.gridWorkers[1] },
    { who: 'the chair', person: v1.chair },
    { who: 'the committee member complained about', person: v1.committee[2] },
    { who: 'the party secretary', person: v1.partySecretary },
    { who: 'the supervisor', person: v1.supervisor },
    { who: 'township staff', person: api.township.staff, township: true },
    { who: 'township civil affairs', person: api.township.civilAffairs, township: true },
  ];
}

beforeAll(async () => {
  api = await startTestApi('reach', { withNotices: true });
  [v1] = api.township.villages;
  const as = (p: SeededPerson) => api.as(p);
  const chair = await as(v1.chair);
  const submit = async (who: ApiClient, body: Record<string, unknown>) => {
    const r = await who.post('/cases', body);
    if (r.status !== 201) throw new Error(`fixture case: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.caseId as string;
  };
  const suggestion = { kind: 'suggestion', categoryId: 'roads', text: '村口的路灯坏了三盏，晚上出门不安全，请修理。' };
  const petition = { kind: 'petition', categoryId: 'disputes', text: '邻居在我家地边堆放建筑垃圾，请村里协调。' };
  await submit(await as(v1.residents[1]), suggestion);
  await submit(await as(v1.residents[2]), { ...petition, public: false });
  // Complaints the committee must not see, nor count: about one member, about the committee.
  await submit(await as(v1.residents[3]), {
    ...petition,
    categoryId: 'conduct',
    about: { kind: 'member', personId: v1.committee[2].personId },
    text: '会计长期不公开账目，请监委会核查村集体收支。',
  });
  await submit(await as(v1.residents[4]), {
    ...petition,
    about: { kind: 'committee' },
    text: '村委会分配宅基地不公开，请上级核查路灯项目。',
  });
  await submit(await as(v1.residents[5]), {
    ...suggestion,
    categoryId: 'care',
    text: '五组独居的王大爷最近几天没出门，担心他身体出问题。',
  });
  // A petition a grid worker entered for a neighbour in their grid.
  const worker = await as(v1.gridWorkers[0]);
  const neighbour = (await worker.get('/people?limit=50')).body.items.find(
    (p: { personId: string }) => p.personId !== v1.gridWorkers[0].personId,
  );
  await submit(worker, { ...petition, onBehalfOf: { personId: neighbour.personId, intake: 'visit' } });
  const accepted = await submit(await as(v1.residents[7]), { ...suggestion, text: '建议在文化广场装一个路灯。' });
  await chair.post(`/cases/${accepted}/accept`, {});
  await chair.post(`/cases/${accepted}/sort`, { track: 'needs' });

  const people = (await rawTable().partition(`TN#${v1.villageId}`)).filter((i) => i.type === 'person');
  groups = [...new Set(people.map((p) => p.groupName as string).filter(Boolean))];
  expect(groups.length).toBeGreaterThan(1);
  noticeIds = v1.publishedNoticeIds.slice(0, 3);
  // Someone reads each notice, so reader lists are not empty.
  const reader = await as(v1.residents[8]);
  for (const id of noticeIds) await reader.get(`/notices/${id}`);
  // A question of one caller's own, for 我的提交.
  const asked = await (await as(v1.residents[6])).post(`/notices/${noticeIds[0]}/questions`, {
    text: '请问这件事什么时候办完？',
  });
  if (asked.status !== 201) throw new Error(`fixture question: ${asked.status} ${JSON.stringify(asked.body)}`);
  topicIds = [];
  for (const body of ['villagers_meeting', 'party_members']) {
    const t = await chair.post('/topics', {
      title: `可见范围测试议题 ${body}`,
      background: '用于列表与计数可见范围测试的议题背景。',
      body,
      kind: 'motion',
      secret: true,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (t.status !== 201) throw new Error(`fixture topic: ${t.status} ${JSON.stringify(t.body)}`);
    topicIds.push(t.body.topicId);
  }
}, 120_000);
afterAll(() => api.stop());

describe('every list returns only what its caller could open', () => {
  it.each(lists.map((l) => [l.name, l] as const))('%s', async (name, list) => {
    let seen = 0;
    for (const caller of await callers()) {
      const client = await api.as(caller.person);
      const scope = caller.township ? `&villageId=${v1.villageId}` : '';
      const listed = await list.read(client, scope);
      seen += listed.length;
      for (const item of listed) {
        const opened = await client.get(scoped(openPath[item.kind](item.id), scope));
        expect([caller.who, item.kind, item.id, opened.status]).toEqual([caller.who, item.kind, item.id, 200]);
      }
    }
    // The fixtures put something on every list but these, so the check above is never vacuous.
    if (!/projects|pending|escalated/.test(name)) expect(seen).toBeGreaterThan(0);
  });
});

describe('every count counts only what its caller could open', () => {
  it('the case dashboard, per caller who may see it', async () => {
    const all = (await rawTable().partition(`TN#${v1.villageId}#CASES`)).filter((i) => i.type === 'case');
    expect(all.length).toBeGreaterThanOrEqual(7);
    let hidden = 0;
    for (const caller of await callers()) {
      const client = await api.as(caller.person);
      const scope = caller.township ? `&villageId=${v1.villageId}` : '';
      const dash = await client.get(scoped('/cases/dashboard', scope));
      if (dash.status === 403) continue;
      expect([caller.who, dash.status]).toEqual([caller.who, 200]);
      const opened = await Promise.all(
        all.map(async (c) => (await client.get(scoped(`/cases/${c.caseId}`, scope))).status),
      );
      const openable = opened.filter((s) => s === 200).length;
      hidden += all.length - openable;
      const d = dash.body;
      expect([caller.who, d.total]).toEqual([caller.who, openable]);
      const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
      expect([caller.who, sum(d.byStatus), sum(d.byCategory), sum(d.byGrid)]).toEqual([
        caller.who,
        openable,
        openable,
        openable,
      ]);
    }
    // The complaints and the care concern are hidden from someone who sees the dashboard.
    expect(hidden).toBeGreaterThan(0);
  });

  it('the township table, per township caller: the open cases of the village they could open', async () => {
    await api.events.settle(); // the summaries are kept by the events consumer
    const open = (await rawTable().partition(`TN#${v1.villageId}#CASES`)).filter(
      (i) => i.type === 'case' && i.status !== 'closed' && i.status !== 'declined',
    );
    const counted: number[] = [];
    for (const caller of (await callers()).filter((c) => c.township)) {
      const client = await api.as(caller.person);
      const row = (await client.get('/township/villages')).body.items.find(
        (i: { villageId: string }) => i.villageId === v1.villageId,
      );
      const opened = await Promise.all(
        open.map(async (c) => (await client.get(`/cases/${c.caseId}?villageId=${v1.villageId}`)).status),
      );
      const openable = opened.filter((s) => s === 200).length;
      expect([caller.who, row.cases.open]).toEqual([caller.who, openable]);
      counted.push(row.cases.open);
    }
    // The care concern: counted for civil affairs, not for the other staff member.
    expect(counted[1]).toBe(counted[0] + 1);
  });

  it('notice readers: the township sees how many, not who', async () => {
    const township = await api.as(api.township.staff);
    const r = await township.get(`/notices/${noticeIds[0]}/readers?villageId=${v1.villageId}`);
    expect(r.status).toBe(200);
    expect(r.body.readerCount).toBeGreaterThan(0);
    expect(r.body.namesShown).toBe(false);
    expect(r.body.items).toEqual([]);
    const supervisor = await api.as(v1.supervisor);
    const s = (await supervisor.get(`/notices/${noticeIds[0]}/readers`)).body;
    expect(s.namesShown).toBe(true);
    expect(s.items.map((i: { personId: string }) => i.personId)).toContain(v1.residents[8].personId);
  });

  it('a grid worker who filters by another grid is refused, not shown it', async () => {
    const worker = await api.as(v1.gridWorkers[0]);
    const own = (await worker.get('/people?limit=50')).body.items as { groupName: string }[];
    const ownGroups = new Set(own.map((p) => p.groupName));
    const other = groups.find((g) => !ownGroups.has(g));
    const r = await worker.get(`/people?groupName=${encodeURI(other ?? '')}`);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('本网格');
  });
});
