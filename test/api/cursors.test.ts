import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { listScope, sealCursor } from '../../src/functions/lib/cursor';
import { env } from '../../src/functions/lib/env';
import { routes } from '../../src/shared/api';
import { type ApiClient, type Reply, startTestApi, type TestApi } from '../helpers/api';

/**
 * Every paged list hands out opaque cursors bound to the list and the caller: the
 * cursor it issued pages on, and a raw id, a tampered cursor, one from another
 * list, another caller's or a stale one is a 400 naming `cursor`, never a 500.
 */
let api: TestApi;
let v1: SeededVillage;
const as = (p: SeededPerson) => api.as(p);

beforeAll(async () => {
  api = await startTestApi('cursors', { withNotices: true });
  v1 = api.township.villages[0];
});
afterAll(() => api.stop());

const submit = async (who: SeededPerson, body: Record<string, unknown>) => {
  const r = await (await as(who)).post('/cases', { categoryId: 'roads', ...body });
  if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body.caseId as string;
};
const withCursor = (path: string, cursor: string) =>
  `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
const idsOf = (r: Reply) => (r.body.items as Record<string, string>[]).map((i) => i.caseId ?? i.noticeId ?? i.personId);
/** One character of the sealed part changed: still well-formed, no longer what the server sealed. */
const tampered = (cursor: string) => {
  const i = Math.floor(cursor.length / 2);
  return cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
};
const expectCursorRefused = (r: Reply) => {
  expect(r.status).toBe(400);
  expect(r.body.error.code).toBe('validation');
  expect(r.body.error.fields).toEqual([{ path: 'cursor', message: expect.stringContaining('翻页标记') }]);
  expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
};

/** The issued cursor pages on without repeats; every kind of foreign or forged cursor is refused. */
async function checkList(list: {
  caller: ApiClient;
  path: string; // with limit=1
  otherList: string; // same caller, another list (another view, filter or notice)
  otherCaller: ApiClient; // may open the same list
  rawId: string;
}) {
  const first = await list.caller.get(list.path);
  expect(first.status).toBe(200);
  const cursor = first.body.nextCursor as string;
  expect(typeof cursor).toBe('string');
  expect(cursor).not.toContain(idsOf(first)[0]);
  const second = await list.caller.get(withCursor(list.path, cursor));
  expect(second.status).toBe(200);
  expect(second.body.items.length).toBeGreaterThan(0);
  expect(idsOf(second).some((id) => idsOf(first).includes(id))).toBe(false);

  expectCursorRefused(await list.caller.get(withCursor(list.path, list.rawId)));
  expectCursorRefused(await list.caller.get(withCursor(list.path, Buffer.from(list.rawId).toString('base64url'))));
  expectCursorRefused(await list.caller.get(withCursor(list.path, tampered(cursor))));
  expectCursorRefused(await list.caller.get(withCursor(list.otherList, cursor)));
  expectCursorRefused(await list.otherCaller.get(withCursor(list.path, cursor)));
}

describe('case lists', () => {
  let author: SeededPerson;
  let neighbour: SeededPerson;
  let privateCase: string;
  beforeAll(async () => {
    [author, neighbour] = [v1.residents[0], v1.residents[1]];
    await submit(author, { kind: 'suggestion', text: '三组到村口的路灯坏了三盏，晚上出门不安全。' });
    await submit(author, { kind: 'suggestion', text: '村口公交站的雨棚漏雨，等车的老人淋湿了。' });
    await submit(neighbour, { kind: 'suggestion', text: '建议在文化广场多装两个垃圾桶，周末人多。' });
    privateCase = await submit(neighbour, {
      kind: 'petition',
      categoryId: 'disputes',
      text: '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调。',
    });
  });

  it('the public list: its own cursor pages; a private case id (once a 500) and foreign cursors are 400', async () => {
    await checkList({
      caller: await as(author),
      path: '/cases?view=public&limit=1',
      otherList: '/cases?view=mine&limit=1',
      otherCaller: await as(neighbour),
      rawId: privateCase,
    });
  });

  it('my own cases: another person’s case id or cursor is a 400', async () => {
    await checkList({
      caller: await as(author),
      path: '/cases?view=mine&limit=1',
      otherList: '/cases?view=public&limit=1',
      otherCaller: await as(neighbour),
      rawId: privateCase,
    });
  });

  it('the work list: a cursor is bound to its filter as well as its view', async () => {
    await checkList({
      caller: await as(v1.chair),
      path: '/cases?view=work&limit=1',
      otherList: '/cases?view=work&open=true&limit=1',
      otherCaller: await as(v1.committee[1]),
      rawId: privateCase,
    });
  });

  it('the needs list', async () => {
    const chair = await as(v1.chair);
    for (const text of ['建议把村东头的小桥加宽，农机过不去。', '建议在村小学门口修一段人行道。']) {
      const caseId = await submit(author, { kind: 'suggestion', text });
      expect((await chair.post(`/cases/${caseId}/accept`, {})).status).toBe(200);
      expect((await chair.post(`/cases/${caseId}/sort`, { track: 'needs' })).status).toBe(200);
    }
    await checkList({
      caller: await as(neighbour),
      path: '/cases?view=public&track=needs&limit=1',
      otherList: '/cases?view=public&track=project&limit=1',
      otherCaller: await as(author),
      rawId: privateCase,
    });
  });

  it('a cursor that outlived a session is refused as stale; the same one fresh pages on', async () => {
    const caller = await as(author);
    const first = await caller.get('/cases?view=public&limit=1');
    const session = { accountId: 'any', person: { personId: author.personId, tenantId: author.tenantId } };
    const scope = listScope(routes.listCases, undefined, { view: 'public', limit: 1 }, session);
    const last = first.body.items[0];
    const position = `${last.createdAt}#${last.caseId}`;
    const stale = sealCursor(position, scope, new Date(Date.now() - (env.sessionHours + 1) * 3600_000));
    const r = await caller.get(withCursor('/cases?view=public&limit=1', stale));
    expectCursorRefused(r);
    expect(r.body.error.message).toContain('过期');
    const fresh = await caller.get(withCursor('/cases?view=public&limit=1', sealCursor(position, scope, new Date())));
    expect(fresh.status).toBe(200);
    expect(idsOf(fresh)).not.toContain(last.caseId);
  });
});

