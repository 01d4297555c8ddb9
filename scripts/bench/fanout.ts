import { performance } from 'node:perf_hooks';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { type LocalQueue, pointAtLocalQueue } from '../local/queue';
import { arg, chairApi, importCrowd, pool } from './crowd';
import { startBenchStack } from './stack';

/**
 * Benchmark (not a test): opening a vote for 5,000 voters freezes its electorate
 * and tells each of them, but the committee's request only marks the topic and
 * writes a job beside it for the queue, as for 10 voters. The API runs in its own process; the queue's stand-in and its
 * consumer (the same code as the deployed SQS consumer) run here, and every
 * write the consumer makes is counted. Prints the open request's latency for
 * 5,000 voters beside one for a small electorate, the time until every inbox
 * holds the item, writes per recipient, and duplicates after a redelivery.
 *   npm run bench:fanout -- [--voters 5000]
 */
const VOTERS = arg('voters', 5000);

async function main() {
  let queue: LocalQueue | undefined;
  const { township, gateway, stop } = await startBenchStack({
    withNotices: false,
    beforeGateway: async () => {
      queue = await pointAtLocalQueue();
    },
  });
  const events = queue as LocalQueue;
  const { dynamo, table } = await import('../../src/functions/lib/db');
  const keys = await import('../../src/functions/lib/keys');
  // Every item the consumer writes, by command: the figure is writes per recipient.
  let writes = 0;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { RequestItems?: Record<string, unknown[]>; TransactItems?: unknown[] };
      const name = String(context.commandName);
      if (/BatchWrite/.test(name)) writes += Object.values(input.RequestItems ?? {}).reduce((n, r) => n + r.length, 0);
      else if (/TransactWrite/.test(name)) writes += input.TransactItems?.length ?? 0;
      else if (/^(Put|Update|Delete)(Item)?Command$/.test(name)) writes += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
  try {
    const village = township.villages[0];
    const api = await chairApi(gateway, village.chair);
    const crowd = await importCrowd(gateway, api, village.villageId, {
      people: VOTERS,
      name: '村民',
      household: 'F',
      region: '3301',
    });
    const open = async (title: string, body: string) => {
      const created = await api('POST', '/topics', {
        title,
        background: '基准测试：开始表决，通知名单上的每一个人。',
        body,
        kind: 'motion',
        secret: false,
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      writes = 0;
      const t0 = performance.now();
      const opened = await api('POST', `/topics/${created.body.topicId}/open`);
      const ms = performance.now() - t0;
      if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
      await events.settle(600_000); // the consumer froze the electorate, opened the vote, and told every voter
      const frozen = await api('GET', `/topics/${created.body.topicId}`);
      if (frozen.body.status !== 'open') throw new Error(`not opened: ${JSON.stringify(frozen.body)}`);
      return { topicId: opened.body.topicId as string, electorate: frozen.body.electorate as number, ms, t0 };
    };
    // Warm the gateway's handlers first, so neither figure pays for a cold start.
    await open('基准测试：预热', 'representatives');
    const small = await open('基准测试：村民代表表决', 'representatives');
    const big = await open('基准测试：全村表决', 'villagers_meeting');
    const settledMs = performance.now() - big.t0;
    const consumerWrites = writes;

    // Every member of the big electorate: their one item, looked up by key.
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const voterItems = await dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': keys.topicVoterPrefix(village.villageId, big.topicId).pk, ':v': 'VOTER#' },
      }),
    );
    const recipients: string[] = [];
    for (
      let start: Record<string, unknown> | undefined = voterItems.LastEvaluatedKey, items = voterItems.Items ?? [];
      ;
    ) {
      for (const v of items) recipients.push(...(v.personIds as string[]));
      if (!start) break;
      const r = await dynamo.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: {
            ':pk': keys.topicVoterPrefix(village.villageId, big.topicId).pk,
            ':v': 'VOTER#',
          },
          ExclusiveStartKey: start,
        }),
      );
      items = r.Items ?? [];
      start = r.LastEvaluatedKey;
    }
    const eventOf = async () => {
      const inbox = keys.inboxOwner({ tenantId: village.villageId, personId: recipients[0] });
      const r = await dynamo.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
          ExpressionAttributeValues: { ':pk': inbox, ':m': 'MSG#' },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      return String(r.Items?.[0]?.itemId);
    };
    const eventId = await eventOf();
    const holding = async () => {
      let n = 0;
      const groups: string[][] = [];
      for (let i = 0; i < recipients.length; i += 100) groups.push(recipients.slice(i, i + 100));
      await pool(groups, 8, async (group) => {
        const r = await dynamo.send(
          new BatchGetCommand({
            RequestItems: {
              [table()]: {
                Keys: group.map((personId) =>
                  keys.inboxItem(keys.inboxOwner({ tenantId: village.villageId, personId }), eventId),
                ),
              },
            },
          }),
        );
        n += r.Responses?.[table()]?.length ?? 0;
      });
      return n;
    };
    const held = await holding();
    writes = 0;
    await events.redeliver(JSON.stringify({ villageId: village.villageId, eventId }));
    const redeliveryWrites = writes;
    const heldAfter = await holding();

    console.log(`
bench:fanout — opening a vote and telling its electorate (local stack: API in its own process, SQS stand-in + consumer here)
  electorate imported:                 ${crowd.length} villagers (+ the demo village's own)
  open request, ${String(small.electorate).padStart(5)} voters:         ${small.ms.toFixed(0)} ms
  open request, ${String(big.electorate).padStart(5)} voters:         ${big.ms.toFixed(0)} ms
  until every inbox holds the item:    ${(settledMs / 1000).toFixed(1)} s after the open request began (electorate frozen first)
  inboxes holding it:                  ${held} of ${recipients.length}
  writes by the consumer per recipient: ${(consumerWrites / recipients.length).toFixed(2)} (${consumerWrites} writes: a voter item and an inbox item each)
  the same event delivered again:      ${redeliveryWrites} writes, ${heldAfter - held} more items
  duplicates:                          ${heldAfter - recipients.length + (held - heldAfter)}
  dead letters:                        ${events.deadLetters.length}`);
  } finally {
    stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
