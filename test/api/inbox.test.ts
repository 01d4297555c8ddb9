import type { SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, consent, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * 消息: each event lands in the inboxes it concerns and in no other, through the
 * outbox, the queue (its local stand-in) and the consumer; paging, unread count,
 * mark read, expiry from the village's setting, and a redelivered event once.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const openTopic = async (title = '关于修建村文化广场的表决', closesInHours = 48) => {
  const created = await chair.post('/topics', {
    title,
    background: '经村“两委”讨论，拟在村委会旁修建文化广场，资金来自上级补助。',
    body: 'representatives',
    kind: 'motion',
    secret: false,
    closesAt: inHours(closesInHours),
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const opened = await chair.post(`/topics/${created.body.topicId}/open`);
  if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));
  await api.events.settle();
  return opened.body;
};
const inboxOf = async (who: ApiClient) => (await who.get('/inbox?limit=50')).body.items as any[];

beforeAll(async () => {
  api = await startTestApi('inbox');
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

describe('a vote opened', () => {
  it('reaches every member of the frozen electorate, and nobody else', async () => {
    const topic = await openTopic();
    for (const rep of v1.representatives) {
      const items = await inboxOf(await api.as(rep));
      const mine = items.filter((i) => i.link.id === topic.topicId);
      expect(mine).toEqual([
        expect.objectContaining({
          kind: 'topic.opened',
          title: '表决开始：关于修建村文化广场的表决',
          link: { page: 'topic', id: topic.topicId },
          read: false,
        }),
      ]);
    }
    for (const other of [v1.residents[0], v1.supervisor, api.township.villages[1].representatives[0]]) {
      const items = await inboxOf(await api.as(other));
      expect(items.filter((i) => i.link.id === topic.topicId)).toEqual([]);
    }
  });

  it('counts unread on the home screen, and marks one and then all read', async () => {
    const rep = await api.as(v1.representatives[1]);
    const before = (await rep.get('/inbox/unread')).body.unread;
    await openTopic('关于调整村保洁费的表决');
    await openTopic('关于村道路灯安装的表决');
    expect((await rep.get('/inbox/unread')).body).toEqual({ unread: before + 2, more: false });
    const [newest] = await inboxOf(rep);
    expect(newest.title).toBe('表决开始：关于村道路灯安装的表决');
    expect((await rep.post(`/inbox/${newest.itemId}/read`)).body).toEqual({ marked: 1 });
    expect((await rep.get('/inbox/unread')).body.unread).toBe(before + 1);
    expect((await inboxOf(rep))[0].read).toBe(true);
    expect((await rep.post('/inbox/read-all')).body.marked).toBe(before + 1);
    expect((await rep.get('/inbox/unread')).body.unread).toBe(0);
    expect((await inboxOf(rep)).every((i) => i.read)).toBe(true);
  });

  it('pages newest first with an opaque cursor', async () => {
    const rep = await api.as(v1.representatives[2]);
    const all = await inboxOf(rep);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await rep.get('/inbox?limit=2');
    expect(first.body.items.map((i: any) => i.itemId)).toEqual(all.slice(0, 2).map((i) => i.itemId));
    const second = await rep.get(`/inbox?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].itemId).toBe(all[2].itemId);
    expect((await (await api.as(v1.representatives[3])).get(`/inbox?cursor=${first.body.nextCursor}`)).status).toBe(
      400,
    );
  });

  it('keeps an item for the village setting (DynamoDB TTL)', async () => {
    const rep = v1.representatives[0];
    const [item] = await inboxOf(await api.as(rep));
    const stored = await rawTable().item(`TN#${v1.villageId}#INBOX#${rep.personId}`, `MSG#${item.itemId}`);
    expect(stored?.ttl).toBe(Math.floor(Date.parse(item.at) / 1000) + 180 * 86_400);
  });

  it('a redelivered event leaves one item, read or not', async () => {
    const topic = await openTopic('关于村集体土地流转的表决');
    const rep = await api.as(v1.representatives[0]);
    const [item] = (await inboxOf(rep)).filter((i) => i.link.id === topic.topicId);
    await rep.post(`/inbox/${item.itemId}/read`);
    const r = await api.events.redeliver(JSON.stringify({ villageId: v1.villageId, eventId: item.itemId }));
    expect(r.batchItemFailures).toEqual([]);
    const after = (await inboxOf(rep)).filter((i) => i.link.id === topic.topicId);
    expect(after).toEqual([{ ...item, read: true }]);
  });

  it('refuses a malformed item id, naming it, and a stranger’s item is not found', async () => {
    const rep = await api.as(v1.representatives[0]);
    const r = await rep.post('/inbox/not-an-id/read');
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('itemId');
    const [item] = await inboxOf(rep);
    expect((await (await api.as(v1.residents[0])).post(`/inbox/${item.itemId}/read`)).status).toBe(404);
  });

  it('a household vote tells every member of every household (more people in a page than one batch read)', async () => {
    const created = await chair.post('/topics', {
      title: '关于村集体收益分配方案的表决',
      background: '经村“两委”讨论，拟按户分配村集体收益，方案见附件。',
      body: 'villagers_meeting',
      perHousehold: true,
      kind: 'motion',
      secret: false,
      closesAt: inHours(48),
    });
    expect((await chair.post(`/topics/${created.body.topicId}/open`)).status).toBe(200);
    await api.events.settle();
    expect(api.events.deadLetters).toEqual([]);
    for (const person of [v1.residents[0], v1.residents[40], v1.chair]) {
      const items = await inboxOf(await api.as(person));
      expect(items.filter((i) => i.link.id === created.body.topicId).map((i) => i.kind)).toEqual(['topic.opened']);
    }
  });
});

describe('what is announced, to whom', () => {
  const petitionText = '邻居在我家承包地边上堆放建筑垃圾，多次沟通没有结果，请村里协调处理。';
  const itemsAbout = async (who: ApiClient, id: string) => (await inboxOf(who)).filter((i) => i.link.id === id);
  const kindsAbout = async (who: ApiClient, id: string) => (await itemsAbout(who, id)).map((i) => i.kind).sort();
  /** No message names the petitioner or the subject: not the text, the category, or who it is about. */
  const expectDiscreet = (items: any[], author: { name: string }) => {
    for (const i of items) {
      const said = `${i.title}${i.body}`;
      for (const secret of [author.name, '建筑垃圾', '邻居', '承包地', '矛盾纠纷', v1.chair.name])
        expect(said).not.toContain(secret);
    }
  };

  it('a petition: its author hears each step, its handler the assignment, and nobody else anything', async () => {
    const author = v1.residents[5];
    const grid = v1.gridWorkers[0];
    const mine = await api.as(author);
    const c = (await mine.post('/cases', { kind: 'petition', categoryId: 'disputes', text: petitionText })).body;
    await chair.post(`/cases/${c.caseId}/accept`, { note: '已受理' });
    await chair.post(`/cases/${c.caseId}/assign`, { personId: grid.personId });
    await (await api.as(grid)).post(`/cases/${c.caseId}/reply`, {
      text: '经调解，邻居同意本周内清走，村里将跟进检查。',
    });
    await api.events.settle();

    expect(await kindsAbout(mine, c.caseId)).toEqual(['case.accepted', 'case.assigned', 'case.replied']);
    const authorItems = await itemsAbout(mine, c.caseId);
    expect(authorItems.every((i) => i.title === '您反映的事项有新进展')).toBe(true);
    expect(authorItems[0].link).toEqual({ page: 'case', id: c.caseId, villageId: v1.villageId });
    const handler = await api.as(grid);
    expect(await kindsAbout(handler, c.caseId)).toEqual(['case.handle']);
    expectDiscreet([...authorItems, ...(await itemsAbout(handler, c.caseId))], author);
    for (const other of [v1.residents[6], v1.gridWorkers[1], v1.supervisor, v1.chair])
      expect(await kindsAbout(await api.as(other), c.caseId)).toEqual([]);
  });

  it('a declined case tells its author, without the reason in the message', async () => {
    const author = v1.residents[6];
    const mine = await api.as(author);
    const c = (await mine.post('/cases', { kind: 'petition', categoryId: 'disputes', text: petitionText })).body;
    await chair.post(`/cases/${c.caseId}/decline`, { reason: '属于邻里承包地纠纷，请向乡镇调解委员会申请调解' });
    await api.events.settle();
    const items = await itemsAbout(mine, c.caseId);
    expect(items.map((i) => i.kind)).toEqual(['case.declined']);
    expect(items[0].body).toBe('不予受理，点开查看原因。');
    expectDiscreet(items, author);
  });

  it('a notice: to those who follow its category (财务 by default), and major matters to everyone', async () => {
    const reviewer = await api.as(v1.committee[1]);
    const publish = async (over: Record<string, unknown>) => {
      const created = await chair.post('/notices', {
        title: '2026年11月村级财务收支公开',
        body: '本月收入 12,000 元，支出 8,500 元，明细见附件。',
        period: { from: '2026-11-01', until: '2026-11-30' },
        ...over,
      });
      await chair.post(`/notices/${created.body.noticeId}/publish`);
      const approved = await reviewer.post(`/notices/${created.body.noticeId}/approve`);
      // 财务 waits for the 监委会's review (signOffCategories) before it is published.
      if (approved.body.status === 'pending_signoff')
        await (await api.as(v1.supervisor)).post(`/notices/${created.body.noticeId}/sign-off`);
      await api.events.settle();
      return created.body.noticeId as string;
    };
    const follower = await api.as(v1.residents[7]);
    const quiet = await api.as(v1.residents[8]);
    expect((await quiet.put('/me/inbox-preferences', { muted: [], categories: ['village'] })).status).toBe(200);
    const finance = await publish({ category: 'finance' });
    expect(await kindsAbout(follower, finance)).toEqual(['notice.published']);
    expect((await itemsAbout(follower, finance))[0].title).toBe('新公告：2026年11月村级财务收支公开');
    expect(await kindsAbout(quiet, finance)).toEqual([]);
    const ordinary = await publish({ category: 'government', title: '关于医保缴费的通知' });
    expect(await kindsAbout(follower, ordinary)).toEqual([]);
    const major = await publish({ category: 'government', title: '关于村集体土地征收的公告', major: true });
    expect(await kindsAbout(follower, major)).toEqual(['notice.published']);
    expect(await kindsAbout(quiet, major)).toEqual(['notice.published']);
  });

  it('an answered question: to its asker only, unless they turned answers off', async () => {
    const [noticeId] = v1.publishedNoticeIds.length ? v1.publishedNoticeIds : [undefined];
    const created = noticeId
      ? noticeId
      : (
          await chair.post('/notices', {
            category: 'village',
            title: '关于村道硬化工程的公示',
            body: '经村民代表会议讨论，决定对三组至五组村道进行硬化。',
          })
        ).body.noticeId;
    if (!noticeId) {
      await chair.post(`/notices/${created}/publish`);
      await (await api.as(v1.committee[1])).post(`/notices/${created}/approve`);
    }
    const asker = await api.as(v1.residents[9]);
    const q = (await asker.post(`/notices/${created}/questions`, { text: '工程什么时候开工？' })).body;
    await chair.post(`/notices/${created}/questions/${q.questionId}/answer`, { text: '计划下月初开工。' });
    await api.events.settle();
    const items = (await inboxOf(asker)).filter((i) => i.kind === 'question.answered');
    expect(items).toEqual([
      expect.objectContaining({ title: '您的提问有了答复', link: { page: 'notice', id: created } }),
    ]);
    expect((await inboxOf(await api.as(v1.residents[10]))).filter((i) => i.kind === 'question.answered')).toEqual([]);

    await asker.put('/me/inbox-preferences', { muted: ['question'], categories: ['finance'] });
    const q2 = (await asker.post(`/notices/${created}/questions`, { text: '工程由谁施工？' })).body;
    await chair.post(`/notices/${created}/questions/${q2.questionId}/answer`, { text: '由中标单位施工。' });
    await api.events.settle();
    expect((await inboxOf(asker)).filter((i) => i.kind === 'question.answered')).toHaveLength(1);
  });

  it('a vote’s result goes to its electorate', async () => {
    const topic = await openTopic('关于村级公益岗位设置的表决');
    await chair.post(`/topics/${topic.topicId}/close`, { reason: '村民代表已全部表决' });
    await api.events.settle();
    const rep = await api.as(v1.representatives[4]);
    expect(await kindsAbout(rep, topic.topicId)).toEqual(['topic.opened', 'topic.result']);
    expect(await kindsAbout(await api.as(v1.residents[0]), topic.topicId)).toEqual([]);
  });

  it('a binding approved reaches the person, one refused reaches the account, with the reason', async () => {
    const [person, other] = v1.residents.filter((p) => p.phone && p.idNumber).slice(20, 22);
    const claim = async (p: typeof person) => {
      const account = await api.wechat();
      const r = await account.post('/bindings/claims', {
        villageId: v1.villageId,
        name: p.name,
        idTail: '0000',
        phone: p.phone,
        consent,
      });
      expect(r.body.status).toBe('pending');
      return { account, claimId: r.body.claim.claimId as string };
    };
    const refused = await claim(other);
    await chair.post(`/bindings/claims/${refused.claimId}/reject`, { reason: '身份证后四位与名册不符' });
    await api.events.settle();
    expect(await inboxOf(refused.account)).toEqual([
      expect.objectContaining({ kind: 'binding.rejected', body: '原因：身份证后四位与名册不符' }),
    ]);
    const approved = await claim(person);
    await chair.post(`/bindings/claims/${approved.claimId}/approve`, { personId: person.personId });
    await api.events.settle();
    expect((await inboxOf(await api.as(person))).map((i) => i.kind)).toContain('binding.approved');
  });
});

describe('what the clock announces (scheduled, with a moved clock)', () => {
  const HOUR = 3_600_000;
  const announce = async (at: Date) => {
    const { announceDue } = await import('../../src/functions/events/announce');
    const told = await announceDue(at);
    await api.events.settle();
    return told;
  };
  const kindsAbout = async (who: ApiClient, id: string) =>
    (await inboxOf(who)).filter((i) => i.link.id === id).map((i) => i.kind);

  // Far ahead, a window no other test file's votes close in (the schedule reads every village's).
  it('24 hours before a vote closes, tells those who have not voted, once', async () => {
    const topic = await openTopic('关于村卫生室改建的表决', 200);
    const [voter, waiting] = [v1.representatives[5], v1.representatives[6]];
    const cast = await (await api.as(voter)).post(`/topics/${topic.topicId}/ballots`, { choices: ['approve'] });
    expect(cast.status).toBe(200);
    await announce(new Date(Date.now() + 170 * HOUR)); // 30 hours left: too early
    expect(await kindsAbout(await api.as(waiting), topic.topicId)).toEqual(['topic.opened']);
    await announce(new Date(Date.now() + 180 * HOUR));
    await announce(new Date(Date.now() + 181 * HOUR));
    const items = (await inboxOf(await api.as(waiting))).filter((i) => i.link.id === topic.topicId);
    expect(items.map((i) => i.kind)).toEqual(['topic.closing', 'topic.opened']);
    expect(items[0].title).toBe('表决即将截止：关于村卫生室改建的表决');
    expect(await kindsAbout(await api.as(voter), topic.topicId)).toEqual(['topic.opened']);
  });

  it('a case clock with one working day left: the committee for acceptance, its handler for resolving', async () => {
    const author = v1.residents[11];
    const grid = v1.gridWorkers[1];
    const c = (
      await (
        await api.as(author)
      ).post('/cases', {
        kind: 'petition',
        categoryId: 'roads',
        text: '村东头的路灯坏了两个月，晚上出行不方便，请尽快修理。',
      })
    ).body;
    const acceptBy = Date.parse((await chair.get(`/cases/${c.caseId}`)).body.deadlines.acceptBy);
    await announce(new Date(acceptBy - 5 * 24 * HOUR));
    expect(await kindsAbout(chair, c.caseId)).toEqual([]);
    await announce(new Date(acceptBy - 12 * HOUR));
    await announce(new Date(acceptBy - 11 * HOUR));
    const [due] = (await inboxOf(chair)).filter((i) => i.link.id === c.caseId);
    expect(due).toMatchObject({ kind: 'case.due', title: '有一件事项的期限只剩 1 个工作日' });
    expect(`${due.title}${due.body}`).not.toMatch(/路灯|东头/);
    expect(`${due.title}${due.body}`).not.toContain(author.name);

    await chair.post(`/cases/${c.caseId}/accept`, { note: '已受理' });
    await chair.post(`/cases/${c.caseId}/assign`, { personId: grid.personId });
    await api.events.settle();
    const resolveBy = Date.parse((await chair.get(`/cases/${c.caseId}`)).body.deadlines.resolveBy);
    await announce(new Date(resolveBy - 12 * HOUR));
    expect((await kindsAbout(await api.as(grid), c.caseId)).sort()).toEqual(['case.due', 'case.handle']);
    expect((await kindsAbout(chair, c.caseId)).filter((k) => k === 'case.due')).toHaveLength(1);
    expect(await kindsAbout(await api.as(author), c.caseId)).not.toContain('case.due');
  });

  it('a question waiting longer than the village’s setting is brought to the committee, once', async () => {
    const created = await chair.post('/notices', {
      category: 'village',
      title: '关于村集体经济合作社分红的公示',
      body: '经村民代表会议讨论，决定按股分红，详见附件。',
    });
    const noticeId = created.body.noticeId;
    await chair.post(`/notices/${noticeId}/publish`);
    await (await api.as(v1.committee[1])).post(`/notices/${noticeId}/approve`);
    await (await api.as(v1.residents[12])).post(`/notices/${noticeId}/questions`, { text: '外出务工的怎么领分红？' });
    await announce(new Date(Date.now() + 71 * HOUR));
    expect((await kindsAbout(chair, noticeId)).filter((k) => k === 'question.waiting')).toEqual([]);
    await announce(new Date(Date.now() + 73 * HOUR));
    await announce(new Date(Date.now() + 74 * HOUR));
    const waiting = (await inboxOf(chair)).filter((i) => i.link.id === noticeId && i.kind === 'question.waiting');
    expect(waiting).toEqual([
      expect.objectContaining({
        title: '有村民的提问等待答复',
        body: '公告《关于村集体经济合作社分红的公示》下的提问已等待超过 72 小时。',
      }),
    ]);
    expect(await kindsAbout(await api.as(v1.residents[13]), noticeId)).toEqual([]);
  });
});
