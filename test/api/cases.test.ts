import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Suggestions and petitions through the HTTP API: one workflow with its states
 * in order, deadlines that escalate, confidentiality of the petitioner per
 * role, conflict-of-interest routing, 附议 and 联名 with the law's thresholds.
 */
let api: TestApi;
let v1: SeededVillage;
let v2: SeededVillage;
let chair: ApiClient;

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const suggestion = (over: Record<string, unknown> = {}) => ({
  kind: 'suggestion',
  categoryId: 'roads',
  text: '三组到村口的路灯坏了三盏，晚上老人出门不安全，建议尽快修好。',
  ...over,
});
const petition = (over: Record<string, unknown> = {}) => ({
  kind: 'petition',
  categoryId: 'disputes',
  text: '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调处理。',
  ...over,
});
const as = (p: SeededPerson) => api.as(p);
const submit = async (who: SeededPerson, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const r = await (await as(who)).post('/cases', body, headers);
  if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};
const casesOf = async (villageId: string) =>
  (await rawTable().partition(`TN#${villageId}#CASES`)).filter((i) => i.type === 'case');
const auditActions = async (villageId: string, caseId: string) => {
  const month = new Date().toISOString().slice(0, 7);
  const entries = await rawTable().partition(`TN#${villageId}#AUDIT#${month}`);
  return entries.filter((e) => e.target === `case:${caseId}`).map((e) => e.action);
};