describe('notice lists', () => {
  it('the notice list: a cursor is bound to its category', async () => {
    await checkList({
      caller: await as(v1.residents[2]),
      path: '/notices?limit=1',
      otherList: '/notices?category=finance&limit=1',
      otherCaller: await as(v1.residents[3]),
      rawId: v1.publishedNoticeIds[0],
    });
  });

  it('the readers of a notice: a cursor is bound to the notice and the caller', async () => {
    // A page holds 100 readers, more than a test village has: the cursor is sealed here as the server would.
    const [noticeId, otherNoticeId] = v1.publishedNoticeIds;
    const readers = [v1.residents[4], v1.residents[5], v1.residents[6]];
    for (const r of readers) expect((await (await as(r)).get(`/notices/${noticeId}`)).status).toBe(200);
    const supervisor = await as(v1.supervisor);
    const session = { accountId: 'any', person: { personId: v1.supervisor.personId, tenantId: v1.villageId } };
    const scope = listScope(routes.listReaders, { noticeId }, {}, session);
    const all = (await supervisor.get(`/notices/${noticeId}/readers`)).body.items as { personId: string }[];
    const cursor = sealCursor(all[0].personId, scope, new Date());
    const next = await supervisor.get(withCursor(`/notices/${noticeId}/readers`, cursor));
    expect(next.status).toBe(200);
    expect(next.body.items.map((p: { personId: string }) => p.personId)).toEqual(all.slice(1).map((p) => p.personId));

    const path = `/notices/${noticeId}/readers`;
    expectCursorRefused(await supervisor.get(withCursor(path, readers[0].personId)));
    expectCursorRefused(await supervisor.get(withCursor(path, tampered(cursor))));
    expectCursorRefused(await supervisor.get(withCursor(`/notices/${otherNoticeId}/readers`, cursor)));
    expectCursorRefused(await (await as(v1.chair)).get(withCursor(path, cursor)));
  });
});

describe('the roster', () => {
  it('a cursor is bound to its filter and the caller', async () => {
    await checkList({
      caller: await as(v1.chair),
      path: '/people?limit=1',
      otherList: '/people?role=representative&limit=1',
      otherCaller: await as(v1.committee[1]),
      rawId: v1.residents[0].personId,
    });
  });
});
