import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Inquiry } from '../../shared/schemas/inquiry';
import { dynamo, type TransactItem, table } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';

/** An inquiry as stored: whether it is overdue is worked out when it is read, against the clock. */
export type InquiryRecord = Omit<Inquiry, 'overdue'> & { version: number };

const clockPk = keys.inquiryClockPartition().pk;
const clockSk = (q: Pick<InquiryRecord, 'dueBy' | 'villageId' | 'inquiryId'>) =>
  keys.inquiryClock(q.dueBy, q.villageId, q.inquiryId).sk;

/** The new inquiry and its deadline entry, in the asker's transaction. */
export const inquiryPuts = (q: InquiryRecord): TransactItem[] => [
  {
    Put: {
      TableName: table(),
      Item: { ...keys.inquiry(q.villageId, q.inquiryId), type: 'inquiry', ...q },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  {
    Put: {
      TableName: table(),
      Item: { pk: clockPk, sk: clockSk(q), type: 'inquiry-clock', villageId: q.villageId, inquiryId: q.inquiryId },
    },
  },
];

/** The next state of an inquiry, guarded by the version it was read with; an answer also takes it off the deadline list. */
export const inquiryUpdate = (next: InquiryRecord, readVersion: number, dropClock: boolean): TransactItem[] => [
  {
    Put: {
      TableName: table(),
      Item: { ...keys.inquiry(next.villageId, next.inquiryId), type: 'inquiry', ...next, version: readVersion + 1 },
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': readVersion },
    },
  },
  ...(dropClock ? [{ Delete: { TableName: table(), Key: { pk: clockPk, sk: clockSk(next) } } }] : []),
];

export async function getInquiry(villageId: string, inquiryId: string) {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.inquiry(villageId, inquiryId), ConsistentRead: true }),
  );
  return Item ? (withoutKeys(Item) as InquiryRecord) : undefined;
}

/** A village's inquiries, newest first (ids are time-ordered). */
export const listInquiries = async (villageId: string) =>
  (await queryAll<InquiryRecord>(prefixQuery(keys.inquiryPrefix(villageId), { ScanIndexForward: false }))).map((i) =>
    withoutKeys(i),
  );

export const DUE_PAGE = 25;
/** Inquiries whose answer period has run out, across villages, earliest first. */
export async function dueInquiries(now: Date, limit = DUE_PAGE) {
  const r = await dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk <= :now',
      ExpressionAttributeValues: { ':pk': clockPk, ':now': now.toISOString() },
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map((i) => ({
    sk: String(i.sk),
    villageId: String(i.villageId),
    inquiryId: String(i.inquiryId),
  }));
}

/** A deadline entry whose inquiry was answered, escalated or is gone. */
export const dropClock = (sk: string) =>
  dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk: clockPk, sk } }));
