import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/** Village settings: the law's numbers by default, changed only by the committee, each change audited. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('apisettings');
});
afterAll(() => api.stop());

const notice = { category: 'village', title: '设置测试公告', body: '正文' };

describe('village settings', () => {
  it("start at the law's defaults", async () => {
    const r = await (await api.as(api.township.villages[0].supervisor)).get('/village-settings');
    expect(r.status).toBe(200);
    expect(r.body.settings).toEqual(r.body.defaults);
    expect(r.body.defaults).toMatchObject({
      noticeReviewRequired: true,
      disclosureCadence: { finance: 'monthly', party: 'quarterly', government: 'quarterly', village: 'quarterly' },
    });
  });

  it('the committee turns off review: publishing is then immediate, and the change is audited', async () => {
    const v = api.township.villages[0];
    const chair = await api.as(v.chair);
    const current = (await chair.get('/village-settings')).body.settings;
    const r = await chair.put('/village-settings', { ...current, noticeReviewRequired: false });
    expect(r.status).toBe(200);
    expect(r.body.settings.noticeReviewRequired).toBe(false);

    const { body } = await chair.post('/notices', notice);
    expect((await chair.post(`/notices/${body.noticeId}/publish`)).body.status).toBe('published');

    const audit = await rawTable().partition(`TN#${v.villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`);
    expect(audit.find((e) => e.action === 'village.settings')).toMatchObject({
      actorId: v.chair.personId,
      changedFields: ['noticeReviewRequired'],
    });
    await chair.put('/village-settings', current);
  });

  it('changing the finance cadence to quarterly changes the disclosure calendar', async () => {
    const chair = await api.as(api.township.villages[1].chair);
    const current = (await chair.get('/village-settings')).body.settings;
    await chair.put('/village-settings', {
      ...current,
      disclosureCadence: { ...current.disclosureCadence, finance: 'quarterly' },
    });
    const calendar = await chair.get('/disclosure-calendar');
    expect(calendar.body.entries.find((e: { category: string }) => e.category === 'finance').cadence).toBe('quarterly');
  });

  it('rejects bad settings with the field named, and changes nothing', async () => {
    const chair = await api.as(api.township.villages[1].chair);
    const before = (await chair.get('/village-settings')).body.settings;
    const bad = await chair.put('/village-settings', {
      ...before,
      disclosureDueSoonDays: 40,
      disclosureCadence: { finance: 'yearly' },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['disclosureDueSoonDays', 'disclosureCadence.finance']));
    expect(bad.body.error.message).toContain('提前提醒天数');
    const empty = await chair.put('/village-settings', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields.map((f: { path: string }) => f.path)).toContain('noticeReviewRequired');
    expect((await chair.get('/village-settings')).body.settings).toEqual(before);
  });

  it('only the committee changes them; township staff read any of their villages', async () => {
    const v = api.township.villages[0];
    const settings = (await (await api.as(v.chair)).get('/village-settings')).body.settings;
    expect((await (await api.as(v.supervisor)).put('/village-settings', settings)).status).toBe(403);
    expect((await (await api.as(v.residents[0])).get('/village-settings')).status).toBe(403);
    const staff = await api.as(api.township.staff);
    expect((await staff.get(`/village-settings?villageId=${v.villageId}`)).body.villageName).toBe(v.name);
    expect((await staff.put('/village-settings', settings)).status).toBe(403);
  });
});
