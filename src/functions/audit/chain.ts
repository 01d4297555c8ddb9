import { createHash } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ChainCheck } from '../../shared/schemas/audit';
import { getAll } from '../lib/batch';
import { dynamo, failedConditions, table } from '../lib/db';
import * as keys from '../lib/keys';
import { indexQuery, pages, prefixQuery } from '../lib/query';

/**
 * A tenant's audit entries as a hash chain (防篡改): each link's hash covers the
 * previous link's hash and its entry's canonical content (SHA-256), so an entry
 * edited, deleted or moved in the raw table no longer matches its link, and a
 * chain rewritten from there on no longer matches the head anchored each day
 * (audit/anchor.ts).
 *
 * Entries are written in their change's transaction, marked unchained; the
 * chainer links them in order soon after (on a schedule, and before any
 * verification). Each link is one transaction conditional on the chain head, so
 * chainers running at once never fork it: the loser re-reads the head and goes on.
 */
export const GENESIS = '0'.repeat(64);

interface Head {
  seq: number;
  hash: string;
}
export interface Link extends Head {
  prev: string;
  entry: { pk: string; sk: string };
}
type Stored = Record<string, unknown>;

/** What a link's hash covers: the entry's key and its fields, in a fixed order; never the chain's own marks. */
const NOT_CONTENT = new Set(['gsi2pk', 'gsi2sk']);
export function canonical(item: Stored): string {
  const fields = Object.keys(item)
    .filter((k) => !NOT_CONTENT.has(k))
    .sort();
  return JSON.stringify(fields.map((k) => [k, item[k]]));
}
export const linkHash = (prev: string, item: Stored) =>
  createHash('sha256')
    .update(`${prev}\n${canonical(item)}`)
    .digest('hex');

export async function chainHead(tenantId: string): Promise<Head> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.chainHead(tenantId), ConsistentRead: true }),
  );
  return Item ? { seq: Item.seq as number, hash: Item.hash as string } : { seq: 0, hash: GENESIS };
}

/** Entries linked in one transaction: each is a link and its entry's mark taken off, beside the head (≤ 100 items). */
const LINKS_PER_WRITE = 30;

/**
 * Links entries after the head, in order, in one transaction: their links, their
 * unchained marks taken off, and the head moved on, conditional on the head
 * being where it was read and each entry still unchained. False when another
 * chainer got there first.
 */
async function append(tenantId: string, head: Head, items: Stored[]) {
  let at = head;
  const writes = items.flatMap((item) => {
    const link: Link = { seq: at.seq + 1, hash: linkHash(at.hash, item), prev: at.hash, entry: entryKey(item) };
    at = link;
    return [
      {
        Put: {
          TableName: table(),
          Item: { ...keys.chainLink(tenantId, link.seq), type: 'chain-link', ...link },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: table(),
          Key: link.entry,
          UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(gsi2pk)',
        },
      },
    ];
  });
  const failed = await failedConditions([
    ...writes,
    {
      Put: {
        TableName: table(),
        Item: { ...keys.chainHead(tenantId), type: 'chain-head', seq: at.seq, hash: at.hash },
        ...(head.seq === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'seq = :seq', ExpressionAttributeValues: { ':seq': head.seq } }),
      },
    },
  ]);
  return failed.length === 0;
}
const entryKey = (item: Stored) => ({ pk: item.pk as string, sk: item.sk as string });

/**
 * Links every entry still unchained, oldest first. Safe to run anywhere and at
 * once: when another chainer got there first, the head and the waiting entries
 * are read again. Returns how many entries this run linked.
 */
