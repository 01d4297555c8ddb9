import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditKind } from '../../shared/schemas/audit';
import type { AuditEntry } from '../lib/audit';
import { dynamo, table } from '../lib/db';
import * as keys from '../lib/keys';

export type StoredEntry = AuditEntry & { sk: string };

/** Entries read from the table for one page at most: a filter that matches little stops here and hands on a cursor. */
const READS_PER_PAGE = 500;
const READ_BATCH = 100;

/** The months (the audit log's partitions) from the last one back to the first, as YYYY-MM. */
function monthsBack(fromAt: string, toAt: string) {
  const months: string[] = [];
  let [y, m] = [Number(toAt.slice(0, 4)), Number(toAt.slice(5, 7))];
  const first = fromAt.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month < first) return months;
    months.push(month);
    if (--m === 0) [y, m] = [y - 1, 12];
  }
}

/**
 * One page of a village's audit entries between two instants, newest first,
 * filtered by who did it and what kind: a Query per monthly partition on its sort
 * key (`at#entryId`), never the whole table, the filters applied by DynamoDB as it reads.
 * The position is `month#sk` of the last entry handed out (`month#` to start a
 * month from its end); it reaches here only from a cursor this list sealed.
 */
export async function pageEntries(
  tenantId: string,
  range: { fromAt: string; toAt: string },
  filter: { actorId?: string; kind?: AuditKind },
  limit: number,
  after?: string,
): Promise<{ items: StoredEntry[]; nextCursor: string | null }> {
  const months = monthsBack(range.fromAt, range.toAt);
  let month = after ? after.slice(0, after.indexOf('#')) : months[0];
  let start = after ? after.slice(after.indexOf('#') + 1) : '';
  const items: StoredEntry[] = [];
  let read = 0;
  const conditions = [
    ...(filter.actorId ? ['actorId = :actor'] : []),
    ...(filter.kind ? ['begins_with(#action, :kind)'] : []),
  ];
  while (months.includes(month)) {
    const { pk } = keys.audit(tenantId, `${month}-01`, '');
    const r = await dynamo.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        ...(filter.kind ? { ExpressionAttributeNames: { '#action': 'action' } } : {}),
        ExpressionAttributeValues: {
          ':pk': pk,
          ':from': range.fromAt,
          ':to': `${range.toAt}~`,
          ...(filter.actorId ? { ':actor': filter.actorId } : {}),
          ...(filter.kind ? { ':kind': `${filter.kind}.` } : {}),
        },
        ScanIndexForward: false,
        Limit: READ_BATCH,
        ...(start ? { ExclusiveStartKey: { pk, sk: start } } : {}),
      }),
    );
    read += r.ScannedCount ?? 0;
    for (const item of (r.Items ?? []) as StoredEntry[]) {
      items.push(item);
      if (items.length === limit) {
        const more = r.LastEvaluatedKey || item !== r.Items?.at(-1) || month !== months.at(-1);
        return { items, nextCursor: more ? `${month}#${item.sk}` : null };
      }
    }
    const next = r.LastEvaluatedKey?.sk;
    if (typeof next === 'string') start = next;
    else {
      month = months[months.indexOf(month) + 1];
      start = '';
    }
    if (read >= READS_PER_PAGE) return { items, nextCursor: month ? `${month}#${start}` : null };
  }
  return { items, nextCursor: null };
}
