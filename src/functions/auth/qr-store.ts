import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, isConditionFailure, table, transact } from '../lib/db';
import * as keys from '../lib/keys';
import { prefixQuery, queryAll } from '../lib/query';

/**
 * A 扫码登录 ticket moves one way: waiting → scanned (by one account, for one
 * person) → confirmed → handed (the browser got its session). Each step is a
 * conditional write, so two phones, or two polls, can't both take it.
 */
export type TicketStatus = 'waiting' | 'scanned' | 'confirmed' | 'handed';
export interface TicketRecord {
  ticketId: string;
  /** SHA-256 of the browser's poll secret: a table export can't collect a session. */
  pollSecretHash: string;
  device: string;
  status: TicketStatus;
  createdAt: string;
  expiresAt: string;
  scannedBy?: { accountId: string; personId: string; tenantId: string };
  confirmedAt?: string;
  sessionId?: string;
}

/** A browser session opened by 扫码登录. Its token names it; a request whose record is gone is refused. */
export interface SessionRecord {
  sessionId: string;
  accountId: string;
  personId: string;
  tenantId: string;
  device: string;
  createdAt: string;
  expiresAt: string;
}

const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** Kept a day past expiry, so a late scan is told "expired" rather than "not found"; then DynamoDB's TTL removes it. */
const ticketTtl = (t: TicketRecord) => epoch(t.expiresAt) + 86_400;

export async function putTicket(t: TicketRecord) {
  await dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.qrTicket(t.ticketId), type: 'qr-ticket', ...t, ttl: ticketTtl(t) },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getTicket(ticketId: string): Promise<TicketRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.qrTicket(ticketId), ConsistentRead: true }),
  );
  return Item as TicketRecord | undefined;
}

/** Conditional update of a ticket; false when its condition no longer holds. */
async function step(
  ticketId: string,
  update: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>,
) {
  try {
    await dynamo.send(new UpdateCommand({ TableName: table(), Key: keys.qrTicket(ticketId), ...update }));
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The first account to scan a waiting ticket holds it; the same account may scan again (the page reopened). */
export const markScanned = (ticketId: string, by: NonNullable<TicketRecord['scannedBy']>, now: Date) =>
  step(ticketId, {
    UpdateExpression: 'SET #s = :scanned, scannedBy = :by',
    ConditionExpression:
      'attribute_exists(pk) AND expiresAt > :now AND (#s = :waiting OR (#s = :scanned AND scannedBy.accountId = :acc))',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':scanned': 'scanned',
      ':waiting': 'waiting',
      ':by': by,
      ':acc': by.accountId,
      ':now': now.toISOString(),
    },
  });

/** Only the account that scanned, speaking for the same person, may confirm. */
export const markConfirmed = (ticketId: string, accountId: string, personId: string, now: Date) =>
  step(ticketId, {
    UpdateExpression: 'SET #s = :confirmed, confirmedAt = :now',
    ConditionExpression:
      'attribute_exists(pk) AND expiresAt > :now AND #s = :scanned AND scannedBy.accountId = :acc AND scannedBy.personId = :pid',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':confirmed': 'confirmed',
      ':scanned': 'scanned',
      ':acc': accountId,
      ':pid': personId,
      ':now': now.toISOString(),
    },
  });

/** Hands a confirmed ticket over once: the ticket turns 'handed' and the session record appears, together. */
export const handOver = (t: TicketRecord, pollSecretHash: string, s: SessionRecord) =>
  transact([
    {
      Update: {
        TableName: table(),
        Key: keys.qrTicket(t.ticketId),
        UpdateExpression: 'SET #s = :handed, sessionId = :sid',
        ConditionExpression: '#s = :confirmed AND pollSecretHash = :hash',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':handed': 'handed',
          ':confirmed': 'confirmed',
          ':sid': s.sessionId,
          ':hash': pollSecretHash,
        },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.accountSession(s.accountId, s.sessionId), type: 'session', ...s, ttl: epoch(s.expiresAt) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);

export async function getSession(accountId: string, sessionId: string): Promise<SessionRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.accountSession(accountId, sessionId), ConsistentRead: true }),
  );
  return Item as SessionRecord | undefined;
}

export const listSessions = (accountId: string) =>
  queryAll<SessionRecord>(prefixQuery(keys.accountSessionPrefix(accountId), { ConsistentRead: true }));

/** Ends a session at once: its next request finds no record. False if there was none. */
export async function deleteSession(accountId: string, sessionId: string) {
  try {
    await dynamo.send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.accountSession(accountId, sessionId),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
