import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsentRecord } from '../../shared/schemas/consent';
import { dynamo, type TransactItem, table, transact } from '../lib/db';
import * as keys from '../lib/keys';
import { fingerprint } from '../lib/sensitive';

/**
 * A WeChat account (one openid of our mini-program) and the person it last bound.
 * The person's own accountId is the truth: a binding counts only while the person
 * still names this account, so an unbinding or a newer binding elsewhere needs no
 * write here.
 */
export interface AccountRecord {
  accountId: string;
  createdAt: string;
  binding?: { tenantId: string; personId: string; boundAt: string; via: BindingVia };
}
export type BindingVia = 'claim' | 'invite' | 'approval' | 'demo';

/** The account id is a keyed fingerprint of the openid: stable per user, and the openid is never stored. */
export const accountIdForOpenid = (openid: string) => `wx${fingerprint('openid', openid)}`;
export const demoAccountId = (personId: string) => `demo-${personId}`;

export async function getAccount(accountId: string): Promise<AccountRecord | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.account(accountId), ConsistentRead: true }),
  );
  return Item as AccountRecord | undefined;
}

/** Creates the account on first sign-in; later sign-ins find it as it is. */
export async function ensureAccount(accountId: string, now: Date): Promise<AccountRecord> {
  const existing = await getAccount(accountId);
  if (existing) return existing;
  const account = { accountId, createdAt: now.toISOString() };
  const created = await transact([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.account(accountId), type: 'account', ...account },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
  // Not created: a simultaneous first sign-in created it, and either copy is the same.
  return created ? account : ((await getAccount(accountId)) ?? account);
}

/** Points an account at a person (part of the binding transaction). */
export const bindAccount = (accountId: string, binding: NonNullable<AccountRecord['binding']>, now: Date) => ({
  Update: {
    TableName: table(),
    Key: keys.account(accountId),
    UpdateExpression: 'SET binding = :b, accountId = :a, createdAt = if_not_exists(createdAt, :now), #t = :type',
    ExpressionAttributeNames: { '#t': 'type' },
    ExpressionAttributeValues: { ':b': binding, ':a': accountId, ':now': now.toISOString(), ':type': 'account' },
  },
});

export async function getConsent(accountId: string): Promise<ConsentRecord | null> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: table(), Key: keys.accountConsent(accountId), ConsistentRead: true }),
  );
  return Item
    ? { policyVersion: Item.policyVersion, agreedAt: Item.agreedAt, idNumberAgreedAt: Item.idNumberAgreedAt }
    : null;
}

/** Records what the account agreed to now (the policy and, by its own tick, the ID number), replacing an older consent. */
export const consentPut = (accountId: string, policyVersion: string, now: Date): TransactItem => ({
  Put: {
    TableName: table(),
    Item: {
      ...keys.accountConsent(accountId),
      type: 'consent',
      accountId,
      policyVersion,
      agreedAt: now.toISOString(),
      idNumberAgreedAt: now.toISOString(),
    },
  },
});
