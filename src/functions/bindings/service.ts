import { randomInt } from 'node:crypto';
import { idTail, normalizePhone } from '../../shared/rules/identity';
import { maskName, maskPhone } from '../../shared/rules/tiers';
import type { BindingOutcome, Claim, ClaimRequest } from '../../shared/schemas/binding';
import type { Consent } from '../../shared/schemas/consent';
import { type AccountRecord, type BindingVia, consentPut, ensureAccount } from '../auth/accounts';
import { type Actor, summaryOf, toActor } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { isoDay } from '../lib/clock';
import { transact } from '../lib/db';
import { env } from '../lib/env';
import { conflict, invalidField, notFound, tooMany } from '../lib/errors';
import { newId } from '../lib/ids';
import { emit, type Recipient } from '../lib/outbox';
import { authorize } from '../lib/policy';
import { seal, unseal } from '../lib/sensitive';
import { type SessionClaims, signSession } from '../lib/session';
import { loadPerson, personDetail, rosterView } from '../people/service';
import { findByName, getPerson, type PersonRecord, unsealSensitive } from '../people/store';
import { ownVillage, resolveVillage } from '../villages/service';
import { getVillage, type VillageRecord } from '../villages/store';
import * as store from './store';

const MOVED = '绑定信息刚刚有变动，请刷新后再试';
const CLAIMS_PER_DAY = 5; // each mismatch reaches the committee; more than a few a day is guessing

/** A session for an account: bound to its person when the person still names it, unbound otherwise. */
export async function sessionFor(accountId: string, person: PersonRecord | undefined, now: Date) {
  const bound = person && person.accountId === accountId && person.status === 'active' ? person : undefined;
  const claims: SessionClaims = {
    accountId,
    ...(bound ? { person: { personId: bound.personId, tenantId: bound.tenantId } } : {}),
  };
  return { ...(await signSession(claims, now)), person: bound ? summaryOf(toActor(bound, now)) : null };
}

/** The person an account is bound to today, if the binding still holds. */
export async function boundPerson(account: AccountRecord | undefined) {
  if (!account?.binding) return undefined;
  const person = await getPerson(account.binding.tenantId, account.binding.personId);
  return person?.accountId === account.accountId && person.status === 'active' ? person : undefined;
}

async function bindOrExplain(
  accountId: string,
  person: PersonRecord,
  via: BindingVia,
  now: Date,
  more: Parameters<typeof store.bind>[5] = [],
): Promise<Extract<BindingOutcome, { status: 'bound' }>> {
  const account = await ensureAccount(accountId, now);
  const earlier = await boundPerson(account);
  if (earlier && earlier.personId !== person.personId)
    throw conflict(`本账号已绑定为 ${maskName(earlier.name)}，如需更换请先在“我的”页面解除绑定`);
  const replaced = Boolean(person.accountId && person.accountId !== accountId);
  const audit = auditPut({
    tenantId: person.tenantId,
    at: now.toISOString(),
    actorId: person.personId,
    action: replaced ? 'person.rebind' : 'person.bind',
    target: `person:${person.personId}`,
    reason: via,
  });
  if (person.accountId !== accountId && !(await store.bind(account, person, earlier, via, now, [audit, ...more])))
    throw conflict(MOVED);
  const fresh = { ...person, accountId, status: 'active' as const };
  return { status: 'bound', session: await sessionFor(accountId, fresh, now), replacedEarlierAccount: replaced };
}

const claimView = (c: store.ClaimRecord, village: Pick<VillageRecord, 'name'>): Claim => ({
  claimId: c.claimId,
  villageId: c.villageId,
  villageName: village.name,
  name: c.name,
  status: c.status,
  createdAt: c.createdAt,
  decidedAt: c.decidedAt,
  reason: c.reason,
});

/** Which of the typed factors agree with a person's sealed ones. */
function factorsOf(p: PersonRecord, typed: store.ClaimFactors) {
  const f = unsealSensitive(p);
  return { idTail: f ? idTail(f.idNumber) === typed.idTail : false, phone: f?.phone === typed.phone };
}

/**
 * A claim by what only the person knows. Exactly one active person with that
 * name, ID ending and phone, and bound to no other account: bound at once.
 * Anything else waits for the committee, which sees for each person it might
 * mean whether the factors agree. A person already bound elsewhere is never
 * taken over silently: the claim waits like any other, the claimant is told
 * nothing more, and the bound phone sees the attempt on 我的 (/me).
 */
