import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { Actor } from './actor';
import { dynamo, dynamoClient, type TransactItem, table } from './db';
import { AppError } from './errors';
import * as keys from './keys';
import { fingerprint } from './sensitive';

/**
 * A create with an Idempotency-Key writes this marker in the same transaction;
 * a retry with the same key finds it and returns the first result instead.
 */
export interface IdempotencyScope {
  tenantId: string;
  personId: string;
  key: string;
}

export const idempotencyPut = (s: IdempotencyScope, resultId: string, at: string) => ({
  Put: {
    TableName: table(),
    Item: { ...keys.idempotency(s.tenantId, s.personId, s.key), type: 'idempotency', resultId, at },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** A create by this person in this tenant, when the client sent an Idempotency-Key; none without one. */
export const idempotencyScope = (tenantId: string, personId: string, key: string | undefined) =>
  key ? { tenantId, personId, key } : undefined;

/** What an earlier create with the same key made, if any: its id. */
export async function findIdempotentResult(s: IdempotencyScope | undefined): Promise<string | undefined> {
  if (!s) return undefined;
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.idempotency(s.tenantId, s.personId, s.key), ConsistentRead: true }),
  );
  return Item?.resultId as string | undefined;
}

/** The request a retry must repeat exactly: its route, caller and key name the record, its content must match. */
export interface RetryScope {
  actor: Actor;
  route: string;
  key: string;
}

/** A request remembered by a mark its own transaction writes, not by once(): what, who, with which key, asking what. */
export interface RetryMark {
  tenantId: string;
  personId: string;
  /** The kind of request (one mark per caller, kind and key, whatever it asks). */
  what: string;
  key: string;
  request: unknown;
}

/** How long a phone may retry and get the first answer: a village line can drop for hours. */
const REMEMBER_SECONDS = 24 * 3600;
/** A retry that arrives while the first is still running waits this long for its answer, then hears "正在处理". */
const WAIT_MS = 200;
const WAITS = 15;
/** Lambda gives the remaining time; the local gateway doesn't, so a crashed request frees its key after this. */
const LOCAL_TIMEOUT_MS = 30_000;

export const inProgress = () =>
  new AppError('in_progress', 409, '上一次提交还在处理中，请稍候片刻，应用会自动重试', [
    { path: 'idempotency-key', message: '这次提交正在处理中' },
  ]);
export const keyReused = () =>
  new AppError('key_reused', 422, '同一个防重复提交标记已用于内容不同的另一次提交，请重新提交', [
    { path: 'idempotency-key', message: '防重复提交标记已用于另一份内容' },
  ]);

/** Caller, kind and key as one hash: the key is never stored, so nothing stored leads from a mark to the caller. */
const retryMarkKey = (m: RetryMark) => ({
  pk: keys.retryPartition(m.tenantId),
  sk: `MARK#${createHash('sha256').update(`${m.what}|${m.personId}|${m.key}`).digest('base64url')}`,
});
/**
 * Only a keyed fingerprint of the request, keyed also by the Idempotency-Key (never
 * stored): neither a table reader nor a holder of the server's keys can test a guess
 * (a ballot's choice) against it; a retry, which carries the key, can.
 */
const requestPrint = (key: string, request: unknown) => fingerprint('retry', `${key}|${JSON.stringify(request)}`);

/**
 * The mark a request that answers its own retries writes in its transaction (a
 * ballot: its answer must not be kept, and the vote's one transaction then does
 * what once()'s two extra writes would). Its condition fails when the key was used.
 */
export const retryMarkPut = (m: RetryMark, now: Date): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...retryMarkKey(m),
      type: 'retry-mark',
      request: requestPrint(m.key, m.request),
      ttl: Math.floor(now.getTime() / 1000) + REMEMBER_SECONDS,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * After its transaction was refused: whether this very request was done before
 * under the key (true), or no mark is left (false). The key used for another
 * request is refused as once() refuses it.
 */
export async function doneBefore(m: RetryMark): Promise<boolean> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: retryMarkKey(m), ConsistentRead: true }),
  );
  if (!Item) return false;
  if (Item.request !== requestPrint(m.key, m.request)) throw keyReused();
  return true;
}

const tenantIdOf = ({ tenant }: Actor) => (tenant.kind === 'village' ? tenant.villageId : tenant.townshipId);

/**
 * Runs a request once per Idempotency-Key (Powertools idempotency on the table):
 * the same key with the same request gets the first answer, also while the first
 * is in flight (it waits for it) and after a timeout; the same key with another
 * request is refused. An error frees the key, since nothing was done.
 */
export async function once<T>(
  scope: RetryScope,
  request: unknown,
  work: () => Promise<T>,
  context: Context,
): Promise<T> {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: table(),
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: keys.retryPartition(tenantIdOf(scope.actor)),
    expiryAttr: 'ttl',
    awsSdkV3Client: dynamoClient,
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'scope',
    payloadValidationJmesPath: 'request',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: REMEMBER_SECONDS,
    hashFunction: 'sha256',
  });
  config.registerLambdaContext(
    typeof context.getRemainingTimeInMillis === 'function'
      ? context
      : { ...context, getRemainingTimeInMillis: () => LOCAL_TIMEOUT_MS },
  );
  // Kept as the client saw it: JSON, with no undefined fields for the marshaller to trip on.
  const run = makeIdempotent(
    async (_payload: { scope: string; request: string }) => JSON.parse(JSON.stringify(await work())) as T,
    { persistenceStore, config, keyPrefix: 'retry' },
  );
  const payload = {
    scope: `${scope.route}|${scope.actor.personId}|${scope.key}`,
    request: requestPrint(scope.key, request),
  };
  for (let wait = 0; ; wait++) {
    try {
      return (await run(payload)) as T;
    } catch (e) {
      if (e instanceof IdempotencyValidationError) throw keyReused();
      if (!(e instanceof IdempotencyAlreadyInProgressError)) throw e;
      if (wait >= WAITS) throw inProgress();
      await sleep(WAIT_MS);
    }
  }
}
