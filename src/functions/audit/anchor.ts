import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localDay } from '../../shared/rules/local-day';
import type { ChainAnchor } from '../../shared/schemas/audit';
import { dynamo, table, transact } from '../lib/db';
import * as keys from '../lib/keys';
import { putAnchorObject } from '../lib/photos';
import { prefixQuery } from '../lib/query';
import { everyVillage } from '../villages/store';
import { chainHead, chainPending } from './chain';

/**
 * Once a day each village's chain head is anchored where it can't be rewritten
 * quietly: an item beside the chain (which verification compares), the object
 * store (object lock in production), and the village itself, which sees it on
 * 村务公开 and in every printed notice's footer. A chain rewritten after a day
 * no longer reaches that day's anchor.
 */
export async function anchorVillage(villageId: string, utcOffsetMinutes: number, now: Date) {
  await chainPending(villageId);
  const head = await chainHead(villageId);
  const anchor: ChainAnchor = { day: localDay(now, utcOffsetMinutes), seq: head.seq, hash: head.hash };
  await putAnchorObject(`anchors/${villageId}/${anchor.day}`, JSON.stringify({ villageId, ...anchor }));
  // Once a day: the first anchor of the day stands (a second run writes nothing).
  await transact([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.chainAnchor(villageId, anchor.day), type: 'chain-anchor', ...anchor, at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
  return anchor;
}

export async function anchorAll(now: Date) {
  let anchored = 0;
  for await (const { villageId, settings } of everyVillage()) {
    await anchorVillage(villageId, settings.utcOffsetMinutes, now);
    anchored++;
  }
  return anchored;
}

export async function latestAnchorOf(villageId: string): Promise<ChainAnchor | null> {
  const r = await dynamo.send(
    new QueryCommand(prefixQuery(keys.chainAnchors(villageId), { ScanIndexForward: false, Limit: 1 })),
  );
  const a = r.Items?.[0];
  return a ? { day: a.day as string, seq: a.seq as number, hash: a.hash as string } : null;
}
