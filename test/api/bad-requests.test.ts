import { type Route, routes } from '../../src/shared/api';
import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Nothing a client can send gets a 500: every route, fed junk in its path, query,
 * headers and body, answers with a 4xx (or a plain 200 for a read that ignores the
 * junk), a readable message, and writes nothing.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('badrequests');
});
afterAll(() => api.stop());

const junkBodies = [
  '',
  'null',
  '[]',
  '"text"',
  '42',
  '{"title": {"$gt": ""}}',
  '{',
  '{"category": null, "title": []}',
  `{"text": "${'长'.repeat(300_000)}"}`,
];
const junkSegments = [
  '%00',
  '..%2F..',
  'x'.repeat(300),
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '%F0%9F%92%A9',
  "'; DROP TABLE --",
];
const junkQueries = [
  'limit=-1',
  'limit=abc',
  'cursor=%%%',
  'cursor=AAAA',
  'category=党务',
  'status=all',
  'villageId=../../x',
  `q=${'x'.repeat(100)}`,
  'limit=1&limit=2',
];

const fill = (r: Route, segment: string) => r.path.replace(/\{\w+\}/g, segment);

/** Reads of the sensitive tier are audited even when junk rides along: those entries are expected. */
const changes = (audits: Record<string, unknown>[]) =>
  audits.filter((a) => a.action !== 'roster.export' && a.action !== 'person.sensitive.view');

/** Unbinding oneself and deleting one's account take no input at all, so no junk can reach them; their own tests cover them. */
const takesInput = ([name]: [string, Route]) => name !== 'unbindMe' && name !== 'deleteMyAccount';

describe('junk in, 4xx out, nothing written', () => {
  it.each((Object.entries(routes) as [string, Route][]).filter(takesInput))(
    '%s',
    async (_, route) => {
      const chair = await api.as(api.township.villages[0].chair);
      const auditBefore = await rawTable().partition(
        `TN#${api.township.villages[0].villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`,
      );
      const replies = [];
      for (const segment of junkSegments)
        replies.push(await chair.request(route.method, fill(route, segment), route.body ? {} : undefined));
      for (const query of junkQueries)
        replies.push(await chair.request(route.method, `${fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV')}?${query}`));
      if (route.body)
        for (const body of junkBodies)
          replies.push(
            await chair.request(route.method, fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), body, {
              'content-type': 'application/json',
            }),
          );
      replies.push(
        await chair.request(route.method, fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), undefined, {
          'idempotency-key': '<script>',
        }),
      );
      replies.push(
        await api.anonymous.request(route.method, fill(route, '01ARZ3NDEKTSV4RRFFQ69G5FAV'), undefined, {
          authorization: 'Bearer a.b.c',
        }),
      );
      for (const r of replies) {
        expect(r.status).toBeLessThan(500);
        if (r.status >= 400 && r.body?.error) expect(r.body.error.message.length).toBeGreaterThan(0);
      }
      const auditAfter = await rawTable().partition(
        `TN#${api.township.villages[0].villageId}#AUDIT#${new Date().toISOString().slice(0, 7)}`,
      );
      expect(changes(auditAfter)).toHaveLength(changes(auditBefore).length);
      // Each route gets a few dozen junk requests and two audit reads: room for a busy CI machine.
    },
    90_000,
  );
});

/* ---------- text that isn't text, and phones where the village reads ---------- */

const village = () => api.township.villages[0];
const peopleOf = async (villageId: string) =>
  (await rawTable().partition(`TN#${villageId}`)).filter((i) => String(i.sk).startsWith('PERSON#'));
const casesOf = async (villageId: string) =>
  (await rawTable().partition(`TN#${villageId}#CASES`)).filter((i) => i.type === 'case');
const expectRefused = (r: { status: number; body: any }, path: string, label: string, says: string) => {
  expect(r.status).toBe(400);
  expect(r.body.error.code).toBe('validation');
  expect(r.body.error.fields).toEqual([{ path, message: expect.stringContaining(says) }]);
  expect(r.body.error.fields[0].message.startsWith(`${label}：`)).toBe(true);
};
const flawed: [string, string, string][] = [
  ['twelve NUL characters', '\u0000'.repeat(12), '空字符'],
  ['a lone surrogate', '张\uD800三', '残缺'],
  ['a right-to-left override (U+202E)', '张\u202E三丰', '文字方向'],
  ['a control character', '张\u0007三', '控制字符'],
];

