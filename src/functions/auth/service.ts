import type { Consent, ConsentRecord } from '../../shared/schemas/consent';
import type { Me } from '../../shared/schemas/person';
import { boundPerson, pendingTakeover, sessionFor } from '../bindings/service';
import * as bindings from '../bindings/store';
import { type Actor, summaryOf, toActor } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { transact } from '../lib/db';
import { isLocalStage } from '../lib/env';
import { conflict, forbidden, notFound } from '../lib/errors';
import type { SessionClaims } from '../lib/session';
import { getPerson, listHousehold, listPeople } from '../people/store';
import { getTownship, getVillage, listTownships, listTownshipVillages } from '../villages/store';
import { accountIdForOpenid, consentPut, demoAccountId, ensureAccount, getAccount, getConsent } from './accounts';
import { code2Session } from './wechat';

/** WeChat sign-in: the account is found (or made) from the openid; bound if it has claimed a person. */
export async function wechatSignIn(code: string, now: Date) {
  const { openid } = await code2Session(code);
  const account = await ensureAccount(accountIdForOpenid(openid), now);
  return sessionFor(account.accountId, await boundPerson(account), now);
}

/** The demo sign-in is a local convenience; every other stage refuses it. */
const localOnly = () => {
  if (!isLocalStage()) throw forbidden('演示登录只在本地环境可用');
};

export async function demoPeople(now: Date) {
  localOnly();
  const people = [];
  for (const township of await listTownships()) {
    const tenants = [
      { tenantId: township.townshipId, tenantName: township.name },
      // Villages of different townships often share a name (王庄村), so a village is named with its township.
      ...(await listTownshipVillages(township.townshipId)).map((v) => ({
        tenantId: v.villageId,
        tenantName: `${township.name} ${v.name}`,
      })),
    ];
    for (const t of tenants) {
      for (const p of await listPeople(t.tenantId)) {
        if (p.status !== 'active') continue;
        const a = toActor(p, now);
        people.push({ ...t, personId: p.personId, name: p.name, roles: a.roles, posts: a.posts });
      }
    }
  }
  return { people };
}

/** Signs in as a demo person through a demo account bound to them (binding it first if needed). */
export async function demoSignIn(tenantId: string, personId: string, now: Date) {
  localOnly();
  const person = await getPerson(tenantId, personId);
  if (person?.status !== 'active') throw notFound('没有找到该演示人员');
  const accountId = demoAccountId(personId);
  if (person.accountId !== accountId) {
    const account = await ensureAccount(accountId, now);
    if (!(await bindings.bind(account, person, undefined, 'demo', now, [])))
      throw conflict('演示账号正在绑定，请再试一次');
  }
  return sessionFor(accountId, { ...person, accountId }, now);
}

export async function me(session: SessionClaims, actor: Actor | undefined): Promise<Me> {
  const [account, consent] = await Promise.all([getAccount(session.accountId), getConsent(session.accountId)]);
  const accountView = { accountId: session.accountId, boundAt: actor ? account?.binding?.boundAt : undefined };
  if (!actor) return { account: accountView, person: null, villages: [], township: null, consent };
  const townshipId = actor.tenant.townshipId;
  const township = await getTownship(townshipId);
  if (!township) throw notFound('没有找到所属乡镇');
  const villages =
    actor.tenant.kind === 'village'
      ? [await getVillage(actor.tenant.villageId)].flatMap((v) =>
          v ? [{ villageId: v.villageId, townshipId: v.townshipId, name: v.name, kind: v.kind }] : [],
        )
      : await listTownshipVillages(townshipId);
  const takeover = await pendingTakeover(await boundPerson(account));
  return {
    account: accountView,
    person: summaryOf(actor),
    villages,
    township: { townshipId, name: township.name },
    consent,
    ...(takeover ? { pendingTakeover: takeover } : {}),
  };
}

/** Every village and community an account may claim a person in, by township. */
export async function villageDirectory() {
  const items = [];
  for (const t of await listTownships())
    for (const v of await listTownshipVillages(t.townshipId)) items.push({ ...v, townshipName: t.name });
  return { items };
}

/** The caller's own household only: the household is personal data of its members. */
export async function myHousehold(actor: Actor) {
  const none = { householdId: null, members: [] };
  if (actor.tenant.kind !== 'village') return none; // township staff are on no village register
  const me = await getPerson(actor.tenant.villageId, actor.personId);
  if (!me?.householdId) return none;
  const members = await listHousehold(actor.tenant.villageId, me.householdId);
  return {
    householdId: me.householdId,
    groupName: me.groupName,
    members: members.map((m) => ({
      name: m.name,
      isHead: m.roles.some((r) => r.role === 'household_head'),
      isMe: m.personId === actor.personId,
      status: m.status,
    })),
  };
}

/**
 * Agreeing to the current privacy policy, when a new version asks again: recorded on
 * the account and, for a bound person, in the village's audit log beside their binding.
 */
export async function agreeToPolicy(
  session: SessionClaims,
  actor: Actor | undefined,
  consent: Consent,
  now: Date,
): Promise<ConsentRecord> {
  const audit = actor
    ? [
        auditPut({
          tenantId: actor.tenant.kind === 'village' ? actor.tenant.villageId : actor.tenant.townshipId,
          at: now.toISOString(),
          actorId: actor.personId,
          action: 'privacy.consent',
          target: `person:${actor.personId}`,
          reason: consent.policyVersion,
        }),
      ]
    : [];
  await transact([consentPut(session.accountId, consent.policyVersion, now), ...audit]);
  const at = now.toISOString();
  return { policyVersion: consent.policyVersion, agreedAt: at, idNumberAgreedAt: at };
}
