import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/** 质询: the 监委会 questions the committee; deadlines on the working-day calendar; confidential ones hidden. */
let api: TestApi;
let v1: SeededVillage;
let supervisor: ApiClient;
let chair: ApiClient;
let resident: ApiClient;
let township: ApiClient;
const raw = rawTable();
const auditOf = async (villageId: string, inquiryId: string, at = new Date()) =>
  (await raw.partition(`TN#${villageId}#AUDIT#${at.toISOString().slice(0, 7)}`)).filter(
    (e) => e.target === `inquiry:${inquiryId}`,
  );

const inquiry = (over: Record<string, unknown> = {}) => ({
  subject: 'spending',
  title: '村部修缮开支',
  text: '十月份村部修缮支出 3.2 万元，请说明招标方式和验收情况。',
  ...over,
});

beforeAll(async () => {
  api = await startTestApi('apiinquiry');
  [v1] = api.township.villages;
  supervisor = await api.as(v1.supervisor);
  chair = await api.as(v1.chair);
  resident = await api.as(v1.residents[0]);
  township = await api.as(api.township.staff);
});
afterAll(() => api.stop());

describe('asking and answering', () => {
  it('lets a 监委会 member ask, the committee hear of it and answer, the asker hear back; all audited', async () => {
    const asked = await supervisor.post('/inquiries', inquiry());
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'open', overdue: false, askedBy: { name: v1.supervisor.name } });
    const id = asked.body.inquiryId;
    await api.events.settle();
    const committeeInbox = (await chair.get('/inbox')).body.items;
    expect(
      committeeInbox.some(
        (m: { kind: string; link: { id: string } }) => m.kind === 'inquiry.asked' && m.link.id === id,
      ),
    ).toBe(true);

    // Public by default: a resident reads it in the list and alone.
    expect((await resident.get('/inquiries')).body.items.map((i: { inquiryId: string }) => i.inquiryId)).toContain(id);
    expect((await resident.get(`/inquiries/${id}`)).status).toBe(200);

    const answered = await chair.post(`/inquiries/${id}/answer`, {
      text: '采用村民代表会议议定的三家比价，已由监委会参与验收。',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', answer: { answeredBy: { name: v1.chair.name } } });
    const again = await chair.post(`/inquiries/${id}/answer`, { text: '再次答复，应当被拒绝才对。' });
    expect(again.status).toBe(409);
    expect((await resident.get(`/inquiries/${id}`)).body.answer.text).toContain('三家比价');

    await api.events.settle();
    const mine = (await supervisor.get('/inbox')).body.items;
    expect(
      mine.some((m: { kind: string; link: { id: string } }) => m.kind === 'inquiry.answered' && m.link.id === id),
    ).toBe(true);
    expect((await auditOf(v1.villageId, id)).map((e) => e.action).sort()).toEqual(['inquiry.answer', 'inquiry.ask']);
    // The answer took it off the deadline list.
    expect((await raw.partition('INQUIRIES#due')).some((e) => e.inquiryId === id)).toBe(false);
  });

  it('refers to a notice of the village by id, and refuses one that is not there, writing nothing', async () => {
    const draft = await chair.post('/notices', {
      category: 'village',
      title: '质询关联公告',
      body: '用于质询关联测试。',
    });
    const ok = await supervisor.post('/inquiries', inquiry({ subject: 'notice', refId: draft.body.noticeId }));
    expect(ok.status).toBe(201);
    expect(ok.body.refTitle).toBe('质询关联公告');
    const before = (await supervisor.get('/inquiries')).body.items.length;
    const bad = await supervisor.post(
      '/inquiries',
      inquiry({ subject: 'notice', refId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('refId');
    expect(bad.body.error.message).toContain('关联事项');
    const mixed = await supervisor.post('/inquiries', inquiry({ refId: draft.body.noticeId }));
    expect(mixed.status).toBe(400);
    expect((await supervisor.get('/inquiries')).body.items.length).toBe(before);
  });

  it('is asked by the 监委会 only and answered by the committee only', async () => {
    expect((await resident.post('/inquiries', inquiry())).status).toBe(403);
    expect((await chair.post('/inquiries', inquiry())).status).toBe(403);
    const id = (await supervisor.post('/inquiries', inquiry())).body.inquiryId;
    expect((await supervisor.post(`/inquiries/${id}/answer`, { text: '监委会不能自己答复自己的质询。' })).status).toBe(
      403,
    );
    expect((await township.post(`/inquiries/${id}/answer`, { text: '乡镇不代村委会答复质询内容。' })).status).toBe(403);
  });

  it('answers a retried ask with the first inquiry', async () => {
    const headers = { 'idempotency-key': 'inquiry-retry-0001' };
    const a = await supervisor.request('POST', '/inquiries', inquiry({ title: '重试质询' }), headers);
    const b = await supervisor.request('POST', '/inquiries', inquiry({ title: '重试质询' }), headers);
    expect(b.body.inquiryId).toBe(a.body.inquiryId);
    const items = (await supervisor.get('/inquiries')).body.items.filter(
      (i: { title: string }) => i.title === '重试质询',
    );
    expect(items).toHaveLength(1);
  });
});

describe('confidential inquiries', () => {
  it('exist only for the 监委会, the committee and the township: everyone else gets 404 and no trace in the list', async () => {
    const id = (await supervisor.post('/inquiries', inquiry({ title: '不公开的质询', confidential: true }))).body
      .inquiryId;
    const scope = `?villageId=${v1.villageId}`;
    for (const who of [supervisor, chair, township]) {
      expect((await who.get(`/inquiries/${id}${scope}`)).status).toBe(200);
      expect((await who.get(`/inquiries${scope}`)).body.items.map((i: { inquiryId: string }) => i.inquiryId)).toContain(
        id,
      );
    }
    const others: SeededPerson[] = [v1.residents[0], v1.representatives[0], v1.gridWorkers[0], v1.partyMembers[0]];
    for (const p of others) {
      const who = await api.as(p);
      expect((await who.get(`/inquiries/${id}`)).status).toBe(404);
      const listed = (await who.get('/inquiries')).body.items;
      expect(listed.some((i: { title: string }) => i.title === '不公开的质询')).toBe(false);
      expect((await who.post(`/inquiries/${id}/answer`, { text: '看不到的质询也不能答复。' })).status).toBe(404);
    }
  });
});

describe('the answer deadline', () => {
  const service = () => import('../../src/functions/inquiries/service');
  const actorOf = async (p: SeededPerson, now: Date) => {
    const { getPerson } = await import('../../src/functions/people/store');
    const { toActor } = await import('../../src/functions/lib/actor');
    const person = await getPerson(p.tenantId, p.personId);
    if (!person) throw new Error('no person');
    return toActor(person, now);
  };

  it('counts 10 working days on the village calendar, skipping 国庆 and counting its make-up Saturday', async () => {
    const s = await service();
    const at = new Date('2026-09-30T02:00:00Z'); // Wednesday 10:00 in the village
    const q = await s.ask(
      await actorOf(v1.supervisor, at),
      { ...inquiry(), confidential: false } as never,
      undefined,
      at,
    );
    // 10/8 9 10(Sat, 调休) 12 13 14 15 16 19 20: the end of 20 October, village time.
    expect(q.dueBy).toBe('2026-10-20T16:00:00.000Z');
  });

  it('follows the village setting', async () => {
    const v2 = api.township.villages[1];
    const chair2 = await api.as(v2.chair);
    const settings = (await chair2.get('/village-settings')).body.settings;
    expect(settings.inquiryAnswerDays).toBe(10);
    expect((await chair2.put('/village-settings', { ...settings, inquiryAnswerDays: 3 })).status).toBe(200);
    const q = (await (await api.as(v2.supervisor)).post('/inquiries', inquiry())).body;
    const { dueAt } = await import('../../src/shared/rules/deadlines');
    const cal = { utcOffsetMinutes: 480, holidays: settings.holidays, workdays: settings.workdays };
    expect(q.dueBy).toBe(dueAt(q.askedAt, { amount: 3, unit: 'working_days' }, cal));
    const bad = await chair2.put('/village-settings', { ...settings, inquiryAnswerDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('inquiryAnswerDays');
  });

  it('sends an inquiry unanswered past its deadline to the township once; the committee may still answer', async () => {
    const s = await service();
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    const q = await s.ask(
      await actorOf(v1.supervisor, longAgo),
      { ...inquiry({ title: '逾期质询' }), confidential: false } as never,
      undefined,
      longAgo,
    );
    expect((await resident.get(`/inquiries/${q.inquiryId}`)).body.overdue).toBe(true);
    const first = await s.escalateDue(new Date());
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    await s.escalateDue(new Date());
    const after = (await township.get(`/inquiries/${q.inquiryId}?villageId=${v1.villageId}`)).body;
    expect(after.escalatedAt).toBeDefined();
    const overdue = (await township.get(`/inquiries?villageId=${v1.villageId}&status=overdue`)).body.items;
    expect(overdue.map((i: { inquiryId: string }) => i.inquiryId)).toContain(q.inquiryId);
    await api.events.settle();
    const told = (await township.get('/inbox')).body.items.filter(
      (m: { kind: string; link: { id: string } }) => m.kind === 'inquiry.township' && m.link.id === q.inquiryId,
    );
    expect(told).toHaveLength(1);
    expect((await auditOf(v1.villageId, q.inquiryId, new Date())).map((e) => e.action)).toEqual(['inquiry.escalate']);
    const late = await chair.post(`/inquiries/${q.inquiryId}/answer`, { text: '迟到的答复：已补充招标材料。' });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: 'answered', overdue: false });
  });
});
