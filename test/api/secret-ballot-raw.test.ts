import { createHash } from 'node:crypto';
import { DynamoDBDocumentClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../scripts/local/dynamodb';
import type { SeededVillage } from '../../scripts/local/seed';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * A secret vote read as someone with a table export would read it: seven
 * representatives vote in the app, one on paper (marked in the register, his
 * ballot entered from the box). Nothing stored or returned may join that one
 * paper voter (or anyone) to a choice: not a channel on a ballot, not a time on
 * a marker, not the order of the ballots, not an audit entry, not a sub-total.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;
let topicId: string;
let closed: Record<string, any>;
let turnout: Record<string, any>;
const receipts: string[] = [];

const OPTIONS = ['approve', 'oppose', 'abstain'];
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

async function scanAll(input: Omit<ScanCommandInput, 'TableName'>) {
  const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
  const items: Record<string, any>[] = [];
  let start: Record<string, any> | undefined;
  do {
    const r = await doc.send(
      new ScanCommand({ ...input, TableName: process.env.TABLE_NAME!, ExclusiveStartKey: start }),
    );
    items.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return items;
}

beforeAll(async () => {
  api = await startTestApi('secretraw', { ownTable: true });
  v1 = api.township.villages[0];
  chair = await api.as(v1.chair);
  const created = await chair.post('/topics', {
    title: '关于村集体鱼塘承包方案的表决',
    background: '村集体鱼塘承包期满，拟重新公开发包，请村民代表会议无记名表决承包方案。',
    body: 'representatives',
    kind: 'motion',
    secret: true,
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  topicId = created.body.topicId;
  await chair.post(`/topics/${topicId}/open`);
  await api.events.settle(); // the electorate is frozen off the request, by the queue's consumer
  const online = v1.representatives.slice(0, 7);
  for (const [i, p] of online.entries()) {
    const r = await (await api.as(p)).post(`/topics/${topicId}/ballots`, { choices: [i % 3 ? 'approve' : 'oppose'] });
    expect(r.status).toBe(200);
    receipts.push(r.body.receipt);
  }
  const paperVoter = v1.representatives[7];
  const marked = await chair.post(`/topics/${topicId}/register`, {
    personIds: [paperVoter.personId],
    channel: 'paper',
  });
  expect(marked.body).toEqual({ marked: 1, entered: 0 });
  const entered = await chair.post(`/topics/${topicId}/ballot-box`, { ballots: [{ choices: ['abstain'], count: 1 }] });
  expect(entered.body).toEqual({ marked: 1, entered: 1 });
  turnout = (await chair.get(`/topics/${topicId}/turnout`)).body;
  closed = (await chair.post(`/topics/${topicId}/close`, { reason: '全部代表已投票' })).body;
}, 120_000); // a seeded village and eight voters, on a machine others share
afterAll(() => api.stop());

const partition = () => rawTable().partition(`TN#${v1.villageId}#T#${topicId}`);
const paperVoter = () => v1.representatives[7];

describe('a secret vote with one paper ballot, in the raw table', () => {
  it('keeps on a ballot only its choices, under a key that follows neither voter nor time', async () => {
    const ballots = (await partition()).filter((i) => i.type === 'ballot');
    expect(ballots).toHaveLength(8);
    for (const b of ballots) {
      expect(Object.keys(b).sort()).toEqual(['choices', 'pk', 'sk', 'type']);
      expect(b.sk).toMatch(/^BALLOT#[A-Za-z0-9_-]{43}$/);
      expect(b.sk).not.toMatch(/^BALLOT#[0-9A-HJKMNP-TV-Z]{26}$/); // not a ULID, which starts with its time
    }
    expect(ballots.map((b) => b.choices[0]).sort()).toEqual([
      'abstain',
      'approve',
      'approve',
      'approve',
      'approve',
      'oppose',
      'oppose',
      'oppose',
    ]);
    // The app ballots, in the order they were cast, are not in key order (keys are hashes of the receipts).
    const inCastOrder = receipts.map((r) => `BALLOT#${createHash('sha256').update(r).digest('base64url')}`);
    expect(inCastOrder.every((k) => ballots.some((b) => b.sk === k))).toBe(true);
    expect([...inCastOrder].sort()).not.toEqual(inCastOrder);
  });

  it('keeps on a voter only who voted and by which channel: no choice, no time, no scrutineer', async () => {
    const voters = (await partition()).filter((i) => i.type === 'voter');
    const voted = voters.filter((v) => v.voted);
    expect(voted).toHaveLength(8);
    for (const v of voted) {
      expect(Object.keys(v).sort()).toEqual(
        ['castBy', 'channel', 'name', 'personIds', 'pk', 'sk', 'type', 'voted', 'voterKey'].sort(),
      );
      const text = JSON.stringify(v);
      expect(text).not.toMatch(ISO_TIME);
      for (const o of OPTIONS) expect(text).not.toContain(o);
      expect(text).not.toContain(v1.chair.personId);
    }
    const paper = voted.filter((v) => v.channel === 'paper');
    expect(paper.map((v) => v.voterKey)).toEqual([paperVoter().personId]);
  });

  it('keeps on the list of who took part a name and a channel only, in register order', async () => {
    const took = (await partition()).filter((i) => i.type === 'took-part');
    expect(took).toHaveLength(8);
    for (const v of took) {
      expect(Object.keys(v).sort()).toEqual(['channel', 'name', 'pk', 'sk', 'type']);
      const text = JSON.stringify(v);
      expect(text).not.toMatch(ISO_TIME);
      for (const o of OPTIONS) expect(text).not.toContain(o);
    }
    expect(took.map((v) => v.sk)).toEqual(
      v1.representatives
        .map((p) => `TOOK#${p.personId}`)
        .filter((sk) => took.some((v) => v.sk === sk))
        .sort(),
    );
  });

  it('keeps counters that say nothing about channels, and a register of counts only', async () => {
    const items = await partition();
    for (const shard of items.filter((i) => String(i.sk).startsWith('TALLY#')))
      for (const attr of Object.keys(shard)) expect(attr).toMatch(/^(pk|sk|participants|c_(approve|oppose|abstain))$/);
    const register = items.find((i) => i.sk === 'REGISTER');
    expect(Object.keys(register ?? {}).sort()).toEqual(['entered', 'marked', 'pk', 'sk', 'unentered']);
  });

  it('has no audit entry that names the voter beside a choice, or any choice at all', async () => {
    const entries = await scanAll({
      FilterExpression: '#type = :audit AND #target = :topic',
      ExpressionAttributeNames: { '#type': 'type', '#target': 'target' },
      ExpressionAttributeValues: { ':audit': 'audit', ':topic': `topic:${topicId}` },
    });
    const byScrutineer = entries.filter(
      (e) => e.action.startsWith('topic.register') || e.action === 'topic.ballot-box',
    );
    expect(byScrutineer.map((e) => e.reason).sort()).toEqual(['录入票箱 1 张', '登记领票 1 人']);
    for (const e of entries) {
      const text = JSON.stringify(e);
      expect(text).not.toContain(paperVoter().personId);
      expect(text).not.toContain(paperVoter().name);
      for (const o of OPTIONS) expect(text).not.toContain(o);
    }
  });

  it('returns tallies and turnout with no split by channel', async () => {
    expect(closed.result.participants).toBe(8);
    for (const t of closed.result.tallies) expect(Object.keys(t).sort()).toEqual(['optionId', 'votes']);
    expect(closed.result.tallies).toEqual([
      { optionId: 'approve', votes: 4 },
      { optionId: 'oppose', votes: 3 },
      { optionId: 'abstain', votes: 1 },
    ]);
    expect(Object.keys(turnout).sort()).toEqual(['electorate', 'needed', 'participants', 'unit', 'voters']);
    for (const v of turnout.voters) expect(Object.keys(v).sort()).toEqual(['channel', 'name']);
    const notice = (await chair.get(`/notices/${closed.resultNoticeId}`)).body;
    expect(notice.body).not.toMatch(/纸质|会场|手机/);
  });
});