export async function claim(session: SessionClaims, req: ClaimRequest, now: Date): Promise<BindingOutcome> {
  const village = await getVillage(req.villageId);
  if (!village) throw notFound('没有找到该村');
  const phone = normalizePhone(req.phone);
  if (!phone) throw invalidField('phone', '联系电话：请填写 11 位手机号或带区号的固定电话');
  const typed: store.ClaimFactors = { idTail: req.idTail, phone };
  const earlierClaims = await store.accountClaims(session.accountId);
  const today = isoDay(now);
  if (earlierClaims.filter((c) => c.createdAt.startsWith(today)).length >= CLAIMS_PER_DAY)
    throw tooMany('今天的绑定申请次数已用完，请明天再试，或请网格员当面帮您绑定');
  const matches = (await findByName(village.villageId, req.name)).filter((p) => {
    const agree = factorsOf(p, typed);
    return p.status === 'active' && agree.idTail && agree.phone;
  });
  const [match] = matches.length === 1 ? matches : [];
  const takeover = match?.accountId && match.accountId !== session.accountId ? match : undefined;
  // The consent is recorded with whatever the claim writes: bound now, or waiting for the committee.
  const consent = consentPut(session.accountId, req.consent.policyVersion, now);
  if (match && !takeover) return bindOrExplain(session.accountId, match, 'claim', now, [consent]);

  const record: store.ClaimRecord = {
    claimId: newId(now.getTime()),
    villageId: village.villageId,
    accountId: session.accountId,
    name: req.name,
    sealed: seal(typed),
    note: req.note,
    status: 'pending',
    createdAt: now.toISOString(),
  };
  // One open claim per account: a new one replaces what is still pending.
  const superseded = earlierClaims
    .filter((c) => c.status === 'pending')
    .map((c) => store.decideClaim({ ...c, status: 'withdrawn', decidedAt: record.createdAt }));
  const notice = takeover ? [store.noteTakeover(takeover, record.claimId, record.createdAt)] : [];
  if (!(await transact([store.putClaim(record), ...superseded, ...notice, consent]))) throw conflict(MOVED);
  return { status: 'pending', claim: claimView(record, village) };
}

/** What the bound phone is told: another account's claim for its person waits for the committee. */
export async function pendingTakeover(person: PersonRecord | undefined) {
  if (!person?.pendingTakeover) return undefined;
  const c = await store.getClaim(person.tenantId, person.pendingTakeover.claimId);
  return c?.status === 'pending' ? { claimedAt: c.createdAt } : undefined;
}

export async function myClaims(session: SessionClaims) {
  const claims = await store.accountClaims(session.accountId);
  const villages = new Map<string, VillageRecord | undefined>();
  for (const c of claims) if (!villages.has(c.villageId)) villages.set(c.villageId, await getVillage(c.villageId));
  return { items: claims.map((c) => claimView(c, villages.get(c.villageId) ?? { name: '' })) };
}

const INVALID_INVITE = '邀请码无效或已过期，请向村委会或网格员重新索取';

export async function redeemInvite(session: SessionClaims, code: string, consent: Consent, now: Date) {
  const invite = await store.getInvite(code);
  if (!invite || invite.expiresAt <= now.toISOString()) throw notFound(INVALID_INVITE);
  const person = await getPerson(invite.tenantId, invite.personId);
  if (person?.status !== 'active') throw notFound(INVALID_INVITE);
  return bindOrExplain(session.accountId, person, 'invite', now, [
    store.spendInvite(code),
    consentPut(session.accountId, consent.policyVersion, now),
  ]);
}

/* ---------- staff ---------- */

export async function pendingClaims(actor: Actor, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'binding.review', village);
  const claims = await store.pendingClaims(village.villageId);
  return {
    items: await Promise.all(
      claims.map(async (c) => {
        const typed = unseal<store.ClaimFactors>(c.sealed);
        return {
          ...claimView(c, village),
          phone: maskPhone(typed.phone),
          note: c.note,
          candidates: (await findByName(village.villageId, c.name))
            .filter((p) => p.status === 'active')
            .map((p) => ({ ...rosterView(p, now), matches: factorsOf(p, typed) })),
        };
      }),
    ),
  };
}

