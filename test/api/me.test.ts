import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/** "Me": who I am, and my household (户) as the village register has it. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('apime');
});
afterAll(() => api.stop());

const registerOf = async (villageId: string) =>
  (await rawTable().partition(`TN#${villageId}`)).filter((i) => i.type === 'person');

describe('my household', () => {
  it('lists exactly the people registered in my household, marking me and the head', async () => {
    const v = api.township.villages[0];
    const me = v.residents[0];
    const register = await registerOf(v.villageId);
    const mine = register.find((p) => p.personId === me.personId)!;
    const expected = register.filter((p) => p.householdId === mine.householdId);

    const r = await (await api.as(me)).get('/me/household');
    expect(r.status).toBe(200);
    expect(r.body.householdId).toBe(mine.householdId);
    expect(r.body.members.map((m: { name: string }) => m.name).sort()).toEqual(expected.map((p) => p.name).sort());
    expect(r.body.members.filter((m: { isMe: boolean }) => m.isMe).map((m: { name: string }) => m.name)).toEqual([
      me.name,
    ]);
    const heads = expected.filter((p) => p.roles.some((t: { role: string }) => t.role === 'household_head'));
    expect(r.body.members.filter((m: { isHead: boolean }) => m.isHead)).toHaveLength(heads.length);
    expect(JSON.stringify(r.body)).not.toContain('personId');
  });

  it("shows no one else's household", async () => {
    const v = api.township.villages[0];
    const register = await registerOf(v.villageId);
    const [a, b] = [
      v.residents[0],
      v.residents.find(
        (p) =>
          register.find((x) => x.personId === p.personId)?.householdId !==
          register.find((x) => x.personId === v.residents[0].personId)?.householdId,
      )!,
    ];
    const mineA = (await (await api.as(a)).get('/me/household')).body;
    const mineB = (await (await api.as(b)).get('/me/household')).body;
    expect(mineA.householdId).not.toBe(mineB.householdId);
    expect(mineB.members.some((m: { name: string; isMe: boolean }) => m.isMe && m.name === b.name)).toBe(true);
  });

  it('township staff have no household; signed-out callers are refused', async () => {
    expect((await (await api.as(api.township.staff)).get('/me/household')).body).toEqual({
      householdId: null,
      members: [],
    });
    expect((await api.anonymous.get('/me/household')).status).toBe(401);
  });
});

describe('my submissions', () => {
  it('lists the questions I asked, newest first, saying which were answered; nobody else’s', async () => {
    const v = api.township.villages[0];
    const chair = await api.as(v.chair);
    const draft = await chair.post('/notices', { category: 'village', title: '我的提交测试', body: '正文' });
    await chair.post(`/notices/${draft.body.noticeId}/publish`);
    await (await api.as(v.committee[1])).post(`/notices/${draft.body.noticeId}/approve`);
    const me = await api.as(v.residents[5]);
    const first = await me.post(`/notices/${draft.body.noticeId}/questions`, { text: '第一个问题' });
    const second = await me.post(`/notices/${draft.body.noticeId}/questions`, { text: '第二个问题' });
    await (await api.as(v.residents[6])).post(`/notices/${draft.body.noticeId}/questions`, { text: '别人的问题' });
    await chair.post(`/notices/${draft.body.noticeId}/questions/${first.body.questionId}/answer`, { text: '已答复' });
    const r = await me.get('/me/submissions');
    expect(r.status).toBe(200);
    const mine = r.body.questions.filter((q: { noticeId: string }) => q.noticeId === draft.body.noticeId);
    expect(mine.map((q: { text: string }) => q.text)).toEqual(['第二个问题', '第一个问题']);
    expect(mine[0].questionId).toBe(second.body.questionId);
    expect(mine[0].answeredAt).toBeUndefined();
    expect(mine[1].answeredAt).toEqual(expect.any(String));
    expect(mine[1].noticeTitle).toBe('我的提交测试');
  });
});