async function uploadPhoto(who: SeededPerson, bytes: Buffer = png, contentType = 'image/png') {
  const r = await (await as(who)).post('/photos', { contentType, size: bytes.length });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  const put = await fetch(r.body.uploadUrl, { method: 'PUT', headers: r.body.headers, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return r.body.photoId as string;
}

beforeAll(async () => {
  api = await startTestApi('cases');
  [v1, v2] = api.township.villages;
  chair = await as(v1.chair);
});
afterAll(() => api.stop());

describe('submitting', () => {
  it('takes a suggestion with a photo, public to the village without the full name', async () => {
    const author = v1.residents[0];
    const photoId = await uploadPhoto(author);
    const c = await submit(author, suggestion({ photos: [photoId], place: '三组村口' }));
    expect(c).toMatchObject({ status: 'submitted', public: true, route: 'committee', author: author.name });
    expect(c.photos).toHaveLength(1);
    const image = await fetch(c.photos[0].url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');

    const neighbour = await as(v1.residents[1]);
    const seen = (await neighbour.get(`/cases/${c.caseId}`)).body;
    expect(seen.text).toBe(c.text);
    expect(seen.submitter).toBeUndefined();
    expect(seen.author).not.toBe(author.name);
    expect(JSON.stringify(seen)).not.toContain(author.name);
    const list = (await neighbour.get('/cases?view=public')).body.items;
    expect(list.map((i: { caseId: string }) => i.caseId)).toContain(c.caseId);
    const mine = (await (await as(author)).get('/cases?view=mine')).body.items;
    expect(mine.map((i: { caseId: string }) => i.caseId)).toContain(c.caseId);
  });

  it('hides the name from the public when asked, while handlers still know whom to answer', async () => {
    const author = v1.residents[2];
    const c = await submit(author, suggestion({ anonymous: true }));
    const seen = (await (await as(v1.residents[3])).get(`/cases/${c.caseId}`)).body;
    expect(seen.author).toBe('匿名村民');
    expect(JSON.stringify(seen)).not.toContain(author.name);
    const handled = (await chair.get(`/cases/${c.caseId}`)).body;
    expect(handled.submitter.name).toBe(author.name);
  });

  it('never creates a submission twice for a retry with the same Idempotency-Key', async () => {
    const author = v1.residents[4];
    const before = (await casesOf(v1.villageId)).length;
    const key = 'case-retry-0001';
    const a = await submit(author, suggestion(), { 'idempotency-key': key });
    const b = await submit(author, suggestion(), { 'idempotency-key': key });
    expect(b.caseId).toBe(a.caseId);
    expect((await casesOf(v1.villageId)).length).toBe(before + 1);
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const author = v1.residents[5];
    const client = await as(author);
    const before = (await casesOf(v1.villageId)).length;
    const bad: [Record<string, unknown>, string][] = [
      [{ categoryId: undefined }, 'categoryId'],
      [{ categoryId: 'weather' }, 'categoryId'],
      [{ text: '太短' }, 'text'],
      [{ text: '我的身份证号是 110101199003070019，请帮我查一下低保的事情。' }, 'text'],
      [{ about: { kind: 'member' } }, 'about'],
      [{ photos: ['01JZZZZZZZZZZZZZZZZZZZZZZZ'] }, 'photos'],
      [{ photos: Array.from({ length: 7 }, (_, i) => `01JZZZZZZZZZZZZZZZZZZZZZZ${i}`) }, 'photos'],
    ];
    for (const [over, field] of bad) {
      const r = await client.post('/cases', suggestion(over));
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe(field);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // An oversized or non-image photo is refused when its upload is asked for.
    expect((await client.post('/photos', { contentType: 'application/pdf', size: 100 })).status).toBe(400);
    expect((await client.post('/photos', { contentType: 'image/png', size: 6 * 1024 * 1024 })).status).toBe(400);
    // Someone else's photo is not yours to attach.
    const theirs = await uploadPhoto(v1.residents[6]);
    const r = await client.post('/cases', suggestion({ photos: [theirs] }));
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('photos');
    expect((await casesOf(v1.villageId)).length).toBe(before);
  });

  it('shows similar open suggestions, so a resident can second instead of repeating', async () => {
    const c = await submit(
      v1.residents[7],
      suggestion({ text: '建议在村委会门口的小广场安装几个健身器材，方便老人锻炼身体。' }),
    );
    const r = await (await as(v1.residents[8])).get(
      `/cases/similar?text=${encodeURIComponent('村委会门口小广场能不能装一些健身器材')}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.items[0].caseId).toBe(c.caseId);
    const unrelated = await (await as(v1.residents[8])).get(
      `/cases/similar?text=${encodeURIComponent('医保缴费的时间是什么时候')}`,
    );
    expect(unrelated.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.caseId);
  });
});

describe('the workflow', () => {
  it('goes submitted → accepted → assigned → in progress → resolved → rated, each step audited', async () => {
    const author = v1.residents[9];
    const grid = v1.gridWorkers[0];
    const c = await submit(author, petition());
    expect(c.public).toBe(false);
    expect(c.deadlines.acceptBy > c.createdAt).toBe(true);
    expect(c.deadlines.resolveBy).toBeUndefined();

    const accepted = (await chair.post(`/cases/${c.caseId}/accept`, { note: '已受理，安排网格员了解情况' })).body;
    expect(accepted.status).toBe('accepted');
    expect(accepted.deadlines.resolveBy).toBeDefined();
    const candidates = (await chair.get(`/cases/${c.caseId}/handlers`)).body.items;
    expect(candidates.map((p: { personId: string }) => p.personId)).toContain(grid.personId);
    const assigned = (await chair.post(`/cases/${c.caseId}/assign`, { personId: grid.personId })).body;
    expect(assigned).toMatchObject({ status: 'assigned', assignee: { personId: grid.personId } });

    const worker = await as(grid);
    const progressed = (await worker.post(`/cases/${c.caseId}/progress`, { note: '已上门查看，约双方周六调解' })).body;
    expect(progressed.status).toBe('in_progress');
    const replied = (
      await worker.post(`/cases/${c.caseId}/reply`, { text: '经调解，邻居同意本周内清走建筑垃圾，村里将跟进检查。' })
    ).body;
    expect(replied.status).toBe('resolved');
    expect(replied.deadlines.reviewBy).toBeDefined();

    const resident = await as(author);
    const mine = (await resident.get(`/cases/${c.caseId}`)).body;
    expect(mine.reply.text).toContain('调解');
    expect(mine.me.actions).toEqual(['rate']);
    const rated = (await resident.post(`/cases/${c.caseId}/rate`, { rating: 'satisfied' })).body;
    expect(rated.status).toBe('rated');
    expect(rated.timeline.map((t: { status: string }) => t.status)).toEqual([
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
      'resolved',
      'rated',
    ]);
    expect(await auditActions(v1.villageId, c.caseId)).toEqual(
      expect.arrayContaining(['case.submit', 'case.accept', 'case.assign', 'case.progress', 'case.reply', 'case.rate']),
    );
  });

  it('refuses a step out of order, a rating by someone else and a second extension, changing nothing', async () => {
    const author = v1.residents[10];
    const c = await submit(author, petition());
    const reply = await chair.post(`/cases/${c.caseId}/reply`, { text: '已经处理完毕，感谢您的反映和支持。' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toContain('受理');
    await chair.post(`/cases/${c.caseId}/accept`, {});
    expect((await chair.post(`/cases/${c.caseId}/accept`, {})).status).toBe(409);

    const first = await chair.post(`/cases/${c.caseId}/extend`, { reason: '需要等镇里的测绘结果' });
    expect(first.status).toBe(200);
    expect(first.body.extension.reason).toBe('需要等镇里的测绘结果');
    const twice = await chair.post(`/cases/${c.caseId}/extend`, { reason: '还要再等一等' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('延期');
    expect((await chair.post(`/cases/${c.caseId}/extend`, { reason: '' })).status).toBe(400);

    await chair.post(`/cases/${c.caseId}/reply`, { text: '经核实，已协调相关方在一周内处理完毕。' });
    const other = await (await as(v1.residents[11])).post(`/cases/${c.caseId}/rate`, { rating: 'unsatisfied' });
    expect(other.status).toBe(404); // a private petition: not even visible to a neighbour
    const staffRating = await chair.post(`/cases/${c.caseId}/rate`, { rating: 'satisfied' });
    expect(staffRating.status).toBe(403);
    const after = (await chair.get(`/cases/${c.caseId}`)).body;
    expect(after.status).toBe('resolved');
    expect(after.rating).toBeUndefined();
  });

  it('reopens a case rated unsatisfied, and answers it again', async () => {
    const author = v1.residents[12];
    const c = await submit(
      author,
      suggestion({ categoryId: 'sanitation', text: '二组垃圾池好几天没人清运了，气味很大。' }),
    );
    await chair.post(`/cases/${c.caseId}/accept`, {});
    await chair.post(`/cases/${c.caseId}/reply`, { text: '已通知保洁员清运，今后每两天清运一次。' });
    const resident = await as(author);
    const r = (await resident.post(`/cases/${c.caseId}/rate`, { rating: 'unsatisfied', comment: '还是没人来' })).body;
    expect(r.status).toBe('reopened');
    expect(r.reply).toBeUndefined();
    expect(r.me.actions).not.toContain('rate');
    expect((await chair.get(`/cases/${c.caseId}`)).body.me.actions).toContain('reply');
    const again = (await chair.post(`/cases/${c.caseId}/reply`, { text: '村干部已现场督促清运完毕，请您查看。' })).body;
    expect(again.status).toBe('resolved');
    expect(again.timeline.filter((t: { action: string }) => t.action === 'reply')).toHaveLength(2);
  });

  it('escalates an unsatisfied rating to the township when the village says so', async () => {
    const settings = (await chair.get('/village-settings')).body.settings;
    await chair.put('/village-settings', { ...settings, unsatisfiedRating: 'escalate' });
    try {
      const author = v1.residents[13];
      const c = await submit(author, petition({ categoryId: 'land' }));
      await chair.post(`/cases/${c.caseId}/accept`, {});
      await chair.post(`/cases/${c.caseId}/reply`, { text: '经查，土地确权面积以二轮承包合同为准。' });
      const r = (await (await as(author)).post(`/cases/${c.caseId}/rate`, { rating: 'unsatisfied' })).body;
      expect(r.status).toBe('escalated');
      expect(r.escalation.reason).toBe('unsatisfied');
      const township = (await (await as(api.township.staff)).get('/cases/escalated')).body.items;
      const row = township.find((i: { caseId: string }) => i.caseId === c.caseId);
      expect(row.villageName).toBe(v1.name);
      // The township may act on it; the committee still may too.
      const seenByTownship = (await (await as(api.township.staff)).get(`/cases/${c.caseId}?villageId=${v1.villageId}`))
        .body;
      expect(seenByTownship.me.actions).toContain('reply');
    } finally {
      await chair.put('/village-settings', settings);
    }
  });

  it('merges a duplicate into the first case and turns an adopted suggestion into a topic, linked both ways', async () => {
    const a = await submit(v1.residents[14], suggestion({ text: '建议在四组路口装一面凸面镜，转弯看不到来车。' }));
    const b = await submit(v1.residents[15], suggestion({ text: '四组路口转弯处能不能装个反光镜，太危险了。' }));
    // b's 附议: one neighbour who also seconded a, one who did not, and a's own author.
    const [both, onlyB] = [await as(v1.residents[25]), await as(v1.residents[26])];
    await both.post(`/cases/${a.caseId}/second`);
    for (const who of [both, onlyB, await as(v1.residents[14])]) await who.post(`/cases/${b.caseId}/second`);
    await chair.post(`/cases/${a.caseId}/accept`, {});
    const merged = (await chair.post(`/cases/${b.caseId}/merge`, { intoCaseId: a.caseId })).body;
    expect(merged).toMatchObject({ status: 'closed', mergedInto: a.caseId });
    const into = (await chair.get(`/cases/${a.caseId}`)).body;
    expect(into.merged).toEqual([b.caseId]);
    // b's author and its seconders now second a, each once; a's author never seconds their own case.
    expect(into.seconds).toBe(3);
    expect((await onlyB.get(`/cases/${a.caseId}`)).body.me.seconded).toBe(true);
    expect((await (await as(v1.residents[15])).get(`/cases/${a.caseId}`)).body.me.seconded).toBe(true);
    expect((await (await as(v1.residents[14])).get(`/cases/${a.caseId}`)).body.me.seconded).toBe(false);
    expect((await chair.post(`/cases/${a.caseId}/merge`, { intoCaseId: a.caseId })).status).toBe(400);

    const topic = await chair.post(`/cases/${a.caseId}/topic`, {
      title: '关于四组路口安装凸面镜的议题',
      background: '村民建议在四组路口安装凸面镜，提请村民代表会议讨论决定。',
      body: 'representatives',
      kind: 'motion',
      secret: false,
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(topic.status).toBe(201);
    expect(topic.body).toMatchObject({ status: 'draft', fromCaseId: a.caseId });
    const linked = (await chair.get(`/cases/${a.caseId}`)).body;
    expect(linked.topicId).toBe(topic.body.topicId);
    expect((await chair.get(`/topics/${topic.body.topicId}`)).body.fromCaseId).toBe(a.caseId);
    expect(linked.me.actions).not.toContain('topic');
  });
});

describe('the needs and project lists (需求清单, 项目清单)', () => {
  it('puts an accepted suggestion on the public needs list, then moves it to the project list', async () => {
    const author = v1.residents[36];
    const c = await submit(author, suggestion({ text: '建议在村小学门口修一段人行道，接送孩子太危险。' }));
    const path = `/cases/${c.caseId}/sort`;
    const onList = async (track: string) =>
      (
        (await (await as(v1.residents[37])).get(`/cases?view=public&track=${track}&limit=50`)).body.items as {
          caseId: string;
        }[]
      ).some((i) => i.caseId === c.caseId);

    expect((await chair.post(path, { track: 'needs' })).status).toBe(409); // not accepted yet
    await chair.post(`/cases/${c.caseId}/accept`, {});
    expect((await (await as(author)).post(path, { track: 'needs' })).status).toBe(403);
    const bad = await chair.post(path, { track: 'wishlist' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'track', message: expect.stringContaining('需求清单') });
    expect(await onList('needs')).toBe(false);

    const needs = await chair.post(path, { track: 'needs', note: '列入明年道路改造统筹考虑' });
    expect(needs.status).toBe(200);
    expect(needs.body).toMatchObject({ status: 'accepted', track: { kind: 'needs' } });
    expect(needs.body.timeline.at(-1)).toMatchObject({
      action: 'sort',
      note: '列入需求清单：列入明年道路改造统筹考虑',
    });
    expect(await onList('needs')).toBe(true);
    expect(await onList('project')).toBe(false);
    expect((await chair.post(path, { track: 'needs' })).status).toBe(409);

    expect((await chair.post(path, { track: 'project' })).status).toBe(200);
    expect(await onList('project')).toBe(true);
    expect(await onList('needs')).toBe(false);
    expect((await (await as(author)).get(`/cases/${c.caseId}`)).body.track.kind).toBe('project');
    expect((await (await as(v1.residents[37])).get('/cases?view=public&track=bogus')).status).toBe(400);

    // A petition is not a suggestion for the village's lists.
    const p = await submit(v1.residents[38], petition());
    await chair.post(`/cases/${p.caseId}/accept`, {});
    expect((await chair.post(`/cases/${p.caseId}/sort`, { track: 'needs' })).status).toBe(409);
  });
});

describe('移交: a matter for another authority', () => {
  it('hands a crime to the police and closes it here, never mediated; the petitioner sees where it went', async () => {
    const author = v1.residents[35];
    const c = await submit(author, petition({ text: '村口小卖部后屋有人聚众赌博，还放高利贷，请村里处理。' }));
    const path = `/cases/${c.caseId}/transfer`;
    const bad = await chair.post(path, { to: '', reason: '涉嫌违法犯罪' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({ path: 'to', message: expect.stringContaining('移交单位') }),
    ]);
    expect((await (await as(author)).post(path, { to: '青山镇派出所', reason: '涉嫌赌博' })).status).toBe(403);
    expect((await chair.get(`/cases/${c.caseId}`)).body.status).toBe('submitted');

    const done = await chair.post(path, { to: '青山镇派出所', reason: '涉嫌聚众赌博和非法放贷，移交派出所，不作调解' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'closed',
      transfer: {
        to: '青山镇派出所',
        reason: '涉嫌聚众赌博和非法放贷，移交派出所，不作调解',
        by: `村委会 ${v1.chair.name}`,
      },
    });
    expect(done.body.me.actions).toEqual([]);
    const seen = (await (await as(author)).get(`/cases/${c.caseId}`)).body;
    expect(seen.transfer.to).toBe('青山镇派出所');
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'transfer', status: 'closed' });
    expect(seen.me.actions).not.toContain('rate');
    // Nothing more happens to it here: no mediation, no acceptance, no second transfer.
    expect((await chair.post(`/cases/${c.caseId}/accept`, {})).status).toBe(409);
    expect((await chair.post(path, { to: '县公安局', reason: '再次移交' })).status).toBe(409);
    expect(await auditActions(v1.villageId, c.caseId)).toEqual(['case.submit', 'case.transfer']);
  });
});

describe('who may know the petitioner', () => {
  it('routes a complaint about the chair to the supervision committee and the township, never the chair', async () => {
    const author = v1.residents[16];
    const c = await submit(
      author,
      petition({
        categoryId: 'conduct',
        about: { kind: 'member', personId: v1.chair.personId },
        text: '村主任在低保评定中优亲厚友，请监委会调查。',
      }),
    );
    expect(c.route).toBe('supervision');
    const supervisor = (await (await as(v1.supervisor)).get(`/cases/${c.caseId}`)).body;
    expect(supervisor.submitter.name).toBe(author.name);
    expect(supervisor.me.actions).toEqual(expect.arrayContaining(['accept', 'decline']));
    const township = (await (await as(api.township.staff)).get(`/cases/${c.caseId}?villageId=${v1.villageId}`)).body;
    expect(township.submitter.name).toBe(author.name);

    for (const member of v1.committee) {
      const client = await as(member);
      expect((await client.get(`/cases/${c.caseId}`)).status).toBe(404);
      const work = (await client.get('/cases?view=work&limit=50')).body;
      expect(JSON.stringify(work)).not.toContain(c.caseId);
      expect((await client.post(`/cases/${c.caseId}/accept`, {})).status).toBe(404);
    }
    // The supervisor may assign it, but never to a committee member.
    const sup = await as(v1.supervisor);
    await sup.post(`/cases/${c.caseId}/accept`, {});
    const handlers = (await sup.get(`/cases/${c.caseId}/handlers`)).body.items.map(
      (h: { personId: string }) => h.personId,
    );
    expect(handlers).not.toContain(v1.chair.personId);
    expect((await sup.post(`/cases/${c.caseId}/assign`, { personId: v1.committee[1].personId })).status).toBe(400);
  });

  it('shows the petitioner to no one who may not see them, per role, over the API', async () => {
    const author = v1.residents[17];
    const c = await submit(
      author,
      petition({
        categoryId: 'conduct',
        about: { kind: 'member', personId: v1.committee[2].personId },
        public: true,
        anonymous: true,
        asksFor: 'villagers_meeting',
        text: '会计长期不公开账目，联名要求召开村民会议说明村集体收支情况。',
      }),
    );
    const callers: [string, SeededPerson, boolean][] = [
      ['the subject', v1.committee[2], false],
      ['the chair', v1.chair, false],
      ['another resident', v1.residents[18], false],
      ['a representative', v1.representatives[0], false],
      ['the supervisor', v1.supervisor, true],
      ['the township', api.township.staff, true],
      ['the petitioner', author, true],
    ];
    for (const [who, person, knows] of callers) {
      const path = `/cases/${c.caseId}${person.tenantId === api.township.townshipId ? `?villageId=${v1.villageId}` : ''}`;
      const r = await (await as(person)).get(path);
      expect([who, r.status]).toEqual([who, 200]);
      expect([who, JSON.stringify(r.body).includes(author.name)]).toEqual([who, knows]);
      expect([who, JSON.stringify(r.body).includes(author.personId)]).toEqual([who, knows]);
    }
    // Another village does not see it at all.
    expect((await (await as(v2.chair)).get(`/cases/${c.caseId}`)).status).toBe(404);
    expect((await (await as(v2.residents[0])).get(`/cases/${c.caseId}?villageId=${v1.villageId}`)).status).toBe(404);
    // The public list names no one either.
    const list = (await (await as(v1.committee[2])).get('/cases?view=public&limit=50')).body;
    expect(JSON.stringify(list)).not.toContain(author.name);
  });

  it('routes a complaint about a ward the committee is guardian of away from the committee too', async () => {
    const c = await submit(
      v1.residents[27],
      petition({
        about: { kind: 'guardianship' },
        text: '村委会作为监护人，把五保户老人的土地补偿款长期挪作他用。',
      }),
    );
    expect(c).toMatchObject({ route: 'supervision', about: { kind: 'guardianship' } });
    expect((await chair.get(`/cases/${c.caseId}`)).status).toBe(404);
    const seen = await (await as(v1.supervisor)).get(`/cases/${c.caseId}`);
    expect(seen.body.submitter.name).toBe(v1.residents[27].name);
  });

  it('keeps a care concern between civil affairs and the cadre it is assigned to', async () => {
    const author = v1.residents[19];
    const c = await submit(
      author,
      suggestion({ categoryId: 'care', text: '五组独居的王大爷最近几天没出门，担心他身体出问题。' }),
    );
    expect(c).toMatchObject({ route: 'civil_affairs', public: false, care: true });
    expect((await chair.get(`/cases/${c.caseId}`)).status).toBe(404);
    expect((await (await as(v1.residents[20])).get(`/cases/${c.caseId}`)).status).toBe(404);
    expect((await (await as(api.township.staff)).get(`/cases/${c.caseId}?villageId=${v1.villageId}`)).status).toBe(404);
    const civil = await as(api.township.civilAffairs);
    const seen = await civil.get(`/cases/${c.caseId}?villageId=${v1.villageId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.submitter.name).toBe(author.name);
    const inV1 = `?villageId=${v1.villageId}`;
    expect((await civil.post(`/cases/${c.caseId}/accept${inV1}`, {})).status).toBe(200);
    const cadre = v1.gridWorkers[1];
    expect((await civil.post(`/cases/${c.caseId}/assign${inV1}`, { personId: cadre.personId })).status).toBe(200);
    const assigned = await (await as(cadre)).get(`/cases/${c.caseId}`);
    expect(assigned.status).toBe(200);
    expect(assigned.body.me.actions).toEqual(expect.arrayContaining(['progress', 'reply']));
  });

  it('never writes the petitioner to the logs', async () => {
    const author = v1.residents[21];
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const c = await submit(author, petition({ about: { kind: 'committee' } }));
      await (await as(v1.supervisor)).post(`/cases/${c.caseId}/accept`, {});
      await (await as(author)).post(`/cases/${c.caseId}/rate`, { rating: 'satisfied' });
      await (await as(author)).post('/cases', { kind: 'petition', text: author.name });
    } finally {
      process.stdout.write = write;
      process.stderr.write = writeErr;
    }
    expect(lines.join('')).not.toContain(author.name);
  });
});

describe('proxy entry by a grid worker', () => {
  it('records who entered it for whom and how, within the grid only', async () => {
    const grid = v1.gridWorkers[0];
    const worker = await as(grid);
    const people = (await worker.get('/people?limit=50')).body.items as {
      personId: string;
      name: string;
      roles: string[];
    }[];
    const neighbour = people.find((p) => p.roles.length === 1 && p.roles[0] === 'resident') ?? people[0];
    const r = await worker.post('/cases', petition({ onBehalfOf: { personId: neighbour.personId, intake: 'visit' } }));
    expect(r.status).toBe(201);
    expect(r.body.submitter.personId).toBe(neighbour.personId);
    expect(r.body.enteredBy).toEqual({ name: grid.name, intake: 'visit' });
    const outsider = v1.residents.find((p) => !people.some((q) => q.personId === p.personId));
    const refused = await worker.post(
      '/cases',
      petition({ onBehalfOf: { personId: outsider?.personId, intake: 'phone' } }),
    );
    expect(refused.status).toBe(403);
    const resident = await worker.post(
      '/cases',
      petition({ onBehalfOf: { personId: neighbour.personId, intake: 'app' } }),
    );
    expect(resident.status).toBe(400);
    expect(resident.body.error.fields[0].path).toBe('onBehalfOf.intake');
    // A plain resident may not enter cases for others.
    const plain = await (await as(v1.residents[22])).post(
      '/cases',
      petition({ onBehalfOf: { personId: neighbour.personId, intake: 'visit' } }),
    );
    expect(plain.status).toBe(403);
  });
});

describe('附议 and 联名', () => {
  it('counts each resident once, never the author', async () => {
    const author = v1.residents[23];
    const c = await submit(author, suggestion({ text: '建议村里组织一次免费体检，很多老人好几年没体检了。' }));
    for (const p of v1.residents.slice(24, 27)) {
      const r = await (await as(p)).post(`/cases/${c.caseId}/second`);
      expect(r.status).toBe(200);
    }
    // Seconding again (a retry, a second tap) answers what stands, and still counts once.
    const again = await (await as(v1.residents[24])).post(`/cases/${c.caseId}/second`);
    expect(again.status).toBe(200);
    expect(again.body.seconds).toBe(3);
    expect((await (await as(author)).post(`/cases/${c.caseId}/second`)).status).toBe(409);
    const seen = (await (await as(v1.residents[24])).get(`/cases/${c.caseId}`)).body;
    expect(seen.seconds).toBe(3);
    expect(seen.me.seconded).toBe(true);
    expect(seen.me.actions).not.toContain('second');
  });

  it('creates the duty to convene a villagers\u2019 meeting once 1/3 of representatives co-sign, with 10 days\u2019 notice', async () => {
    const author = v1.residents[28];
    const c = await submit(
      author,
      petition({ asksFor: 'villagers_meeting', text: '村集体土地流转价格明显偏低，联名要求召开村民会议讨论。' }),
    );
    expect(c.public).toBe(true);
    const reps = v1.representatives.filter((r) => r.personId !== author.personId);
    const need = c.coSigning.representativesNeeded;
    expect(need).toBe(Math.ceil(v1.representatives.length / 3));
    for (const rep of reps.slice(0, need - 1))
      expect((await (await as(rep)).post(`/cases/${c.caseId}/cosign`)).status).toBe(200);
    expect((await chair.get(`/cases/${c.caseId}`)).body.duty).toBeUndefined();
    const last = (await (await as(reps[need - 1])).post(`/cases/${c.caseId}/cosign`)).body;
    expect(last.duty.body).toBe('villagers_meeting');
    expect(last.duty.basis).toContain(`${need}`);
    expect(last.duty.basis).toContain('三分之一');
    // Public so that others can co-sign, yet the petitioner is never named in public, even masked.
    expect(last.author).toBe('匿名村民');
    expect(JSON.stringify(last)).not.toContain(author.name);
    expect(last.duty.noticeDays).toBe(10);
    const again = await (await as(reps[0])).post(`/cases/${c.caseId}/cosign`);
    expect(again.status).toBe(200);
    expect(again.body.coSigning.representatives).toBe(last.coSigning.representatives);

    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const tooSoon = await chair.post(`/cases/${c.caseId}/meeting`, { on: soon, place: '村委会议室' });
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.error.fields[0].path).toBe('on');
    const later = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    const convened = (await chair.post(`/cases/${c.caseId}/meeting`, { on: later, place: '村委会议室' })).body;
    expect(convened.duty.convened.on).toBe(later);
    const dash = (await chair.get('/cases/dashboard')).body;
    expect(dash.dutiesPending).toBe(0);
  });
});

describe('deadlines', () => {
  /** The service in this process, with a clock the test moves: the HTTP wrapper always uses the real one. */
  const service = async () => ({
    ...(await import('../../src/functions/cases/service')),
    ...(await import('../../src/functions/cases/oversight')),
  });
  const actorOf = async (p: SeededPerson, now: Date) => {
    const { getPerson } = await import('../../src/functions/people/store');
    const { toActor } = await import('../../src/functions/lib/actor');
    const person = await getPerson(p.tenantId, p.personId);
    if (!person) throw new Error('no person');
    return toActor(person, now);
  };

  it('escalates an undecided case to the township when the acceptance clock runs out, on schedule', async () => {
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    const s = await service();
    const c = await s.submitCase(
      await actorOf(v1.residents[29], longAgo),
      petition({ anonymous: false, photos: [] }) as never,
      undefined,
      longAgo,
    );
    expect((await chair.get(`/cases/${c.caseId}`)).body.overdue).toBe('accept');
    const done = await s.escalateDue(new Date());
    expect(done.escalated).toBeGreaterThanOrEqual(1);
    const after = (await chair.get(`/cases/${c.caseId}`)).body;
    expect(after.status).toBe('escalated');
    expect(after.escalation.reason).toBe('overdue_accept');
    expect(after.timeline.at(-1).note).toContain('超过受理期限');
    // Still acceptable: work goes on from where it stood.
    expect(after.me.actions).toContain('accept');
    const township = (await (await as(api.township.staff)).get('/cases/escalated')).body.items;
    expect(township.map((i: { caseId: string }) => i.caseId)).toContain(c.caseId);
  });

  it('escalates an unresolved case once when the resolve clock runs out, however often the schedule runs', async () => {
    const s = await service();
    const longAgo = new Date(Date.now() - 80 * 86_400_000);
    const c = await s.submitCase(
      await actorOf(v1.residents[31], longAgo),
      petition({ photos: [], anonymous: false }) as never,
      undefined,
      longAgo,
    );
    await s.accept(await actorOf(v1.chair, longAgo), { caseId: c.caseId }, undefined, longAgo);
    await s.escalateDue(new Date());
    const escalated = (await chair.get(`/cases/${c.caseId}`)).body;
    expect(escalated).toMatchObject({ status: 'escalated', escalation: { reason: 'overdue_resolve' } });
    // Work goes on; the schedule runs again and again; the case is on the township's list once.
    await chair.post(`/cases/${c.caseId}/progress`, { note: '已联系镇国土所，等待现场勘测' });
    await s.escalateDue(new Date());
    await s.escalateDue(new Date());
    const after = (await chair.get(`/cases/${c.caseId}`)).body;
    expect(after.status).toBe('in_progress');
    expect(after.overdue).toBe('resolve');
    expect(after.timeline.filter((t: { action: string }) => t.action === 'escalate')).toHaveLength(1);
  });

  it('closes an answered case once its review window has passed, and refuses a late rating', async () => {
    const s = await service();
    const longAgo = new Date(Date.now() - 50 * 86_400_000);
    const author = v1.residents[30];
    const c = await s.submitCase(
      await actorOf(author, longAgo),
      petition({ photos: [], anonymous: false }) as never,
      undefined,
      longAgo,
    );
    const chairThen = await actorOf(v1.chair, longAgo);
    await s.accept(chairThen, { caseId: c.caseId }, undefined, longAgo);
    await s.reply(
      chairThen,
      { caseId: c.caseId },
      '已协调解决，双方签订了调解协议。',
      new Date(longAgo.getTime() + 86_400_000),
    );
    const late = await (await as(author)).post(`/cases/${c.caseId}/rate`, { rating: 'unsatisfied' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('复查');
    await s.escalateDue(new Date());
    expect((await chair.get(`/cases/${c.caseId}`)).body.status).toBe('closed');
  });
});

describe('the dashboard', () => {
  it('counts open, overdue, by category and grid, times and satisfaction for the committee and the township', async () => {
    const d = (await chair.get('/cases/dashboard')).body;
    const all = await casesOf(v1.villageId);
    /** The cases a caller can open: the dashboard counts these and no others. */
    const openable = async (client: ApiClient, scope = '') =>
      (await Promise.all(all.map((c) => client.get(`/cases/${c.caseId}${scope}`)))).filter((r) => r.status === 200);
    const chairs = await openable(chair);
    expect(d.total).toBe(chairs.length);
    // Complaints about the committee and care concerns were submitted above: the chair neither opens nor counts them.
    expect(d.total).toBeLessThan(all.length);
    expect(d.open).toBe(chairs.filter((r) => !['closed', 'declined'].includes(String(r.body.status))).length);
    expect(d.byCategory.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(chairs.length);
    expect(d.byCategory.find((c: { key: string }) => c.key === 'roads').label).toBe('道路交通');
    expect(d.ratings.satisfied).toBeGreaterThanOrEqual(1);
    expect(d.satisfactionRate).toBeGreaterThan(0);
    expect(d.averageDaysToAccept).not.toBeNull();
    const staff = await as(api.township.staff);
    const township = await staff.get(`/cases/dashboard?villageId=${v1.villageId}`);
    expect(township.body.total).toBe((await openable(staff, `?villageId=${v1.villageId}`)).length);
    expect((await (await as(v1.residents[0])).get('/cases/dashboard')).status).toBe(403);
  });
});
