import { QueryCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { deleteAll, putAll } from '../../src/functions/lib/batch';
import { dynamo, table } from '../../src/functions/lib/db';
import * as keys from '../../src/functions/lib/keys';
import { titleWordItems } from '../../src/functions/notices/store';
import { type PersonRecord, personSearchItems } from '../../src/functions/people/store';
import type { HeldPush } from '../../src/functions/subscriptions/store';
import type { Notice } from '../../src/shared/schemas/notice';

/**
 * Once, when this version first meets a table written before it: writes the search
 * entries of every person and every public notice (docs/data-model.md, "Search
 * entries"), and moves the pushes held in the old single `PUSH#held` partition to
 * their shards. Whole items keyed by what they index, so it can simply be run
 * again. A Scan is right here: this is a maintenance job, not a request.
 *   STAGE=<stage> AWS_REGION=<region> npx tsx scripts/ops/index-search-words.ts
 * Locally: TABLE_NAME and DYNAMODB_ENDPOINT.
 */
export async function indexSearchWords(now = new Date()) {
  const done = { people: 0, notices: 0, entries: 0, heldMoved: 0 };
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: table(), ExclusiveStartKey: start }));
    const entries: Record<string, unknown>[] = [];
    for (const item of page.Items ?? []) {
      if (item.type === 'person' && String(item.sk).startsWith('PERSON#')) {
        const words = personSearchItems(item as PersonRecord, now);
        if (words.length) done.people++;
        entries.push(...words);
      } else if (item.type === 'notice' && item.sk === 'HEAD') {
        const words = titleWordItems(item as Notice);
        if (words.length) done.notices++;
        entries.push(...words);
      }
    }
    done.entries += entries.length;
    await putAll(entries);
    start = page.LastEvaluatedKey;
  } while (start);

  let from: Record<string, unknown> | undefined;
  do {
    const r = await dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'PUSH#held' },
        ExclusiveStartKey: from,
      }),
    );
    const held = (r.Items ?? []) as (HeldPush & { pk: string; sk: string })[];
    await putAll(held.map(({ pk, sk, ...h }) => ({ ...h, ...keys.heldPush(h.releaseAt, h.ownerPk, h.itemId) })));
    await deleteAll(held.map(({ pk, sk }) => ({ pk, sk })));
    done.heldMoved += held.length;
    from = r.LastEvaluatedKey;
  } while (from);
  return done;
}

if (require.main === module) {
  indexSearchWords().then(
    (done) => {
      console.log(
        `search entries: ${done.entries} for ${done.people} people and ${done.notices} public notices; held pushes moved to their shards: ${done.heldMoved}`,
      );
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