async function pendingClaim(village: VillageRecord, claimId: string) {
  const c = await store.getClaim(village.villageId, claimId);
  if (!c) throw notFound('没有找到该绑定申请');
  if (c.status !== 'pending') throw conflict('该申请已经处理过了');
  return c;
}

/** The committee knows the claimant (often face to face) and names the person they are. */
/** The claimant hears of the decision: once bound, in their person's inbox; refused, in their account's. */
const bindingNews = (village: VillageRecord, claimId: string, to: Recipient) => ({
  villageId: village.villageId,
  link: { page: 'binding' as const, id: claimId },
  to: [{ kind: 'people' as const, people: [to] }],
});

export async function approveClaim(actor: Actor, claimId: string, personId: string, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'binding.review', village);
  const c = await pendingClaim(village, claimId);
  const person = await loadPerson(actor, village, personId, 'binding.review');
  if (person.status !== 'active') throw conflict('已去世或迁出的村民不能绑定');
  const decided = {
    ...c,
    status: 'approved' as const,
    decidedAt: now.toISOString(),
    decidedBy: actor.personId,
    personId,
  };
  await bindOrExplain(c.accountId, person, 'approval', now, [
    store.decideClaim(decided),
    emit(
      { ...bindingNews(village, claimId, { tenantId: village.villageId, personId }), kind: 'binding.approved' },
      now,
    ),
  ]);
  return claimView(decided, village);
}

export async function rejectClaim(actor: Actor, claimId: string, reason: string, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'binding.review', village);
  const c = await pendingClaim(village, claimId);
  const at = now.toISOString();
  const decided = { ...c, status: 'rejected' as const, decidedAt: at, decidedBy: actor.personId, reason };
  const audit = auditPut({
    tenantId: village.villageId,
    at,
    actorId: actor.personId,
    action: 'claim.reject',
    target: `claim:${claimId}`,
    reason,
  });
  const news = emit(
    { ...bindingNews(village, claimId, { accountId: c.accountId }), kind: 'binding.rejected', data: { reason } },
    now,
  );
  if (!(await transact([store.decideClaim(decided), audit, news]))) throw conflict('该申请已经处理过了');
  return claimView(decided, village);
}

/** Codes people read aloud and type on an old phone: no 0/O, 1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const drawCode = () => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export async function issueInvite(actor: Actor, personId: string, now: Date) {
  const village = await ownVillage(actor);
  const person = await loadPerson(actor, village, personId, 'person.invite');
  if (person.status !== 'active') throw conflict('已去世或迁出的村民不能绑定');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + env.inviteHours * 3600_000).toISOString();
  const audit = () =>
    auditPut({
      tenantId: village.villageId,
      at,
      actorId: actor.personId,
      action: 'person.invite',
      target: `person:${personId}`,
    });
  for (let attempt = 0; attempt < 5; attempt++) {
    const invite = { code: drawCode(), tenantId: village.villageId, personId, issuedBy: actor.personId, expiresAt };
    if (await store.putInvite(invite, audit()))
      return { code: invite.code, personId, personName: person.name, expiresAt };
  }
  throw conflict('生成邀请码失败，请再试一次');
}

const unbindAudit = (actor: Actor, person: PersonRecord, now: Date, reason: string) =>
  auditPut({
    tenantId: person.tenantId,
    at: now.toISOString(),
    actorId: actor.personId,
    action: 'person.unbind',
    target: `person:${person.personId}`,
    reason,
  });

/** The resident lets go of their own binding (a lost or a family phone); the session becomes unbound at once. */
export async function unbindMe(actor: Actor, now: Date) {
  const person = await getPerson(
    actor.tenant.kind === 'village' ? actor.tenant.villageId : actor.tenant.townshipId,
    actor.personId,
  );
  if (!person) throw notFound();
  if (!(await transact([store.unbindItem(person, actor.accountId, now), unbindAudit(actor, person, now, 'self')])))
    throw conflict(MOVED);
  return sessionFor(actor.accountId, undefined, now);
}

export async function unbindPerson(actor: Actor, personId: string, now: Date) {
  const village = await ownVillage(actor);
  const person = await loadPerson(actor, village, personId, 'person.manage');
  if (!person.accountId) throw conflict('这位村民没有绑定微信');
  if (
    !(await transact([store.unbindItem(person, person.accountId, now), unbindAudit(actor, person, now, 'committee')]))
  )
    throw conflict(MOVED);
  return personDetail(actor, personId, undefined, now);
}
