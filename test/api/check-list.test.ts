import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, startTestApi, type TestApi } from '../helpers/api';

/** The 监委会's monthly check list: made from the data, each item leaving it once it is done. */
let api: TestApi;
let v1: SeededVillage;
let supervisor: ApiClient;
let chair: ApiClient;
const DAY = 86_400_000;

beforeAll(async () => {
  api = await startTestApi('apichecklist');
  [v1] = api.township.villages;
  supervisor = await api.as(v1.supervisor);
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

const checkList = async (who = supervisor, scope = '') => {
  const r = await who.get(`/oversight/check-list${scope}`);
  expect(r.status).toBe(200);
  return r.body;
};
const actorOf = async (p: SeededPerson, now: Date) => {
  const { getPerson } = await import('../../src/functions/people/store');
  const { toActor } = await import('../../src/functions/lib/actor');
  const person = await getPerson(p.tenantId, p.personId);
  if (!person) throw new Error('no person');
  return toActor(person, now);
};
const ids = (items: Record<string, string>[], key: string) => items.map((i) => i[key]);

describe('the check list', () => {
  it('is the 监委会’s and the township’s', async () => {
    expect((await chair.get('/oversight/check-list')).status).toBe(403);
    expect((await (await api.as(v1.residents[0])).get('/oversight/check-list')).status).toBe(403);
    const township = await checkList(await api.as(api.township.staff), `?villageId=${v1.villageId}`);
    expect(township.villageName).toBe(v1.name);
    expect(township.month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('lists 财务 waiting for the 监委会 until it is signed off', async () => {
    const id = (
      await chair.post('/notices', {
        category: 'finance',
        title: '本月财务收支公开（清单）',
        body: '本月收支明细如下。',
        amounts: [{ item: '保洁费', direction: 'expense', amountYuan: 1800 }],
      })
    ).body.noticeId;
    await chair.post(`/notices/${id}/publish`);
    await (await api.as(v1.committee[1])).post(`/notices/${id}/approve`);
    expect(ids((await checkList()).notSignedOff, 'noticeId')).toContain(id);
    const signed = await supervisor.post(`/notices/${id}/sign-off`);
    expect(signed.body).toMatchObject({ status: 'published' });
    expect(ids((await checkList()).notSignedOff, 'noticeId')).not.toContain(id);
  });

  it('lists 财务 published this month without the 监委会 (the rule was off), and the categories overdue for disclosure', async () => {
    const settings = (await chair.get('/village-settings')).body.settings;
    await chair.put('/village-settings', { ...settings, signOffCategories: [] });
    let id: string;
    try {
      id = (await chair.post('/notices', { category: 'finance', title: '未经把关的财务公开', body: '本月收支。' })).body
        .noticeId;
      await chair.post(`/notices/${id}/publish`);
      expect((await (await api.as(v1.committee[1])).post(`/notices/${id}/approve`)).body.status).toBe('published');
    } finally {
      await chair.put('/village-settings', settings);
    }
    const list = await checkList();
    expect(ids(list.notSignedOff, 'noticeId')).toContain(id);
    const calendar = (await supervisor.get('/disclosure-calendar')).body.entries;
    expect(ids(list.disclosureOverdue, 'category')).toEqual(
      ids(
        calendar.filter((e: { status: string }) => e.status === 'overdue'),
        'category',
      ),
    );
  });

  it('lists inquiries and questions unanswered past their deadlines, and not before', async () => {
    const inquiries = await import('../../src/functions/inquiries/service');
    const notices = await import('../../src/functions/notices/service');
    const longAgo = new Date(Date.now() - 20 * DAY);
    const asked = {
      subject: 'other',
      title: '逾期质询（清单）',
      text: '请说明村集体土地流转的收益去向。',
      confidential: true,
    };
    const late = await inquiries.ask(await actorOf(v1.supervisor, longAgo), asked as never, undefined, longAgo);
    const fresh = await supervisor.post('/inquiries', { ...asked, title: '新质询（清单）' });

    const notice = (
      await chair.post('/notices', { category: 'village', title: '清单测试公告', body: '用于清单测试。' })
    ).body.noticeId;
    await chair.post(`/notices/${notice}/publish`);
    await (await api.as(v1.committee[1])).post(`/notices/${notice}/approve`);
    const lateQ = await notices.ask(
      await actorOf(v1.residents[3], longAgo),
      notice,
      '这笔钱什么时候发放？',
      undefined,
      longAgo,
    );
    const freshQ = await (await api.as(v1.residents[4])).post(`/notices/${notice}/questions`, { text: '在哪里领取？' });

    const list = await checkList();
    expect(ids(list.unansweredInquiries, 'inquiryId')).toContain(late.inquiryId);
    expect(ids(list.unansweredInquiries, 'inquiryId')).not.toContain(fresh.body.inquiryId);
    expect(ids(list.unansweredQuestions, 'questionId')).toContain(lateQ.questionId);
    expect(ids(list.unansweredQuestions, 'questionId')).not.toContain(freshQ.body.questionId);
    const q = list.unansweredQuestions.find((i: { questionId: string }) => i.questionId === lateQ.questionId);
    expect(q.noticeTitle).toBe('清单测试公告');
    expect(q.dueBy < new Date().toISOString()).toBe(true);

    await chair.post(`/inquiries/${late.inquiryId}/answer`, { text: '收益已入村集体账户，明细见财务公开。' });
    await chair.post(`/notices/${notice}/questions/${lateQ.questionId}/answer`, { text: '下周一起在村部发放。' });
    const after = await checkList();
    expect(ids(after.unansweredInquiries, 'inquiryId')).not.toContain(late.inquiryId);
    expect(ids(after.unansweredQuestions, 'questionId')).not.toContain(lateQ.questionId);
  });

  it('follows the question deadline setting', async () => {
    const notices = await import('../../src/functions/notices/service');
    const notice = (
      await chair.post('/notices', { category: 'village', title: '期限设置公告', body: '用于期限设置测试。' })
    ).body.noticeId;
    await chair.post(`/notices/${notice}/publish`);
    await (await api.as(v1.committee[1])).post(`/notices/${notice}/approve`);
    const threeWeeks = new Date(Date.now() - 21 * DAY);
    const q = await notices.ask(
      await actorOf(v1.residents[5], threeWeeks),
      notice,
      '三周前的提问？',
      undefined,
      threeWeeks,
    );
    expect(ids((await checkList()).unansweredQuestions, 'questionId')).toContain(q.questionId);
    const settings = (await chair.get('/village-settings')).body.settings;
    expect(settings.questionAnswerDays).toBe(5);
    await chair.put('/village-settings', { ...settings, questionAnswerDays: 30 });
    try {
      expect(ids((await checkList()).unansweredQuestions, 'questionId')).not.toContain(q.questionId);
    } finally {
      await chair.put('/village-settings', settings);
    }
  });

  it('lists cases past their clocks', async () => {
    const cases = await import('../../src/functions/cases/submit');
    const longAgo = new Date(Date.now() - 40 * DAY);
    const c = await cases.submitCase(
      await actorOf(v1.residents[6], longAgo),
      {
        kind: 'petition',
        categoryId: 'roads',
        text: '村口涵洞堵塞，雨天积水，请尽快疏通。',
        anonymous: false,
        photos: [],
      } as never,
      undefined,
      longAgo,
    );
    const list = await checkList();
    const row = list.overdueCases.find((i: { caseId: string }) => i.caseId === c.caseId);
    expect(row).toMatchObject({ overdue: 'accept' });
  });

  it('lists a major matter put to the vote without its 四议 stages, each stage leaving as it is recorded', async () => {
    const v2 = api.township.villages[1];
    const chair2 = await api.as(v2.chair);
    const settings = (await chair2.get('/village-settings')).body.settings;
    await chair2.put('/village-settings', { ...settings, majorMattersProcessMandatory: false });
    const topic = await chair2.post('/topics', {
      title: '村集体土地流转方案',
      background: '拟将村北 80 亩集体土地流转给合作社，期限十年。',
      body: 'representatives',
      kind: 'motion',
      secret: false,
      major: true,
      closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
    });
    expect(topic.status).toBe(201);
    const id = topic.body.topicId;
    const v2list = async () => checkList(await api.as(v2.supervisor));
    // A draft is still being prepared: not yet owed.
    expect(ids((await v2list()).majorMatters, 'topicId')).not.toContain(id);
    expect((await chair2.post(`/topics/${id}/open`)).status).toBeLessThan(300);
    await api.events.settle();
    const open = (await v2list()).majorMatters.find((m: { topicId: string }) => m.topicId === id);
    expect(open.missing).toEqual(['proposal', 'committees', 'party_review']);
    const stage = await chair2.post(`/topics/${id}/stages`, {
      stage: 'committees',
      on: new Date().toISOString().slice(0, 10),
      minutes: '两委会议商议流转方案，同意提交。',
      outcome: '同意',
    });
    expect(stage.status).toBeLessThan(300);
    const after = (await v2list()).majorMatters.find((m: { topicId: string }) => m.topicId === id);
    expect(after.missing).toEqual(['proposal', 'party_review']);
  });
});
