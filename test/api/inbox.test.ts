import type { SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * 消息: each event lands in the inboxes it concerns and in no other, through the
 * outbox, the queue (its local stand-in) and the consumer; paging, unread count,
 * mark read, expiry from the village's setting, and a redelivered event once.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const openTopic = async (title = '关于修建村文化广场的表决') => {
  const created = await chair.post('/topics', {
    title,
    background: '经村“两委”讨论，拟在村委会旁修建文化广场，资金来自上级补助。',
    body: 'representatives',
    kind: 'motion',
    secret: false,
    closesAt: inHours(48),
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
});
