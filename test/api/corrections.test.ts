import { transact } from '../../src/functions/lib/db';
import { putCorrection } from '../../src/functions/privacy/store';
import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * 更正申请 (issue 17 §2): a resident's request to correct their register entry
 * reaches the committee's list with its deadline, nearest first; a committee
 * member answers it once, the answer reaches the resident's inbox, and the
 * request leaves the list. Only the committee lists or answers.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('corrections');
});
afterAll(() => api.stop());

const village = () => api.township.villages[0];
const ask = async (who: (typeof api.township.villages)[0]['residents'][0], field: string, text: string) => {
  const r = await (await api.as(who)).post('/me/data/corrections', { field, text });
  expect(r.status).toBe(201);
  return r.body as { correctionId: string; dueBy: string };
};

it('lists open requests to the committee, nearest deadline first, overdue ones marked', async () => {
  const v = village();
  const mine = await ask(v.residents[20], 'name', '我的名字登记错了一个字，应为“王建国”');
  // One asked long ago whose deadline has passed (written as the request would have been).
  await transact([
    putCorrection({
      correctionId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      villageId: v.villageId,
      personId: v.residents[21].personId,
      field: 'groupName',
      text: '我家早已划到第二村民小组',
      requestedAt: '2026-01-02T02:00:00.000Z',
      dueBy: '2026-01-17',
    }),
  ]);
  const chair = await api.as(v.chair);
  const r = await chair.get('/corrections');
  expect(r.status).toBe(200);
  const [first, ...rest] = r.body.items;
  expect(first).toMatchObject({ personId: v.residents[21].personId, field: 'groupName', overdue: true });
  expect(first.personName).toBe(v.residents[21].name);
  const asked = rest.find((c: { correctionId: string }) => c.correctionId === mine.correctionId);
  expect(asked).toMatchObject({ dueBy: mine.dueBy, overdue: false, text: '我的名字登记错了一个字，应为“王建国”' });

  // Paged by a cursor to the same list.
  const one = await chair.get('/corrections?limit=1');
  expect(one.body.items).toEqual([first]);
  const two = await chair.get(`/corrections?limit=1&cursor=${one.body.nextCursor}`);
  expect(two.body.items[0].correctionId).toBe(r.body.items[1].correctionId);
});

it('is answered once: the resident reads the reply in their inbox, the request leaves the list', async () => {
  const v = village();
  const resident = v.residents[22];
  const { correctionId } = await ask(resident, 'phone', '手机号换了，请当面核对后更正');
  const chair = await api.as(v.chair);

  const bad = await chair.post(`/corrections/${correctionId}/resolve`, { reply: '好' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['corrected', 'reply']);
  expect((await rawTable().item(`TN#${v.villageId}#CORRECTION#${correctionId}`, 'CORRECTION'))?.resolvedAt).toBe(
    undefined,
  );

  const r = await chair.post(`/corrections/${correctionId}/resolve`, {
    corrected: true,
    reply: '已核对户口簿，电话已更正',
  });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ correctionId, corrected: true });
  const again = await (await api.as(v.committee[1])).post(`/corrections/${correctionId}/resolve`, {
    corrected: false,
    reply: '重复的答复',
  });
  expect(again.status).toBe(409);

  const list = (await chair.get('/corrections?limit=50')).body.items;
  expect(list.some((c: { correctionId: string }) => c.correctionId === correctionId)).toBe(false);
  await api.events.settle();
  const inbox = (await (await api.as(resident)).get('/inbox')).body.items;
  const news = inbox.find((i: { kind: string }) => i.kind === 'privacy.corrected');
  expect(news.title).toContain('手机号');
  expect(news.title).toContain('已更正');
  expect(news.body).toContain('已核对户口簿，电话已更正');
  expect(news.link).toMatchObject({ page: 'my-data' });
  // The audit entry keeps the outcome, not the reply (which may quote the corrected value).
  const audit = await rawTable().partition(`TN#${v.villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`);
  const entry = audit.find(
    (e) => e.action === 'privacy.correction.resolve' && e.target === `person:${resident.personId}`,
  );
  expect(entry?.reason).toBe('手机号：已更正');
  expect(JSON.stringify(entry)).not.toContain('电话已更正');
});

it('only the committee lists or answers; another village gets nothing; an unknown request is a 404', async () => {
  const v = village();
  const { correctionId } = await ask(v.residents[23], 'other', '我家的户主登记的不对');
  for (const who of [v.supervisor, v.residents[23], v.gridWorkers[0]]) {
    const c = await api.as(who);
    expect((await c.get('/corrections')).status).toBe(403);
    expect(
      (await c.post(`/corrections/${correctionId}/resolve`, { corrected: false, reply: '不是我答复' })).status,
    ).toBe(403);
  }
  const staff = await api.as(api.township.staff);
  expect((await staff.get(`/corrections?villageId=${v.villageId}`)).status).toBe(403);
  const otherChair = await api.as(api.township.villages[1].chair);
  expect((await otherChair.get(`/corrections?villageId=${v.villageId}`)).status).toBe(404);
  expect((await otherChair.get('/corrections')).body.items).toEqual([]);
  expect(
    (await otherChair.post(`/corrections/${correctionId}/resolve`, { corrected: false, reply: '别村的答复' })).status,
  ).toBe(404);
  expect(
    (
      await (
        await api.as(v.chair)
      ).post('/corrections/01HZZZZZZZZZZZZZZZZZZZZZZY/resolve', {
        corrected: false,
        reply: '没有这条',
      })
    ).status,
  ).toBe(404);
});
