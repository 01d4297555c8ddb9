import { SignJWT } from 'jose';
import type { SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/** Notices end to end through real HTTP and DynamoDB Local: what users see and what is stored. */
let api: TestApi;
let v1: SeededVillage; // review required (六规范)
let v2: SeededVillage; // publishes without review
const raw = rawTable();
const noticePk = (villageId: string, noticeId: string) => `TN#${villageId}#N#${noticeId}`;

const draft = (over: Record<string, unknown> = {}) => ({
  category: 'village',
  title: '关于村道硬化工程的公示',
  body: '经村民代表会议讨论，决定对三组至五组村道进行硬化。',
  period: { from: '2026-11-01', until: '2026-11-30' },
  ...over,
});

beforeAll(async () => {
  api = await startTestApi('apinotice');
  [v1, v2] = api.township.villages;
});
afterAll(() => api.stop());

async function publishedIn(village: SeededVillage, over: Record<string, unknown> = {}) {
  const drafter = await api.as(village.chair);
  const created = await drafter.post('/notices', draft(over));
  expect(created.status).toBe(201);
  const id = created.body.noticeId;
  let status = (await drafter.post(`/notices/${id}/publish`)).body.status;
  if (status === 'pending_review') {
    const reviewer = await api.as(village.committee[1]);
    const approved = await reviewer.post(`/notices/${id}/approve`);
    expect(approved.status).toBe(200);
    status = approved.body.status;
  }
  // 财务 goes past the 监委会 (the village's signOffCategories) before it is public.
  if (status === 'pending_signoff') {
    const signed = await (await api.as(village.supervisor)).post(`/notices/${id}/sign-off`);
    expect(signed.status).toBe(200);
  }
  return id as string;
}

describe('signing in', () => {
  it('refuses a request without a session', async () => {
    const r = await api.anonymous.get('/notices');
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe('请先登录');
  });

  it('refuses a forged token', async () => {
    const forged = await new SignJWT({ ten: v1.villageId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(v1.chair.personId)
      .setAudience('village-hall:local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    const r = await api.anonymous.request('GET', '/notices', undefined, { authorization: `Bearer ${forged}` });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toContain('无效');
  });

  it('refuses an expired token, saying so', async () => {
    const expired = await new SignJWT({ ten: v1.villageId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(v1.chair.personId)
      .setAudience('village-hall:local')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(process.env.SESSION_SECRET!));
    const r = await api.anonymous.request('GET', '/notices', undefined, { authorization: `Bearer ${expired}` });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toContain('过期');
  });

  it('tells who is signed in, with roles from the roster', async () => {
    const me = await (await api.as(v1.chair)).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.person.name).toBe(v1.chair.name);
    expect(me.body.person.roles).toContain('committee');
    expect(me.body.villages.map((v: { villageId: string }) => v.villageId)).toEqual([v1.villageId]);
  });
});

describe('drafting a notice', () => {
  it('a committee member drafts; the draft and its audit entry are stored', async () => {
    const r = await (await api.as(v1.chair)).post('/notices', draft());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft',
      version: 1,
      title: '关于村道硬化工程的公示',
      createdBy: { name: v1.chair.name },
    });
    const head = await raw.item(noticePk(v1.villageId, r.body.noticeId), 'HEAD');
    expect(head?.status).toBe('draft');
    const month = new Date().toISOString().slice(0, 7);
    const audit = await raw.partition(`TN#${v1.villageId}#AUDIT#${month}`);
    expect(audit.some((e) => e.action === 'notice.draft' && e.target === `notice:${r.body.noticeId}`)).toBe(true);
  });

  it('a resident cannot draft, and nothing is written', async () => {
    const resident = await api.as(v1.residents[0]);
    const before = await (await api.as(v1.chair)).get('/notices?status=draft&limit=50');
    const r = await resident.post('/notices', draft({ title: '村民不应能发的公告' }));
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('村委会');
    const after = await (await api.as(v1.chair)).get('/notices?status=draft&limit=50');
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it.each([
    ['a missing title', draft({ title: undefined }), 'title', '标题'],
    ['an empty title', draft({ title: '   ' }), 'title', '请填写标题'],
    ['an unknown category', draft({ category: 'gossip' }), 'category', '公开类别'],
    ['an oversized body', draft({ body: '字'.repeat(10001) }), 'body', '10000'],
    ['a number as title', draft({ title: 42 }), 'title', '标题'],
    [
      'a period that ends before it starts',
      draft({ period: { from: '2026-11-30', until: '2026-11-01' } }),
      'period.until',
      '结束日期',
    ],
    ['a bad date', draft({ period: { from: '2026-13-01', until: '2026-11-01' } }), 'period.from', '日期'],
    [
      'a ledger on a non-finance notice',
      draft({ ledger: [{ date: '2026-11-03', item: '租金', direction: 'income', amountFen: 1000 }] }),
      'ledger',
      '财务',
    ],
    [
      'a negative amount',
      draft({
        category: 'finance',
        ledger: [{ date: '2026-11-03', item: '租金', direction: 'income', amountFen: -1 }],
      }),
      'ledger.0.amountFen',
      '大于 0',
    ],
    ['a service guide without its fields', draft({ category: 'service' }), 'guide', '办事指南'],
    [
      'an ID number in the body',
      draft({ body: '低保对象：王桂兰，44030119580312002X，每月620元' }),
      'body',
      '身份证号码',
    ],
    [
      'an ID number in a ledger note',
      draft({
        category: 'finance',
        ledger: [
          { date: '2026-11-03', item: '补贴', direction: 'expense', amountFen: 62000, note: '110101199003071234' },
        ],
      }),
      'ledger.0.note',
      '身份证号码',
    ],
  ])('rejects %s, naming the field, and writes nothing', async (_, body, path, words) => {
    const chair = await api.as(v1.chair);
    const before = (await chair.get('/notices?status=draft&limit=50')).body.items.length;
    const r = await chair.post('/notices', body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation');
    const field = r.body.error.fields.find((f: { path: string }) => f.path === path);
    expect(field?.message).toContain(words);
    expect((await chair.get('/notices?status=draft&limit=50')).body.items).toHaveLength(before);
  });

  it('rejects a body that is not JSON', async () => {
    const r = await (await api.as(v1.chair)).post('/notices', '{"title": ');
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]).toMatchObject({ path: 'request', message: '请求内容不是有效的 JSON' });
  });

  it('a retried create with the same Idempotency-Key makes one notice', async () => {
    const chair = await api.as(v1.chair);
    const key = 'retry-key-0001';
    const [a, b] = await Promise.all([
      chair.post('/notices', draft({ title: '只应出现一次' }), { 'idempotency-key': key }),
      chair.post('/notices', draft({ title: '只应出现一次' }), { 'idempotency-key': key }),
    ]);
    const c = await chair.post('/notices', draft({ title: '只应出现一次' }), { 'idempotency-key': key });
    expect(new Set([a.body.noticeId, b.body.noticeId, c.body.noticeId]).size).toBe(1);
    const drafts = (await chair.get('/notices?status=draft&limit=50')).body.items;
    expect(drafts.filter((n: { title: string }) => n.title === '只应出现一次')).toHaveLength(1);
  });

  it('a draft can be edited and deleted; nothing published can be deleted', async () => {
    const chair = await api.as(v2.chair);
    const created = await chair.post('/notices', draft());
    const edited = await chair.put(
      `/notices/${created.body.noticeId}`,
      draft({ title: '修改后的标题', period: undefined }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('修改后的标题');
    expect(edited.body.period).toBeUndefined();
    expect((await chair.delete(`/notices/${created.body.noticeId}`)).status).toBe(200);
    expect(await raw.item(noticePk(v2.villageId, created.body.noticeId), 'HEAD')).toBeUndefined();

    const id = await publishedIn(v2);
    const r = await chair.delete(`/notices/${id}`);
    expect(r.status).toBe(409);
    expect(await raw.item(noticePk(v2.villageId, id), 'HEAD')).toMatchObject({ status: 'published' });
  });
});

describe('publishing', () => {
  it('where review is required, a second committee member approves before residents see it', async () => {
    const chair = await api.as(v1.chair);
    const resident = await api.as(v1.residents[1]);
    const { body: created } = await chair.post('/notices', draft({ title: '待审核的公告' }));
    const submitted = await chair.post(`/notices/${created.noticeId}/publish`);
    expect(submitted.body.status).toBe('pending_review');
    expect((await resident.get(`/notices/${created.noticeId}`)).status).toBe(404);

    const selfApprove = await chair.post(`/notices/${created.noticeId}/approve`);
    expect(selfApprove.status).toBe(403);
    expect(selfApprove.body.error.message).toContain('另一名委员');

    const approved = await (await api.as(v1.committee[1])).post(`/notices/${created.noticeId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'published',
      version: 1,
      approvedBy: { name: v1.committee[1].name },
    });
    const v = await raw.item(noticePk(v1.villageId, created.noticeId), 'VER#00001');
    expect(v).toMatchObject({ version: 1, title: '待审核的公告' });

    const seen = await resident.get(`/notices/${created.noticeId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.title).toBe('待审核的公告');
  });

  it('a reviewer can send a notice back with a reason; it returns to draft', async () => {
    const chair = await api.as(v1.chair);
    const { body: created } = await chair.post('/notices', draft());
    await chair.post(`/notices/${created.noticeId}/publish`);
    const reviewer = await api.as(v1.committee[1]);
    expect((await reviewer.post(`/notices/${created.noticeId}/reject`, {})).status).toBe(400);
    const back = await reviewer.post(`/notices/${created.noticeId}/reject`, { reason: '金额需与会计核对' });
    expect(back.body).toMatchObject({ status: 'draft', reviewNote: '金额需与会计核对' });
  });

  it('where review is not required, publishing is immediate', async () => {
    const chair = await api.as(v2.chair);
    const { body } = await chair.post('/notices', draft());
    const r = await chair.post(`/notices/${body.noticeId}/publish`);
    expect(r.body.status).toBe('published');
    expect(r.body.publishedAt).toBeDefined();
  });

  it('residents cannot see drafts or the work lists', async () => {
    const resident = await api.as(v1.residents[0]);
    const { body } = await (await api.as(v1.chair)).post('/notices', draft());
    expect((await resident.get(`/notices/${body.noticeId}`)).status).toBe(404);
    expect((await resident.get('/notices?status=draft')).status).toBe(403);
    expect((await resident.post(`/notices/${body.noticeId}/publish`)).status).toBe(404);
  });

  it('the supervision committee sees work lists but cannot publish', async () => {
    const supervisor = await api.as(v1.supervisor);
    expect((await supervisor.get('/notices?status=pending_review')).status).toBe(200);
    const r = await supervisor.post('/notices', draft());
    expect(r.status).toBe(403);
  });

  it('the party branch may draft party notices only', async () => {
    const secretary = await api.as(v1.partySecretary);
    expect((await secretary.post('/notices', draft({ category: 'party' }))).status).toBe(201);
    expect((await secretary.post('/notices', draft({ category: 'finance' }))).status).toBe(403);
  });
});

describe('corrections and withdrawal keep history', () => {
  it('a correction is a new version with its reason; the first version stays readable', async () => {
    const id = await publishedIn(v2, {
      title: '2026年10月财务收支公开',
      category: 'finance',
      ledger: [{ date: '2026-11-05', item: '道路维修', direction: 'expense', amountFen: 120000 }],
    });
    const chair = await api.as(v2.chair);
    const corrected = await chair.post(`/notices/${id}/corrections`, {
      ...draft({
        category: 'finance',
        title: '2026年10月财务收支公开',
        ledger: [{ date: '2026-11-05', item: '道路维修', direction: 'expense', amountFen: 125050 }],
      }),
      reason: '道路维修金额录入错误，更正为1250.50元',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ version: 2, status: 'published' });
    expect(corrected.body.correctedAt).toBeDefined();

    const resident = await api.as(v2.residents[0]);
    const seen = await resident.get(`/notices/${id}`);
    expect(seen.body.ledger[0].amountFen).toBe(125050);
    const versions = await resident.get(`/notices/${id}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[0].reason).toContain('1250.50');
    const first = await resident.get(`/notices/${id}/versions/1`);
    expect(first.body.ledger[0].amountFen).toBe(120000);
    const stored = await raw.item(noticePk(v2.villageId, id), 'VER#00001');
    expect(stored?.ledger[0].amountFen).toBe(120000);
  });

  it('a correction needs a reason and a published notice', async () => {
    const chair = await api.as(v2.chair);
    const id = await publishedIn(v2);
    const noReason = await chair.post(`/notices/${id}/corrections`, draft());
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const { body: d } = await chair.post('/notices', draft());
    expect((await chair.post(`/notices/${d.noticeId}/corrections`, { ...draft(), reason: '测试更正' })).status).toBe(
      409,
    );
    expect((await raw.partition(noticePk(v2.villageId, id))).filter((i) => i.sk.startsWith('VER#'))).toHaveLength(1);
  });

  it('a withdrawn notice stays visible as withdrawn, with its reason, and can no longer change', async () => {
    const id = await publishedIn(v2, { title: '将被撤回的公告' });
    const chair = await api.as(v2.chair);
    expect((await chair.post(`/notices/${id}/withdraw`, {})).status).toBe(400);
    const r = await chair.post(`/notices/${id}/withdraw`, { reason: '该事项已取消' });
    expect(r.body).toMatchObject({ status: 'withdrawn', withdrawReason: '该事项已取消' });
    const list = await (await api.as(v2.residents[0])).get('/notices?q=将被撤回');
    expect(list.body.items.map((n: { noticeId: string; status: string }) => [n.noticeId, n.status])).toEqual([
      [id, 'withdrawn'],
    ]);
    expect((await chair.post(`/notices/${id}/corrections`, { ...draft(), reason: '再改一次' })).status).toBe(409);
  });
});

describe('the 监委会 signs off the money', () => {
  const money = (over: Record<string, unknown> = {}) =>
    draft({
      category: 'finance',
      title: '2026年11月财务收支公开（把关）',
      amounts: [{ item: '村部修缮', direction: 'expense', amountYuan: 32000 }],
      ...over,
    });
  const pendingSignOff = async (village: SeededVillage, over: Record<string, unknown> = {}) => {
    const chair = await api.as(village.chair);
    const id = (await chair.post('/notices', money(over))).body.noticeId as string;
    const first = await chair.post(`/notices/${id}/publish`);
    if (first.body.status === 'pending_review') {
      const approved = await (await api.as(village.committee[1])).post(`/notices/${id}/approve`);
      expect(approved.body).toMatchObject({
        status: 'pending_signoff',
        approvedBy: { name: village.committee[1].name },
      });
    } else expect(first.body.status).toBe('pending_signoff');
    return id;
  };

  it('holds a 财务 notice the committee approved until a 监委会 member reviews it; then it shows their name', async () => {
    const id = await pendingSignOff(v1);
    const resident = await api.as(v1.residents[2]);
    expect((await resident.get(`/notices/${id}`)).status).toBe(404);
    expect(
      (await resident.get('/notices?category=finance')).body.items.some((n: { noticeId: string }) => n.noticeId === id),
    ).toBe(false);
    const supervisor = await api.as(v1.supervisor);
    const waiting = await supervisor.get('/notices?status=pending_signoff');
    expect(waiting.body.items.map((n: { noticeId: string }) => n.noticeId)).toContain(id);
    await api.events.settle();
    const told = (await supervisor.get('/inbox')).body.items.filter(
      (m: { kind: string; link: { id: string } }) => m.kind === 'notice.signoff' && m.link.id === id,
    );
    expect(told).toHaveLength(1);
    // The committee can't sign off its own money.
    expect((await (await api.as(v1.committee[2])).post(`/notices/${id}/sign-off`)).status).toBe(403);

    const signed = await supervisor.post(`/notices/${id}/sign-off`);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'published', signedOffBy: { name: v1.supervisor.name } });
    const seen = await resident.get(`/notices/${id}`);
    expect(seen.body.signedOffBy.name).toBe(v1.supervisor.name);
    expect(seen.body.approvedBy.name).toBe(v1.committee[1].name);
    // The committee's reviewer published it; the 监委会 is named beside, not instead.
    expect((await resident.get(`/notices/${id}/versions/1`)).body.publishedBy.name).toBe(v1.committee[1].name);
    expect((await supervisor.post(`/notices/${id}/sign-off`)).status).toBe(409);
    const month = new Date().toISOString().slice(0, 7);
    const audits = (await raw.partition(`TN#${v1.villageId}#AUDIT#${month}`)).filter(
      (e) => e.target === `notice:${id}`,
    );
    expect(audits.map((e) => e.action)).toEqual(expect.arrayContaining(['notice.approve', 'notice.signoff']));
  });

  it('is returned with a reason the committee reads on its draft; no reason, nothing changes', async () => {
    const id = await pendingSignOff(v1);
    const supervisor = await api.as(v1.supervisor);
    const bare = await supervisor.post(`/notices/${id}/return`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0].path).toBe('reason');
    expect((await raw.item(noticePk(v1.villageId, id), 'HEAD'))?.status).toBe('pending_signoff');
    const back = await supervisor.post(`/notices/${id}/return`, { reason: '村部修缮缺少验收单，请补充后再公开' });
    expect(back.status).toBe(200);
    const chair = await api.as(v1.chair);
    const draftNow = (await chair.get(`/notices/${id}`)).body;
    expect(draftNow).toMatchObject({ status: 'draft', reviewNote: '村部修缮缺少验收单，请补充后再公开' });
    expect(draftNow.approvedBy).toBeUndefined();
    expect(draftNow.signedOffBy).toBeUndefined();
  });

  it('takes the sign-off off a corrected 财务 notice until the 监委会 reviews the new version', async () => {
    const id = await pendingSignOff(v1);
    const supervisor = await api.as(v1.supervisor);
    expect((await supervisor.post(`/notices/${id}/sign-off`)).status).toBe(200);
    const chair = await api.as(v1.chair);
    const corrected = await chair.post(`/notices/${id}/corrections`, {
      ...money({ title: '2026年11月财务收支公开（更正）' }),
      reason: '村部修缮金额录错',
    });
    expect(corrected.status).toBe(200);
    const resident = await api.as(v1.residents[2]);
    const seen = (await resident.get(`/notices/${id}`)).body;
    expect(seen).toMatchObject({ status: 'published', version: 2, correctionUnreviewed: true });
    expect(seen.signedOffBy).toBeUndefined();
    await api.events.settle();
    const told = (await supervisor.get('/inbox')).body.items.filter(
      (m: { kind: string; link: { id: string } }) => m.kind === 'notice.signoff' && m.link.id === id,
    );
    expect(told).toHaveLength(2); // before publishing, and for the correction
    const list = (await supervisor.get('/oversight/check-list')).body;
    expect(list.notSignedOff.map((n: { noticeId: string }) => n.noticeId)).toContain(id);
    // Nothing to return: the correction is public, as every correction is.
    expect((await supervisor.post(`/notices/${id}/return`, { reason: '不同意' })).status).toBe(409);

    const signed = await supervisor.post(`/notices/${id}/sign-off`);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ version: 2, signedOffBy: { name: v1.supervisor.name } });
    expect(signed.body.correctionUnreviewed).toBeUndefined();
    expect((await resident.get(`/notices/${id}`)).body.signedOffBy.name).toBe(v1.supervisor.name);
    expect(
      (await supervisor.get('/oversight/check-list')).body.notSignedOff.map((n: { noticeId: string }) => n.noticeId),
    ).not.toContain(id);
    expect((await supervisor.post(`/notices/${id}/sign-off`)).status).toBe(409);
  });

  it('asks for it without the committee review too, only for the categories the village names', async () => {
    const id = await pendingSignOff(v2); // v2 publishes without a second committee member
    expect(id).toBeDefined();
    const chair = await api.as(v2.chair);
    const plain = (await chair.post('/notices', draft())).body.noticeId;
    expect((await chair.post(`/notices/${plain}/publish`)).body.status).toBe('published');
    const settings = (await chair.get('/village-settings')).body.settings;
    expect(settings.signOffCategories).toEqual(['finance']);
    expect((await chair.put('/village-settings', { ...settings, signOffCategories: [] })).status).toBe(200);
    try {
      const free = (await chair.post('/notices', money())).body.noticeId;
      expect((await chair.post(`/notices/${free}/publish`)).body).toMatchObject({ status: 'published' });
      expect((await chair.get(`/notices/${free}`)).body.signedOffBy).toBeUndefined();
    } finally {
      await chair.put('/village-settings', settings);
    }
  });
});

describe('villages are separate', () => {
  it("another village's notices are not found, and can't be touched", async () => {
    const id = await publishedIn(v1);
    const otherChair = await api.as(v2.chair);
    expect((await otherChair.get(`/notices/${id}`)).status).toBe(404);
    expect((await otherChair.post(`/notices/${id}/corrections`, { ...draft(), reason: '越权更正' })).status).toBe(404);
    expect((await otherChair.post(`/notices/${id}/withdraw`, { reason: '越权撤回' })).status).toBe(404);
    expect((await otherChair.get(`/notices?villageId=${v1.villageId}`)).status).toBe(404);
    expect((await raw.item(noticePk(v1.villageId, id), 'HEAD'))?.status).toBe('published');
  });

  it("township staff read their villages' notices but cannot publish", async () => {
    const staff = await api.as(api.township.staff);
    const id = await publishedIn(v1, { title: '乡镇可见的公告' });
    expect((await staff.get('/notices')).status).toBe(400);
    const list = await staff.get(`/notices?villageId=${v1.villageId}&q=乡镇可见`);
    expect(list.body.items.map((n: { noticeId: string }) => n.noticeId)).toEqual([id]);
    expect((await staff.get(`/notices/${id}?villageId=${v1.villageId}`)).status).toBe(200);
    expect((await staff.post('/notices', draft())).status).toBe(403);
  });
});

describe('reading, reach and questions', () => {
  it('opening a notice counts once per reader; only staff see who read it', async () => {
    const id = await publishedIn(v1);
    const [a, b] = [await api.as(v1.residents[2]), await api.as(v1.residents[3])];
    await a.get(`/notices/${id}`);
    await a.get(`/notices/${id}`);
    await b.get(`/notices/${id}`);
    const readers = await (await api.as(v1.supervisor)).get(`/notices/${id}/readers`);
    expect(readers.status).toBe(200);
    expect(readers.body.readerCount).toBe(2);
    expect(readers.body.items.map((r: { name: string }) => r.name).sort()).toEqual(
      [v1.residents[2].name, v1.residents[3].name].sort(),
    );
    expect(readers.body.reach).toBeCloseTo(2 / readers.body.verifiedResidents);
    expect((await a.get(`/notices/${id}/readers`)).status).toBe(403);
  });

  it('a resident asks, others see the name masked, the committee answers once', async () => {
    const id = await publishedIn(v1);
    const asker = await api.as(v1.residents[4]);
    const asked = await asker.post(`/notices/${id}/questions`, { text: '工程什么时候开工？' });
    expect(asked.status).toBe(201);
    expect(asked.body.askedBy).toEqual({ name: v1.residents[4].name, isMe: true });

    const neighbour = (await (await api.as(v1.residents[5])).get(`/notices/${id}/questions`)).body.items[0];
    expect(neighbour.askedBy.name).not.toBe(v1.residents[4].name);
    expect(neighbour.askedBy.name).toMatch(/^.\*+$/);
    expect(neighbour.answer).toBeUndefined();

    const chair = await api.as(v1.chair);
    expect((await chair.get(`/notices/${id}/questions`)).body.items[0].askedBy.name).toBe(v1.residents[4].name);
    expect(
      (await asker.post(`/notices/${id}/questions/${asked.body.questionId}/answer`, { text: '我来答' })).status,
    ).toBe(403);
    const answered = await chair.post(`/notices/${id}/questions/${asked.body.questionId}/answer`, {
      text: '预计12月1日开工。',
    });
    expect(answered.status).toBe(200);
    const again = await (await api.as(v1.committee[1])).post(
      `/notices/${id}/questions/${asked.body.questionId}/answer`,
      { text: '再答一次' },
    );
    expect(again.status).toBe(409);
    const seen = (await asker.get(`/notices/${id}/questions`)).body.items[0];
    expect(seen.answer).toMatchObject({ text: '预计12月1日开工。', answeredBy: { name: v1.chair.name } });
  });

  it("waiting questions are the committee's list, longest waiting first, until answered", async () => {
    const first = await publishedIn(v2, { title: '先被提问的公告' });
    const second = await publishedIn(v2, { title: '后被提问的公告' });
    const asker = await api.as(v2.residents[6]);
    const q1 = await asker.post(`/notices/${first}/questions`, { text: '第一个问题？' });
    const q2 = await asker.post(`/notices/${second}/questions`, { text: '第二个问题？' });
    const chair = await api.as(v2.chair);
    const waiting = await chair.get('/notice-questions/open');
    const ours = (items: { questionId: string; noticeTitle: string }[]) =>
      items
        .filter((q) => [q1.body.questionId, q2.body.questionId].includes(q.questionId))
        .map((q) => [q.questionId, q.noticeTitle]);
    expect(ours(waiting.body.items)).toEqual([
      [q1.body.questionId, '先被提问的公告'],
      [q2.body.questionId, '后被提问的公告'],
    ]);
    expect(
      waiting.body.items.find((q: { questionId: string }) => q.questionId === q1.body.questionId).askedBy.name,
    ).toBe(v2.residents[6].name);
    await chair.post(`/notices/${first}/questions/${q1.body.questionId}/answer`, { text: '已答复。' });
    const after = await chair.get('/notice-questions/open');
    expect(ours(after.body.items)).toEqual([[q2.body.questionId, '后被提问的公告']]);
    expect((await asker.get('/notice-questions/open')).status).toBe(403);
  });

  it('a question containing an ID number is refused: the village would see it', async () => {
    const id = await publishedIn(v1);
    const r = await (await api.as(v1.residents[4])).post(`/notices/${id}/questions`, {
      text: '我的身份证是44030119580312002X，能领吗？',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0]).toMatchObject({ path: 'text' });
    expect(r.body.error.fields[0].message).toContain('身份证号码');
    expect((await raw.partition(noticePk(v1.villageId, id))).filter((i) => i.sk.startsWith('Q#'))).toHaveLength(0);
  });

  it('an empty question is refused and nothing is stored', async () => {
    const id = await publishedIn(v1);
    const r = await (await api.as(v1.residents[4])).post(`/notices/${id}/questions`, { text: ' ' });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('text');
    expect((await raw.partition(noticePk(v1.villageId, id))).filter((i) => i.sk.startsWith('Q#'))).toHaveLength(0);
  });
});

describe('browsing the board', () => {
  let chair: ApiClient;
  const titles = [
    '甲：春耕补贴发放公示',
    '乙：主题党日活动通知',
    '丙：春耕用水安排',
    '丁：集体土地流转结果',
    '戊：医保缴费通知',
  ];
  beforeAll(async () => {
    chair = await api.as(v2.chair);
    for (const [i, t] of titles.entries())
      await publishedIn(v2, { title: t, category: i === 1 ? 'party' : 'government' });
  });

  it('lists newest first, pages without gaps or repeats', async () => {
    const seen: string[] = [];
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: { items: { title: string; noticeId: string }[]; nextCursor: string | null } } = await chair.get(
        `/notices?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...r.body.items.map((n) => n.title));
      ids.push(...r.body.items.map((n) => n.noticeId));
      cursor = r.body.nextCursor;
    } while (cursor);
    const ours = seen.filter((t) => titles.includes(t));
    expect(ours).toEqual([...titles].reverse());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by category and searches title words', async () => {
    const party = await chair.get('/notices?category=party');
    expect(party.body.items.every((n: { category: string }) => n.category === 'party')).toBe(true);
    expect(party.body.items.map((n: { title: string }) => n.title)).toContain('乙：主题党日活动通知');
    const search = await chair.get(`/notices?q=${encodeURIComponent('春耕')}`);
    expect(search.body.items.map((n: { title: string }) => n.title)).toEqual([
      '丙：春耕用水安排',
      '甲：春耕补贴发放公示',
    ]);
  });

  it('finds a title by any word of two characters or more through its search entries, which follow a correction', async () => {
    const village = api.township.villages[1];
    const resident = await api.as(village.residents[1]);
    const id = await publishedIn(village, { title: '关于秸秆禁烧巡查安排的通知' });
    const found = async (q: string, more = '') =>
      ((await resident.get(`/notices?q=${encodeURIComponent(q)}${more}`)).body.items as { noticeId: string }[]).map(
        (n) => n.noticeId,
      );
    for (const q of ['秸秆', '禁烧巡查', '安排的通知', '关于秸秆禁烧巡查安排的通知', '烧'])
      expect(await found(q)).toContain(id);
    expect(await found('秸烧')).not.toContain(id);
    expect(await found('禁烧', '&category=village')).toContain(id);
    expect(await found('禁烧', '&category=finance')).not.toContain(id);
    // One entry per pair of the title, each naming the notice; the staff's draft has none.
    const entries = await raw.partition(`TN#${village.villageId}#NOTICES#public#W#禁烧`);
    expect(entries.map((e) => e.noticeId)).toEqual([id]);
    const chair = await api.as(village.chair);
    const { body: d } = await chair.post('/notices', draft({ title: '草稿里的秸秆禁烧' }));
    expect((await raw.partition(`TN#${village.villageId}#NOTICES#public#W#里的`)).length).toBe(0);
    expect((await chair.get(`/notices?status=draft&q=${encodeURIComponent('秸秆禁烧')}`)).body.items).toEqual([
      expect.objectContaining({ noticeId: d.noticeId }),
    ]);
    // A correction of the title moves the entries: the old words no longer find it.
    const corrected = await chair.post(`/notices/${id}/corrections`, {
      ...draft({ title: '关于秋收用工安排的通知' }),
      reason: '标题写错了',
    });
    expect(corrected.status).toBe(200);
    expect(await raw.partition(`TN#${village.villageId}#NOTICES#public#W#禁烧`)).toEqual([]);
    expect(await found('秸秆')).not.toContain(id);
    expect(await found('秋收用工')).toContain(id);
  });

  it('rejects a bad cursor, limit or category with the field named', async () => {
    expect((await chair.get('/notices?cursor=bm9wZQ')).body.error.fields[0].path).toBe('cursor');
    expect((await chair.get('/notices?limit=0')).body.error.fields[0].path).toBe('limit');
    expect((await chair.get('/notices?category=x')).body.error.fields[0].path).toBe('category');
  });
});

describe('disclosure calendar', () => {
  it('shows each category with its cadence and whether it is due or overdue', async () => {
    const chair = await api.as(v1.chair);
    const before = await chair.get('/disclosure-calendar');
    expect(before.status).toBe(200);
    const finance = () => before.body.entries.find((e: { category: string }) => e.category === 'finance');
    expect(finance()).toMatchObject({ cadence: 'monthly' });
    expect(before.body.entries.find((e: { category: string }) => e.category === 'service').status).toBe('not_required');
    await publishedIn(v1, { category: 'finance', title: '本月财务公开' });
    const after = await chair.get('/disclosure-calendar');
    expect(after.body.entries.find((e: { category: string }) => e.category === 'finance')).toMatchObject({
      status: 'ok',
      cadence: 'monthly',
    });
  });

  it('residents cannot open it; township staff choose a village', async () => {
    expect((await (await api.as(v1.residents[0])).get('/disclosure-calendar')).status).toBe(403);
    const staff = await api.as(api.township.staff);
    expect((await staff.get(`/disclosure-calendar?villageId=${v2.villageId}`)).body.villageName).toBe(v2.name);
  });
});
