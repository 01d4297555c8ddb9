import type { SeededPerson } from '../../scripts/local/seed';
import { type ApiClient, startTestApi, type TestApi } from '../helpers/api';

/**
 * Who may do what, asserted through the HTTP API: every notice endpoint × every
 * kind of caller. The matrix is data; later capabilities add their rows.
 * Expected: a status code. "Hidden" cells are 404 on purpose: a resident is not
 * told that a draft exists, nor anyone that another village's notice does.
 */
type Who =
  | 'resident'
  | 'householdHead'
  | 'representative'
  | 'partyMember'
  | 'gridWorker'
  | 'partyBranch'
  | 'committee'
  | 'supervisor'
  | 'township'
  | 'otherVillage'
  | 'signedOut';

interface Request {
  method: string;
  path: string;
  body?: unknown;
}
interface Row {
  endpoint: string;
  /** Makes a fresh resource for the cell (so an allowed change never spoils the next cell). */
  request: (fx: Fixtures) => Promise<Request>;
  expect: Record<Who, number>;
}
interface Fixtures {
  chair: ApiClient;
  vice: ApiClient;
  villageId: string;
  published(): Promise<string>;
  draft(): Promise<string>;
  pending(): Promise<string>;
  question(): Promise<{ noticeId: string; questionId: string }>;
  settings(): Promise<unknown>;
}

const notice = { category: 'village', title: '权限测试公告', body: '用于权限矩阵测试。' };
const everyone = (status: number, over: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
  resident: status,
  householdHead: status,
  representative: status,
  partyMember: status,
  gridWorker: status,
  partyBranch: status,
  committee: status,
  supervisor: status,
  township: status,
  otherVillage: 404,
  signedOut: 401,
  ...over,
});
const villagers = { resident: 0, householdHead: 0, representative: 0, partyMember: 0, gridWorker: 0 };
const asVillagers = (status: number) =>
  Object.fromEntries(Object.keys(villagers).map((k) => [k, status])) as Partial<Record<Who, number>>;
const scoped = (path: string, villageId: string) => `${path}${path.includes('?') ? '&' : '?'}villageId=${villageId}`;

const matrix: Row[] = [
  // Everyone's own household; another village's caller sees their own, never this one's.
  {
    endpoint: 'GET /me/household',
    request: async () => ({ method: 'GET', path: '/me/household' }),
    expect: everyone(200, { otherVillage: 200 }),
  },
  {
    endpoint: 'GET /notices',
    request: async (f) => ({ method: 'GET', path: scoped('/notices', f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices?status=draft',
    request: async (f) => ({ method: 'GET', path: scoped('/notices?status=draft', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'POST /notices',
    request: async () => ({ method: 'POST', path: '/notices', body: notice }),
    expect: everyone(403, { committee: 201, otherVillage: 201 }), // the other village's committee drafts at home
  },
  {
    endpoint: 'GET /notices/{id} (published)',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices/{id} (draft)',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.draft()}`, f.villageId) }),
    expect: everyone(200, asVillagers(404)),
  },
  {
    endpoint: 'PUT /notices/{id}',
    request: async (f) => ({ method: 'PUT', path: `/notices/${await f.draft()}`, body: notice }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'DELETE /notices/{id}',
    request: async (f) => ({ method: 'DELETE', path: `/notices/${await f.draft()}` }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/publish',
    request: async (f) => ({ method: 'POST', path: `/notices/${await f.draft()}/publish` }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/approve',
    request: async (f) => ({ method: 'POST', path: `/notices/${await f.pending()}/approve` }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/reject',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.pending()}/reject`,
      body: { reason: '请补充材料' },
    }),
    expect: everyone(403, { ...asVillagers(404), committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/corrections',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.published()}/corrections`,
      body: { ...notice, reason: '更正测试' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'POST /notices/{id}/withdraw',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.published()}/withdraw`,
      body: { reason: '撤回测试' },
    }),
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'GET /notices/{id}/versions',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/versions`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices/{id}/versions/1',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/versions/1`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'GET /notices/{id}/readers',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/readers`, f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'GET /notices/{id}/questions',
    request: async (f) => ({ method: 'GET', path: scoped(`/notices/${await f.published()}/questions`, f.villageId) }),
    expect: everyone(200),
  },
  {
    endpoint: 'POST /notices/{id}/questions',
    request: async (f) => ({
      method: 'POST',
      path: `/notices/${await f.published()}/questions`,
      body: { text: '请问这是什么时候的事？' },
    }),
    expect: everyone(201, { township: 403 }),
  },
  {
    endpoint: 'POST /notices/{id}/questions/{q}/answer',
    request: async (f) => {
      const q = await f.question();
      return {
        method: 'POST',
        path: `/notices/${q.noticeId}/questions/${q.questionId}/answer`,
        body: { text: '已经安排。' },
      };
    },
    expect: everyone(403, { committee: 200 }),
  },
  {
    endpoint: 'GET /village-settings',
    request: async (f) => ({ method: 'GET', path: scoped('/village-settings', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
  {
    endpoint: 'PUT /village-settings',
    request: async (f) => ({ method: 'PUT', path: '/village-settings', body: await f.settings() }),
    // The other village's chair changes their own village's settings.
    expect: everyone(403, { committee: 200, otherVillage: 200 }),
  },
  {
    endpoint: 'GET /disclosure-calendar',
    request: async (f) => ({ method: 'GET', path: scoped('/disclosure-calendar', f.villageId) }),
    expect: everyone(200, asVillagers(403)),
  },
];

let api: TestApi;
let callers: Record<Who, ApiClient>;
let fx: Fixtures;

beforeAll(async () => {
  api = await startTestApi('authzmatrix');
  const [v1, v2] = api.township.villages;
  const who = async (p: SeededPerson) => api.as(p);
  callers = {
    resident: await who(v1.residents[0]),
    householdHead: await who(v1.representatives[0]), // representatives are household heads in the seed
    representative: await who(v1.representatives[1]),
    partyMember: await who(v1.partyMembers[0]),
    gridWorker: await who(v1.gridWorkers[0]),
    partyBranch: await who(v1.partySecretary),
    committee: await who(v1.committee[1]),
    supervisor: await who(v1.supervisor),
    township: await who(api.township.staff),
    otherVillage: await who(v2.chair),
    signedOut: api.anonymous,
  };
  const chair = await who(v1.chair);
  const vice = await who(v1.committee[2]);
  const draft = async () => (await chair.post('/notices', notice)).body.noticeId as string;
  const pending = async () => {
    const id = await draft();
    await chair.post(`/notices/${id}/publish`);
    return id;
  };
  const published = async () => {
    const id = await pending();
    await vice.post(`/notices/${id}/approve`);
    return id;
  };
  fx = {
    chair,
    vice,
    villageId: v1.villageId,
    draft,
    pending,
    published,
    settings: async () => (await chair.get('/village-settings')).body.settings,
    question: async () => {
      const noticeId = await published();
      const q = await callers.resident.post(`/notices/${noticeId}/questions`, { text: '请问怎么办理？' });
      return { noticeId, questionId: q.body.questionId };
    },
  };
});
afterAll(() => api.stop());

describe.each(matrix)('$endpoint', (row) => {
  it.each(Object.entries(row.expect) as [Who, number][])('%s → %i', async (who, status) => {
    const r = await row.request(fx);
    const reply = await callers[who].request(r.method, r.path, r.body);
    expect(reply.status).toBe(status);
    if (status >= 400) expect(typeof reply.body.error.message).toBe('string');
  });
});
