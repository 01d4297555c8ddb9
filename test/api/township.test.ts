import type { SeededVillage } from '../../scripts/local/seed';
import { dynamo } from '../../src/functions/lib/db';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * The township's table of its villages (issue 14 §3): read from per-village summary
 * items that events keep up to date, in a constant number of reads however many
 * cases a village holds, counting only what the caller could open one by one.
 */
let api: TestApi;
let v1: SeededVillage;
let v2: SeededVillage;

/** The DynamoDB calls this process makes (the API is served in it), by command. */
const calls = new Map<string, number>();
dynamo.middlewareStack.add(
  (next, context) => async (args) => {
    const name = String(context.commandName).replace(/Command$/, '');
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return next(args);
  },
  { step: 'initialize', name: 'countTownshipReads' },
);

beforeAll(async () => {
  api = await startTestApi('township', { withNotices: true });
  [v1, v2] = api.township.villages;
  // The read-count test files 25 cases as the chair: beyond a person's daily allowance (writeLimits).
  const chair = await api.as(v1.chair);
  const settings = (await chair.get('/village-settings')).body.settings;
  await chair.put('/village-settings', { ...settings, writeLimits: { casesPerDay: 100, questionsPerHour: 20 } });
});
afterAll(() => api.stop());

const rowOf = async (who = api.township.staff, villageId = v1.villageId) => {
  const r = await (await api.as(who)).get('/township/villages');
  expect(r.status).toBe(200);
  return r.body.items.find((i: { villageId: string }) => i.villageId === villageId);
};
const suggestion = (text: string, over: Record<string, unknown> = {}) => ({
  kind: 'suggestion',
  categoryId: 'roads',
  text,
  ...over,
});

describe('the township table', () => {
  it('shows every village of the township, sortable by any column', async () => {
    const staff = await api.as(api.township.staff);
    const r = await staff.get('/township/villages');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { villageId: string }) => i.villageId).sort()).toEqual(
      [v1.villageId, v2.villageId].sort(),
    );
    const row = r.body.items.find((i: { villageId: string }) => i.villageId === v1.villageId);
    expect(row.villageName).toBe(v1.name);
    expect(row.binding.adults).toBeGreaterThan(0);
    expect(row.binding.rate).toBe(row.binding.bound / row.binding.adults);
    expect(r.body).toMatchObject({ sort: 'name', order: 'asc' });

    const chair = await api.as(v2.chair);
    for (let i = 0; i < 2; i++)
      expect((await chair.post('/cases', suggestion(`二村第 ${i + 1} 条：村口排水沟堵了，下雨就积水。`))).status).toBe(
        201,
      );
    await api.events.settle();
    const byOpen = await staff.get('/township/villages?sort=casesOpen&order=desc');
    expect(byOpen.body.items[0].villageId).toBe(v2.villageId);
    const asc = await staff.get('/township/villages?sort=casesOpen&order=asc');
    expect(asc.body.items.at(-1).villageId).toBe(v2.villageId);

    const bad = await staff.get('/township/villages?sort=size');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('sort');
  });

  it('keeps up as things happen: a case, a rating, an inquiry, the last activity', async () => {
    const before = await rowOf();
    const resident = await api.as(v1.residents[0]);
    const made = await resident.post('/cases', suggestion('五组的路灯坏了两盏，晚上出门看不清，请尽快修理。'));
    expect(made.status).toBe(201);
    await api.events.settle();
    const after = await rowOf();
    expect(after.cases.open).toBe(before.cases.open + 1);
    expect(after.lastActivityAt >= made.body.createdAt).toBe(true);

    const noticeId = v1.publishedNoticeIds[0];
    expect((await resident.put(`/notices/${noticeId}/my-rating`, { rating: 'unsatisfied' })).status).toBe(200);
    expect(
      (await (await api.as(v1.residents[1])).put(`/notices/${noticeId}/my-rating`, { rating: 'satisfied' })).status,
    ).toBe(200);
    const rated = await rowOf();
    expect(rated.notices.rated).toBe(before.notices.rated + 2);
    expect(rated.notices.satisfaction).not.toBeNull();

    // A 质询 counts as open from the moment it is asked until the committee answers it.
    const asked = await (await api.as(v1.supervisor)).post('/inquiries', {
      subject: 'spending',
      title: '村部修缮开支',
      text: '十月份村部修缮支出 3.2 万元，请说明招标方式和验收情况。',
    });
    expect(asked.status).toBe(201);
    expect((await rowOf()).inquiriesOpen).toBe(before.inquiriesOpen + 1);
    const answered = await (await api.as(v1.chair)).post(`/inquiries/${asked.body.inquiryId}/answer`, {
      text: '经村民代表会议议定，公开比选，已验收。',
    });
    expect(answered.status).toBe(200);
    expect((await rowOf()).inquiriesOpen).toBe(before.inquiriesOpen);
  });

  it('counts a care concern only for civil-affairs staff, who may open it', async () => {
    const [staffBefore, civilBefore] = [await rowOf(), await rowOf(api.township.civilAffairs)];
    const care = await (await api.as(v1.residents[2])).post(
      '/cases',
      suggestion('五组独居的王大爷最近几天没出门，担心他身体出问题。', { categoryId: 'care' }),
    );
    expect(care.status).toBe(201);
    await api.events.settle();
    const staffAfter = await rowOf();
    const civilAfter = await rowOf(api.township.civilAffairs);
    expect(civilAfter.cases.open).toBe(civilBefore.cases.open + 1);
    expect(staffAfter.cases.open).toBe(staffBefore.cases.open);
    // Each count is what the caller can open one by one: the care concern is a 404 for the other staff member.
    expect(
      (await (await api.as(api.township.staff)).get(`/cases/${care.body.caseId}?villageId=${v1.villageId}`)).status,
    ).toBe(404);
  });

  it('is refused to the village’s own people, committee included', async () => {
    for (const who of [v1.chair, v1.supervisor, v1.residents[0]]) {
      const r = await (await api.as(who)).get('/township/villages');
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('乡镇');
    }
  });

  it('reads the same few items however many cases a village has', async () => {
    const staff = await api.as(api.township.staff);
    const measure = async () => {
      await staff.get('/township/villages'); // warm: the caller's session and first reads
      calls.clear();
      const r = await staff.get('/township/villages');
      expect(r.status).toBe(200);
      return new Map(calls);
    };
    const small = await measure();
    const chair = await api.as(v1.chair);
    for (let i = 0; i < 25; i++) {
      const r = await chair.post('/cases', suggestion(`读数测试第 ${i + 1} 条：村道有坑，雨天积水，建议修补。`));
      expect(r.status).toBe(201);
    }
    await api.events.settle();
    const large = await measure();
    expect(large).toEqual(small);
    expect(small.get('Query')).toBe(1);
    expect(small.has('Scan')).toBe(false);
  });
});
