import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../../scripts/local/dynamodb';
import type { SeededVillage } from '../../scripts/local/seed';
import { anchorVillage } from '../../src/functions/audit/anchor';
import { chainPending, linkHash } from '../../src/functions/audit/chain';
import { headPhoto } from '../../src/functions/lib/photos';
import { type ApiClient, rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * The audit record as a hash chain (issue 14 §1), read as someone with the table
 * would tamper with it: an entry edited, deleted, links deleted or swapped, and
 * the whole chain rewritten from one entry on; each is found by the verification
 * the supervision committee runs, and named by its link. A burst of audited
 * actions, linked by several chainers at once, never forks the chain.
 */
let api: TestApi;
let v1: SeededVillage;
let supervisor: ApiClient;
let chair: ApiClient;

const doc = () => DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!));
const TableName = () => process.env.TABLE_NAME!;
const chainPk = () => `TN#${v1.villageId}#CHAIN`;
const linkSk = (seq: number) => `LINK#${String(seq).padStart(12, '0')}`;
const link = async (seq: number) => (await rawTable().item(chainPk(), linkSk(seq))) as Record<string, any>;
const entryOf = async (seq: number) => {
  const l = await link(seq);
  return (await rawTable().item(l.entry.pk, l.entry.sk)) as Record<string, any>;
};
const put = (Item: Record<string, unknown>) => doc().send(new PutCommand({ TableName: TableName(), Item }));
const verify = async () => {
  const r = await supervisor.get('/audit/chain');
  expect(r.status).toBe(200);
  return r.body;
};
/** Audited actions: a committee member reads a person's full ID number, which is recorded each time. */
const auditedReads = async (n: number, atOnce: number) => {
  const people = v1.residents.slice(0, n);
  for (let i = 0; i < n; i += atOnce)
    await Promise.all(
      Array.from({ length: Math.min(atOnce, n - i) }, (_, j) =>
        chair.get(`/people/${people[(i + j) % people.length].personId}/sensitive`).then((r) => {
          if (r.status !== 200) throw new Error(JSON.stringify(r.body));
        }),
      ),
    );
};

beforeAll(async () => {
  api = await startTestApi('auditchain');
  v1 = api.township.villages[0];
  supervisor = await api.as(v1.supervisor);
  chair = await api.as(v1.chair);
});
afterAll(() => api.stop());

describe('the chain', () => {
  it('links every audited action, verifies, and lets only the 监委会 and the township check it', async () => {
    await auditedReads(5, 5);
    const check = await verify();
    expect(check.ok).toBe(true);
    expect(check.length).toBeGreaterThanOrEqual(5);
    expect(check.hash).toMatch(/^[0-9a-f]{64}$/);
    const staff = await api.as(api.township.staff);
    expect((await staff.get(`/audit/chain?villageId=${v1.villageId}`)).body.ok).toBe(true);
    expect((await chair.get('/audit/chain')).status).toBe(403);
    expect((await (await api.as(v1.residents[0])).get('/audit/chain')).status).toBe(403);
    // Another village's supervisor can't reach this one.
    const other = await api.as(api.township.villages[1].supervisor);
    expect((await other.get(`/audit/chain?villageId=${v1.villageId}`)).status).toBe(404);
  });

  it('does not fork under a burst of 300 audited actions, 32 at once, linked by four chainers at once', async () => {
    const before = (await verify()).length;
    await auditedReads(300, 32);
    const linked = await Promise.all([1, 2, 3, 4].map(() => chainPending(v1.villageId)));
    const check = await verify();
    expect(check).toMatchObject({ ok: true, length: before + 300 });
    expect(linked.reduce((a, b) => a + b, 0)).toBe(300); // each entry linked once, by exactly one chainer
  });
});