describe('the one text rule', () => {
  it.each(flawed)('refuses a name with %s, naming the field, and registers no one', async (_, name, says) => {
    const chair = await api.as(village().chair);
    const before = await peopleOf(village().villageId);
    const r = await chair.post('/people', {
      name,
      groupName: '第二村民小组',
      householdId: 'TXT1',
      relation: '户主',
      idNumber: '330188198001010014',
    });
    expectRefused(r, 'name', '姓名', says);
    expect(await peopleOf(village().villageId)).toHaveLength(before.length);
  });

  it('holds for reasons, notes, questions and comments too, and nothing changes', async () => {
    const v = village();
    const author = await api.as(v.residents[0]);
    const chair = await api.as(v.chair);
    const submitted = await author.post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text: '三组到村口的路灯坏了三盏，晚上出门不安全。',
    });
    expect(submitted.status).toBe(201);
    const caseId = submitted.body.caseId;
    const casesBefore = await casesOf(v.villageId);

    const submit = await author.post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text: `路灯坏了${'\u0000'.repeat(10)}`,
    });
    expectRefused(submit, 'text', '内容', '空字符');
    expectRefused(
      await chair.post(`/cases/${caseId}/decline`, { reason: '重复\u202E提交' }),
      'reason',
      '原因',
      '文字方向',
    );
    expectRefused(
      await chair.post(`/cases/${caseId}/accept`, { note: '已受理\u001b[31m' }),
      'note',
      '备注',
      '控制字符',
    );
    expect(await casesOf(v.villageId)).toEqual(casesBefore);
    expect((await author.get(`/cases/${caseId}`)).body.status).toBe('submitted');

    const topic = await chair.post('/topics', {
      title: '关于村道硬化工程的表决',
      background: '经村“两委”讨论，拟对三组至五组村道进行硬化。',
      body: 'representatives',
      kind: 'motion',
      secret: true,
      closesAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    });
    expect(topic.status).toBe(201);
    const comment = await author.post(`/topics/${topic.body.topicId}/comments`, { text: '同意\uDC00修路' });
    expectRefused(comment, 'text', '内容', '残缺');
    expect((await author.get(`/topics/${topic.body.topicId}/comments`)).body.items).toEqual([]);
  });
});

describe('no phone numbers in public text', () => {
  const phoneText = '村口路灯坏了好几天，打我电话 13900009876';
  const hint = '联系电话';

  it('refuses a public suggestion with a phone, saying where a phone may go, and stores nothing', async () => {
    const v = village();
    const author = await api.as(v.residents[1]);
    const before = await casesOf(v.villageId);
    const r = await author.post('/cases', { kind: 'suggestion', categoryId: 'roads', text: phoneText });
    expectRefused(r, 'text', '内容', hint);
    expect(r.body.error.message).toContain('电话号码');
    const spaced = await author.post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text: '三组路灯坏了好几天，晚上出门不安全。',
      place: '三组，找我 139-0000-9876',
    });
    expectRefused(spaced, 'place', '地点', hint);
    expect(await casesOf(v.villageId)).toHaveLength(before.length);
  });

  it('refuses a question on a notice and a topic comment with a phone', async () => {
    const v = village();
    const chair = await api.as(v.chair);
    const resident = await api.as(v.residents[2]);
    const created = await chair.post('/notices', {
      category: 'village',
      title: '关于村道硬化工程的公示',
      body: '经村民代表会议讨论，决定对三组至五组村道进行硬化。',
    });
    expect(created.status).toBe(201);
    const noticeId = created.body.noticeId;
    const published = await chair.post(`/notices/${noticeId}/publish`);
    if (published.body.status === 'pending_review')
      expect((await (await api.as(v.committee[1])).post(`/notices/${noticeId}/approve`)).status).toBe(200);
    const asked = await resident.post(`/notices/${noticeId}/questions`, { text: `工程什么时候开工？${phoneText}` });
    expectRefused(asked, 'text', '内容', hint);
    expect((await resident.get(`/notices/${noticeId}/questions`)).body.items).toEqual([]);

    const topic = await chair.post('/topics', {
      title: '关于修建文化广场的表决',
      background: '拟在村委会旁修建文化广场，资金来自上级补助和村集体收入。',
      body: 'representatives',
      kind: 'motion',
      secret: true,
      closesAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    });
    const comment = await resident.post(`/topics/${topic.body.topicId}/comments`, { text: `同意。${phoneText}` });
    expectRefused(comment, 'text', '内容', hint);
    expect((await resident.get(`/topics/${topic.body.topicId}/comments`)).body.items).toEqual([]);
  });

  it('takes a phone in a petition’s contact field, sealed, shown to its handlers and author only', async () => {
    const v = village();
    const author = await api.as(v.residents[3]);
    const r = await author.post('/cases', {
      kind: 'petition',
      categoryId: 'disputes',
      text: '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调。',
      contactPhone: '139 0000 9876',
    });
    expect(r.status).toBe(201);
    expect(r.body.contactPhone).toBe('139 0000 9876');
    const caseId = r.body.caseId;
    expect((await (await api.as(v.chair)).get(`/cases/${caseId}`)).body.contactPhone).toBe('139 0000 9876');
    const stored = (await casesOf(v.villageId)).find((c) => c.caseId === caseId);
    expect(JSON.stringify(stored)).not.toMatch(/139\D?0000\D?9876/);

    // A suggestion is public: its contact phone still reaches only the handlers, never the neighbours.
    const s = await author.post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text: '建议在文化广场多装两个垃圾桶。',
      contactPhone: '0571-88886666',
    });
    expect(s.status).toBe(201);
    const neighbour = await (await api.as(v.residents[4])).get(`/cases/${s.body.caseId}`);
    expect(neighbour.status).toBe(200);
    expect(neighbour.body.contactPhone).toBeUndefined();
    expect(JSON.stringify(neighbour.body)).not.toContain('88886666');
  });

  it('lets a petition only its handlers see keep a phone in its text', async () => {
    const r = await (await api.as(village().residents[5])).post('/cases', {
      kind: 'petition',
      categoryId: 'disputes',
      text: `邻居家的狗夜里一直叫，请村里协调。${phoneText}`,
    });
    expect(r.status).toBe(201);
    expect(r.body.public).toBe(false);
  });
});
