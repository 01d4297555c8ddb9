import { createHash, randomBytes } from 'node:crypto';
import type { SeededPerson, SeededVillage } from '../../scripts/local/seed';
import { dynamo } from '../../src/functions/lib/db';
import { fingerprint } from '../../src/functions/lib/sensitive';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * A phone on a village line retries. The same request with the same
 * Idempotency-Key gets the first answer, also when both arrive at once and right
 * after the first timed out on the client; the same key with another request is
 * refused, naming the key. Under concurrency, for votes, cases, comments and 附议.
 */
let api: TestApi;
let v1: SeededVillage;
let chair: ApiClient;

const key = () => `retry-${randomBytes(8).toString('hex')}`;
const withKey = (k: string) => ({ 'idempotency-key': k });
const as = (p: SeededPerson) => api.as(p);
/** The same request sent twice at once, as a double tap or a retry racing the original. */
const twiceAtOnce = async (send: () => Promise<{ status: number; body: any }>) => Promise.all([send(), send()]);

async function openVote(body = 'villagers_meeting') {
  const created = await chair.post('/topics', {
    title: '重试测试：是否硬化村东道路',
    background: '村东道路雨天泥泞，提议用村集体资金硬化。',
    body,
    kind: 'motion',
    secret: true,
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await chair.post(`/topics/${created.body.topicId}/open`);
  await api.events.settle(); // the electorate is frozen off the request, by the queue's consumer
  return created.body.topicId as string;
}
const ballotsOf = async (topicId: string) =>
  (await rawTable().partition(`TN#${v1.villageId}#T#${topicId}`)).filter((i) => i.type === 'ballot');

beforeAll(async () => {
  api = await startTestApi('retries');
  v1 = api.township.villages[0];
  chair = await as(v1.chair);
});
afterAll(() => api.stop());

describe('votes', () => {
  it('answers a ballot sent twice at once with one receipt, and counts it once, for many voters at once', async () => {
    const topicId = await openVote();
    const voters = v1.residents.slice(0, 20);
    const pairs = await Promise.all(
      voters.map(async (p) => {
        const client = await as(p);
        const k = key();
        return twiceAtOnce(() => client.post(`/topics/${topicId}/ballots`, { choices: ['approve'] }, withKey(k)));
      }),
    );
    for (const [a, b] of pairs) {
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(b.body.receipt).toBe(a.body.receipt);
    }
    expect(await ballotsOf(topicId)).toHaveLength(voters.length);
  });

  it('answers a retry sent while the first is still in flight (the phone gave up waiting) with the first receipt', async () => {
    const topicId = await openVote();
    const client = await as(v1.residents[21]);
    const k = key();
    const send = () => client.post(`/topics/${topicId}/ballots`, { choices: ['oppose'] }, withKey(k));
    // The first request's answer is lost on the way (the phone gave up); the phone sends it again later.
    const first = send();
    const retry = await send();
    expect(retry.status).toBe(200);
    expect((await first).body.receipt).toBe(retry.body.receipt);
    const receipt = await client.get(`/topics/${topicId}/receipts/${retry.body.receipt}`);
    expect(receipt.status).toBe(200);
    expect(await ballotsOf(topicId)).toHaveLength(1);
  });

  it('refuses the same key with another choice, naming the key, and counts only the first', async () => {
    const topicId = await openVote();
    const client = await as(v1.residents[22]);
    const k = key();
    const first = await client.post(`/topics/${topicId}/ballots`, { choices: ['approve'] }, withKey(k));
    expect(first.status).toBe(200);
    const other = await client.post(`/topics/${topicId}/ballots`, { choices: ['oppose'] }, withKey(k));
    expect(other.status).toBe(422);
    expect(other.body.error.fields[0].path).toBe('idempotency-key');
    expect(other.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const ballots = await ballotsOf(topicId);
    expect(ballots.map((b) => b.choices)).toEqual([['approve']]);
  });

  it('refuses the same key for a ballot on another topic, and counts nothing there', async () => {
    const [first, second] = [await openVote(), await openVote()];
    const client = await as(v1.residents[29]);
    const k = key();
    expect((await client.post(`/topics/${first}/ballots`, { choices: ['approve'] }, withKey(k))).status).toBe(200);
    const other = await client.post(`/topics/${second}/ballots`, { choices: ['approve'] }, withKey(k));
    expect(other.status).toBe(422);
    expect(other.body.error.fields[0].path).toBe('idempotency-key');
    expect(await ballotsOf(second)).toHaveLength(0);
    // With a key of its own, the same voter's ballot on the second topic counts.
    expect((await client.post(`/topics/${second}/ballots`, { choices: ['approve'] }, withKey(key()))).status).toBe(200);
    expect(await ballotsOf(second)).toHaveLength(1);
  });

  it('sends a vote DynamoDB cancelled for a transaction under way on its items again, and counts it once', async () => {
    const topicId = await openVote();
    const client = await as(v1.residents[30]);
    // DynamoDB (not DynamoDB Local, which runs transactions one at a time) cancels a transaction that meets another
    // on one of its items, a tally shard say; the first send of this vote is cancelled as it would be.
    let cancelled = 0;
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (cancelled || !context.commandName?.startsWith('TransactWrite')) return next(args);
        cancelled++;
        throw Object.assign(new Error('Transaction cancelled [None, TransactionConflict]'), {
          name: 'TransactionCanceledException',
          CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        });
      },
      { step: 'initialize', name: 'cancelOnce' },
    );
    try {
      const cast = await client.post(`/topics/${topicId}/ballots`, { choices: ['approve'] }, withKey(key()));
      expect(cast.status).toBe(200);
    } finally {
      dynamo.middlewareStack.remove('cancelOnce');
    }
    expect(cancelled).toBe(1);
    expect(await ballotsOf(topicId)).toHaveLength(1);
  });

  it('keeps nothing of a ballot in what it remembers for retries: no receipt, no guessable request', async () => {
    const topicId = await openVote();
    const client = await as(v1.residents[28]);
    const k = key();
    const first = await client.post(`/topics/${topicId}/ballots`, { choices: ['abstain'] }, withKey(k));
    expect(first.status).toBe(200);
    const remembered = await rawTable().partition(`TN#${v1.villageId}#RETRY`);
    expect(remembered.length).toBeGreaterThan(0);
    const text = JSON.stringify(remembered);
    expect(text).not.toContain(first.body.receipt);
    expect(text).not.toContain('abstain');
    // A table reader can't confirm a guess of the choice against the stored request hash either, nor can a holder
    // of the server's keys: the fingerprint is keyed by the Idempotency-Key too, which only the phone has.
    for (const choice of ['approve', 'oppose', 'abstain']) {
      for (const guess of [
        JSON.stringify({ params: { topicId }, body: { choices: [choice] } }),
        JSON.stringify({ topicId, choices: [choice] }),
      ]) {
        expect(text).not.toContain(createHash('sha256').update(guess).digest('hex'));
        expect(text).not.toContain(createHash('sha256').update(guess).digest('base64'));
        expect(text).not.toContain(fingerprint('retry', guess));
      }
    }
    // With the key, the request is what was remembered.
    expect(text).toContain(fingerprint('retry', `${k}|${JSON.stringify({ topicId, choices: ['abstain'] })}`));
    // Yet the retry still gets its receipt.
    const retry = await client.post(`/topics/${topicId}/ballots`, { choices: ['abstain'] }, withKey(k));
    expect(retry.body.receipt).toBe(first.body.receipt);
  });

  it('still tells a second vote with a new key that the voter has voted', async () => {
    const topicId = await openVote();
    const client = await as(v1.residents[23]);
    expect((await client.post(`/topics/${topicId}/ballots`, { choices: ['approve'] }, withKey(key()))).status).toBe(
      200,
    );
    const again = await client.post(`/topics/${topicId}/ballots`, { choices: ['approve'] }, withKey(key()));
    expect(again.status).toBe(409);
  });
});

describe('cases, comments and 附议', () => {
  it('creates one case for a submission sent twice at once', async () => {
    const client = await as(v1.residents[24]);
    const text = `重试测试：村口垃圾桶满了没人清运，请安排清运（${key()}）。`;
    const k = key();
    const [a, b] = await twiceAtOnce(() =>
      client.post('/cases', { kind: 'suggestion', categoryId: 'roads', text }, withKey(k)),
    );
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.caseId).toBe(a.body.caseId);
    const stored = (await rawTable().partition(`TN#${v1.villageId}#CASES`)).filter((i) => i.text === text);
    expect(stored).toHaveLength(1);
    const other = await client.post(
      '/cases',
      { kind: 'suggestion', categoryId: 'roads', text: `${text}另外` },
      withKey(k),
    );
    expect(other.status).toBe(422);
  });

  it('posts one comment for a comment sent twice at once', async () => {
    const topicId = await openVote();
    const client = await as(v1.residents[25]);
    const text = `重试测试意见：同意硬化，但请公开预算（${key()}）`;
    const k = key();
    const [a, b] = await twiceAtOnce(() => client.post(`/topics/${topicId}/comments`, { text }, withKey(k)));
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.commentId).toBe(a.body.commentId);
    const listed = (await client.get(`/topics/${topicId}/comments`)).body.items.filter(
      (c: { text: string }) => c.text === text,
    );
    expect(listed).toHaveLength(1);
  });

  it('counts a 附议 sent twice at once once, and answers both', async () => {
    const author = await as(v1.residents[26]);
    const c = await author.post('/cases', {
      kind: 'suggestion',
      categoryId: 'roads',
      text: `重试测试：建议在小学门口画斑马线（${key()}）。`,
    });
    const client = await as(v1.residents[27]);
    const [a, b] = await twiceAtOnce(() => client.post(`/cases/${c.body.caseId}/second`));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.seconds, b.body.seconds].sort()).toEqual([1, 1]);
    expect((await client.get(`/cases/${c.body.caseId}`)).body.seconds).toBe(1);
  });
});