export async function chainPending(tenantId: string): Promise<number> {
  let linked = 0;
  let after: Record<string, unknown> | undefined;
  for (;;) {
    const r = await dynamo.send(
      new QueryCommand(
        indexQuery(keys.unchainedPartition(tenantId), { Limit: LINKS_PER_WRITE, ExclusiveStartKey: after }),
      ),
    );
    const found = (r.Items ?? []) as Stored[];
    if (!found.length) return linked;
    // The index is eventually consistent and holds only keys: read the entries themselves, as they stand now.
    const entries = await entriesOf(found.map(entryKey));
    const waiting = found.flatMap((f) => {
      const item = entries.get(`${f.pk} ${f.sk}`);
      return item?.gsi2pk ? [item] : [];
    });
    if (!waiting.length) {
      // All linked meanwhile, the index not caught up yet: look past them.
      after = r.LastEvaluatedKey;
      if (!after) return linked;
      continue;
    }
    after = undefined;
    if (await append(tenantId, await chainHead(tenantId), waiting)) linked += waiting.length;
  }
}

/**
 * Walks the chain from its start and names the first link that doesn't hold:
 * a missing link, an entry missing or changed, links out of order, or a head or
 * anchor that the chain doesn't reach. Reads every link and entry once, in pages.
 */
export async function verifyChain(tenantId: string): Promise<ChainCheck> {
  await chainPending(tenantId);
  const head = await chainHead(tenantId);
  const anchors = await anchorsOf(tenantId);
  let prev = GENESIS;
  let expected = 1;
  for await (const page of pages(prefixQuery(keys.chainLinks(tenantId), { ConsistentRead: true }))) {
    const links = (page.Items ?? []) as (Link & Stored)[];
    const entries = await entriesOf(links.map((l) => l.entry));
    for (const link of links) {
      const broken = brokenLink(link, expected, prev, entries.get(`${link.entry.pk} ${link.entry.sk}`));
      if (broken) return { ok: false, length: head.seq, ...broken };
      const anchor = anchors.get(link.seq);
      if (anchor && anchor.hash !== link.hash)
        return { ok: false, length: head.seq, seq: link.seq, problem: 'anchor', at: anchor.day };
      prev = link.hash;
      expected++;
    }
  }
  const last = expected - 1;
  if (last !== head.seq || prev !== head.hash)
    return { ok: false, length: head.seq, seq: last + 1, problem: 'missing_link' };
  const beyond = [...anchors.keys()].find((seq) => seq > last);
  if (beyond) return { ok: false, length: head.seq, seq: beyond, problem: 'anchor', at: anchors.get(beyond)?.day };
  return { ok: true, length: head.seq, hash: head.hash };
}

function brokenLink(link: Link & Stored, expected: number, prev: string, entry: Stored | undefined) {
  // A link's place is its key; its seq and prev are what it says. Moved, they disagree; deleted, a place is skipped.
  if (Number(String(link.sk).slice('LINK#'.length)) !== link.seq)
    return { seq: expected, problem: 'out_of_order' as const };
  if (link.seq !== expected) return { seq: expected, problem: 'missing_link' as const };
  if (link.prev !== prev) return { seq: link.seq, problem: 'out_of_order' as const };
  if (!entry) return { seq: link.seq, problem: 'missing_entry' as const };
  if (linkHash(prev, entry) !== link.hash)
    return { seq: link.seq, problem: 'changed_entry' as const, at: entry.at as string };
  return undefined;
}

/** The entries at these keys as they stand now, by `pk sk`. */
async function entriesOf(refs: { pk: string; sk: string }[]) {
  const entries = await getAll<Stored>(refs, { ConsistentRead: true });
  return new Map(refs.flatMap((r, i) => (entries[i] ? [[`${r.pk} ${r.sk}`, entries[i]] as const] : [])));
}

/** The heads anchored so far, by the length of the chain they were taken at. */
async function anchorsOf(tenantId: string) {
  const anchors = new Map<number, { day: string; hash: string }>();
  for await (const page of pages(prefixQuery(keys.chainAnchors(tenantId), { ConsistentRead: true })))
    for (const a of page.Items ?? []) anchors.set(a.seq as number, { day: a.day as string, hash: a.hash as string });
  return anchors;
}
