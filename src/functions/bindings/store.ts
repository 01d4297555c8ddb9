import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Claim } from '../../shared/schemas/binding';
import { type AccountRecord, type BindingVia, bindAccount } from '../auth/accounts';
import { dynamo, type TransactItem, table, transact } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';
import { indexQuery, queryAll } from '../lib/query';
import type { PersonRecord } from '../people/store';

/** What a claimant types to prove who they are: compared with the roster's sealed values, stored sealed too. */
export interface ClaimFactors {
  idTail: string;
  phone: string;
}

/** A claim as stored: what the claimant typed, the factors only sealed (a true claim holds a person's ID ending). */
export interface ClaimRecord extends Omit<Claim, 'villageName'> {
  accountId: string;
  sealed: string; // ClaimFactors
  note?: string;
  personId?: string; // the person it was approved as
  decidedBy?: string;
}

export interface InviteRecord {
  code: string;
  tenantId: string;
  personId: string;
  issuedBy: string;
  expiresAt: string;
}

export const claimItem = (c: ClaimRecord) => ({
  ...keys.claim(c.villageId, c.claimId),
  ...(c.status === 'pending' ? keys.pendingClaimIndex(c.villageId, c.claimId) : {}),
  ...keys.accountClaimIndex(c.accountId, c.claimId),
  type: 'claim',
  ...c,
});

export async function getClaim(villageId: string, claimId: string) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.claim(villageId, claimId) }));
  return Item ? (withoutKeys(Item) as ClaimRecord) : undefined;
}

const claimsFrom = async (hits: { pk: string; sk: string }[]) =>
  (
    await Promise.all(hits.map((h) => dynamo.send(new GetCommand({ TableName: table(), Key: { pk: h.pk, sk: h.sk } }))))
  ).flatMap((r) => (r.Item ? [withoutKeys(r.Item) as ClaimRecord] : []));

/** Pending claims of a village, oldest first: the committee's to-do list. */
export const pendingClaims = async (villageId: string) =>
  claimsFrom(await queryAll(indexQuery(keys.pendingClaimPartition(villageId))));

/** An account's claims, newest first. */
export const accountClaims = async (accountId: string) =>
  claimsFrom(await queryAll(indexQuery(keys.accountClaimPartition(accountId), { ScanIndexForward: false })));

/** Moves a pending claim to its decision; the condition makes a second decision fail. */
export const decideClaim = (c: ClaimRecord): TransactItem => ({
  Put: {
    TableName: table(),
    Item: claimItem(c),
    ConditionExpression: '#s = :pending',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending' },
  },
});

export const putClaim = (c: ClaimRecord): TransactItem => ({ Put: { TableName: table(), Item: claimItem(c) } });

export async function getInvite(code: string) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.invite(code) }));
  return Item as InviteRecord | undefined;
}

/** Stores a fresh invite code; false if the code is taken (the caller draws another). */
export async function putInvite(invite: InviteRecord, audit: TransactItem) {
  return transact([
    {
      Put: {
        TableName: table(),
        Item: {
          ...keys.invite(invite.code),
          type: 'invite',
          ...invite,
          ttl: Math.floor(Date.parse(invite.expiresAt) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    audit,
  ]);
}

/** An invite is used once: its deletion is part of the binding. */
export const spendInvite = (code: string): TransactItem => ({
  Delete: { TableName: table(), Key: keys.invite(code), ConditionExpression: 'attribute_exists(pk)' },
});

/**
 * Binds an account to a person, all or nothing: the person names the account
 * (replacing any earlier one: one person, one account), the account names the
 * person, and a person this account spoke for until now lets go of it (one
 * account, one person). False when something moved meanwhile.
 */
export async function bind(
  account: AccountRecord,
  person: PersonRecord,
  earlier: PersonRecord | undefined,
  via: BindingVia,
  now: Date,
  more: TransactItem[],
) {
  const at = now.toISOString();
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.person(person.tenantId, person.personId),
        UpdateExpression: 'SET accountId = :a, boundAt = :at, verified = :t, updatedAt = :at REMOVE pendingTakeover',
        ConditionExpression: `#s = :active AND ${person.accountId ? 'accountId = :prev' : 'attribute_not_exists(accountId)'}`,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':a': account.accountId,
          ':at': at,
          ':t': true,
          ':active': 'active',
          ...(person.accountId ? { ':prev': person.accountId } : {}),
        },
      },
    },
    bindAccount(account.accountId, { tenantId: person.tenantId, personId: person.personId, boundAt: at, via }, now),
    ...(earlier && earlier.personId !== person.personId ? [unbindItem(earlier, account.accountId, now)] : []),
    ...more,
  ];
  return transact(items);
}

/**
 * Tells the bound account that another account's claim for its person waits for
 * the committee; only while the person is still bound to that account.
 */
export const noteTakeover = (person: PersonRecord, claimId: string, at: string): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.person(person.tenantId, person.personId),
    UpdateExpression: 'SET pendingTakeover = :p, updatedAt = :at',
    ConditionExpression: 'accountId = :a',
    ExpressionAttributeValues: { ':p': { claimId, at }, ':a': person.accountId, ':at': at },
  },
});

/** Lets a person go of an account, if it is still theirs. */
export const unbindItem = (person: PersonRecord, accountId: string, now: Date): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.person(person.tenantId, person.personId),
    UpdateExpression: 'REMOVE accountId, boundAt SET updatedAt = :at',
    ConditionExpression: 'accountId = :a',
    ExpressionAttributeValues: { ':a': accountId, ':at': now.toISOString() },
  },
});