describe('tampering with the raw table', () => {
  let length: number;
  beforeAll(async () => {
    length = (await verify()).length;
    expect(length).toBeGreaterThan(10);
  });
  /** Tampers, checks what verification says, and puts the raw items back as they were. */
  const tampered = async (keysOf: { pk: string; sk: string }[], tamper: () => Promise<unknown>) => {
    const saved = await Promise.all(keysOf.map((k) => rawTable().item(k.pk, k.sk)));
    await tamper();
    try {
      return await verify();
    } finally {
      for (const [i, k] of keysOf.entries()) {
        const item = saved[i];
        if (item) await put(item);
        else await doc().send(new DeleteCommand({ TableName: TableName(), Key: k }));
      }
      expect((await verify()).ok).toBe(true);
    }
  };

  it('names an entry whose reason was edited', async () => {
    const l = await link(7);
    const check = await tampered([l.entry], () =>
      doc().send(
        new UpdateCommand({
          TableName: TableName(),
          Key: l.entry,
          UpdateExpression: 'SET actorId = :someone',
          ExpressionAttributeValues: { ':someone': v1.residents[9].personId },
        }),
      ),
    );
    expect(check).toMatchObject({ ok: false, seq: 7, problem: 'changed_entry' });
  });

  it('names an entry deleted', async () => {
    const l = await link(4);
    const check = await tampered([l.entry], () =>
      doc().send(new DeleteCommand({ TableName: TableName(), Key: l.entry })),
    );
    expect(check).toMatchObject({ ok: false, seq: 4, problem: 'missing_entry' });
  });

  it('names a link deleted, and two links swapped', async () => {
    const gone = await tampered([{ pk: chainPk(), sk: linkSk(5) }], () =>
      doc().send(new DeleteCommand({ TableName: TableName(), Key: { pk: chainPk(), sk: linkSk(5) } })),
    );
    expect(gone).toMatchObject({ ok: false, seq: 5, problem: 'missing_link' });

    const [a, b] = [await link(8), await link(9)];
    const swapped = await tampered(
      [
        { pk: chainPk(), sk: linkSk(8) },
        { pk: chainPk(), sk: linkSk(9) },
      ],
      async () => {
        await put({ ...b, sk: linkSk(8) });
        await put({ ...a, sk: linkSk(9) });
      },
    );
    expect(swapped).toMatchObject({ ok: false, seq: 8, problem: 'out_of_order' });
  });

  it('finds a chain rewritten from an edited entry on, by the head anchored that day', async () => {
    const anchor = await anchorVillage(v1.villageId, 480, new Date());
    expect(anchor.seq).toBe(length);
    expect(await headPhoto(`anchors/${v1.villageId}/${anchor.day}`)).toMatchObject({ contentType: 'application/json' });
    // Everyone in the village sees the anchored head (村务公开).
    const posted = await (await api.as(v1.residents[0])).get('/audit/anchor');
    expect(posted.body.anchor).toEqual(anchor);

    // A forger edits an entry and recomputes every link after it, and the head: the chain holds together again...
    const from = length - 10;
    const keysOf = [{ pk: chainPk(), sk: 'HEAD' }];
    for (let seq = from; seq <= length; seq++) keysOf.push({ pk: chainPk(), sk: linkSk(seq) });
    const entry = await entryOf(from);
    keysOf.push({ pk: entry.pk, sk: entry.sk });
    const check = await tampered(keysOf, async () => {
      const edited = { ...entry, reason: '改过的记录' };
      await put(edited);
      let prev = (await link(from)).prev as string;
      for (let seq = from; seq <= length; seq++) {
        const l = await link(seq);
        const hash = linkHash(prev, seq === from ? edited : await entryOf(seq));
        await put({ ...l, prev, hash });
        prev = hash;
      }
      await put({ pk: chainPk(), sk: 'HEAD', type: 'chain-head', seq: length, hash: prev });
    });
    // ...but not with the head the village was shown that day.
    expect(check).toMatchObject({ ok: false, seq: length, problem: 'anchor', at: anchor.day });
  });
});
