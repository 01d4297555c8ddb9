import type { z } from 'zod';
import { localDay } from '../../shared/rules/local-day';
import { POLICY_VERSION } from '../../shared/rules/policy-version';
import { maskPhone } from '../../shared/rules/tiers';
import {
  type CorrectionField,
  type CorrectionListQuery,
  type CorrectionRequest,
  correctionFieldLabels,
  type MyData,
  type ResolveCorrectionRequest,
} from '../../shared/schemas/my-data';
import { getAccount, getConsent } from '../auth/accounts';
import { mySessions } from '../auth/qr';
import { myHousehold } from '../auth/service';
import { myClaims } from '../bindings/service';
import * as bindingStore from '../bindings/store';
import { categoryOf } from '../cases/view';
import * as inbox from '../inbox/store';
import type { Actor } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { transact } from '../lib/db';
import { conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import * as keys from '../lib/keys';
import { emit } from '../lib/outbox';
import { authorize } from '../lib/policy';
import { unseal } from '../lib/sensitive';
import type { SessionClaims } from '../lib/session';
import { mySubmissions } from '../notices/view';
import { rosterView } from '../people/service';
import { getPeople, getPerson } from '../people/store';
import * as topics from '../topics/store';
import { myStanding, voterKeyOf } from '../topics/view';
import { ownVillage, resolveVillage } from '../villages/service';
import { getVillage } from '../villages/store';
import * as store from './store';

/** When an open (记名) ballot was cast; a secret one keeps no time. */
const openVoteTime = async (actor: Actor, t: topics.TopicRecord) =>
  (await topics.getVoter(t.villageId, t.topicId, voterKeyOf(t, actor)))?.votedAt;

const tenantIdOf = (a: Actor) => (a.tenant.kind === 'village' ? a.tenant.villageId : a.tenant.townshipId);

/** Everything held about the caller, each part through the same view its own page uses. */
export async function myData(actor: Actor, session: SessionClaims, now: Date): Promise<MyData> {
  const tenantId = tenantIdOf(actor);
  const [account, consent, person, household, claims, questions, sessions] = await Promise.all([
    getAccount(actor.accountId),
    getConsent(actor.accountId),
    getPerson(tenantId, actor.personId),
    myHousehold(actor),
    myClaims(session),
    mySubmissions(actor),
    mySessions(actor, session, now),
  ]);
  const village = actor.tenant.kind === 'village' ? await getVillage(actor.tenant.villageId) : undefined;
  const cases = village ? await store.casesBy(village.villageId, actor.personId) : [];
  const villageTopics = village ? await topics.listTopics(village.villageId) : [];
  const standings = await Promise.all(villageTopics.map((t) => myStanding(actor, t)));
  const mine = villageTopics.flatMap((t, i) => (standings[i].eligible ? [{ t, voted: standings[i].voted }] : []));
  const votedAt = await Promise.all(
    mine.map(({ t, voted }) => (voted && !t.secret ? openVoteTime(actor, t) : undefined)),
  );
  return {
    exportedAt: now.toISOString(),
    policyVersion: POLICY_VERSION,
    account: {
      accountId: actor.accountId,
      createdAt: account?.createdAt,
      boundAt: account?.binding?.boundAt,
      consent,
      claims: claims.items,
    },
    person: person ? rosterView(person, now) : null,
    household,
    roles: (person?.roles ?? []).map(({ termId, ...term }) => term),
    cases: cases.map((c) => ({
      caseId: c.caseId,
      kind: c.kind,
      category: village ? (categoryOf(village, c.categoryId)?.label ?? c.categoryId) : c.categoryId,
      text: c.text,
      place: c.place,
      contactPhone: c.contact ? maskPhone(unseal<{ phone: string }>(c.contact).phone) : undefined,
      status: c.status,
      submittedAt: c.submittedAt,
      reply: c.reply ? { text: c.reply.text, at: c.reply.at } : undefined,
      rating: c.rating?.rating,
    })),
    questions: questions.questions,
    topics: mine.map(({ t, voted }, i) => ({
      topicId: t.topicId,
      title: t.title,
      secret: t.secret,
      voted,
      votedAt: votedAt[i],
    })),
    inbox: await inbox.all(keys.inboxOwner({ tenantId, personId: actor.personId })),
    sessions: sessions.items,
  };
}

const DAY_MS = 86_400_000;

/**
 * A correction request reaches the committee as news with a deadline (the village's
 * setting); the request itself is kept, audited, beside the person it is about.
 */
export async function requestCorrection(actor: Actor, req: z.output<typeof CorrectionRequest>, now: Date) {
  if (actor.tenant.kind !== 'village') throw forbidden('乡镇工作人员的信息由乡镇登记，请联系乡镇办公室更正');
  const village = await getVillage(actor.tenant.villageId);
  if (!village) throw notFound('没有找到该村');
  const at = now.toISOString();
  const dueBy = new Date(now.getTime() + village.settings.privacy.correctionDays * DAY_MS).toISOString().slice(0, 10);
  const correction = {
    correctionId: newId(now.getTime()),
    villageId: village.villageId,
    personId: actor.personId,
    field: req.field as CorrectionField,
    text: req.text,
    requestedAt: at,
    dueBy,
  };
  await transact([
    store.putCorrection(correction),
    auditPut({
      tenantId: village.villageId,
      at,
      actorId: actor.personId,
      action: 'privacy.correction',
      target: `person:${actor.personId}`,
      reason: correctionFieldLabels[correction.field],
    }),
    emit(
      {
        villageId: village.villageId,
        kind: 'privacy.correction',
        link: { page: 'person', id: actor.personId, villageId: village.villageId },
        to: [{ kind: 'committee' }],
        data: { field: correctionFieldLabels[correction.field], dueBy, text: req.text },
      },
      now,
    ),
  ]);
  return { correctionId: correction.correctionId, field: correction.field, requestedAt: at, dueBy };
}

/**
 * 注销账号: the account, its consent, sign-ins, subscriptions and inbox go; the roster
 * entry stays as the village's register, let go of this account. Reads only the signed
 * session, so a retry after the binding is gone answers the same, and writes nothing more.
 */
export async function deleteAccount(session: SessionClaims, now: Date) {
  const account = await getAccount(session.accountId);
  const bound = account?.binding ?? session.person;
  const person = bound ? await getPerson(bound.tenantId, bound.personId) : undefined;
  const wasMine = person?.accountId === session.accountId;
  if (person && wasMine) {
    const left = await transact([
      bindingStore.unbindItem(person, session.accountId, now),
      auditPut({
        tenantId: person.tenantId,
        at: now.toISOString(),
        actorId: person.personId,
        action: 'account.delete',
        target: `person:${person.personId}`,
      }),
    ]);
    if (!left) return deleteAccount(session, now); // unbound meanwhile (by the committee): the rest is the same
  }
  // The person's inbox, subscriptions and preferences were this account's; a person bound since to another is not touched.
  const ownPerson = person && (wasMine || (!person.accountId && account?.binding?.personId === person.personId));
  await store.deleteAccountItems(session.accountId, ownPerson ? person : undefined);
  return { deleted: true as const };
}

/** The committee's list of correction requests not yet answered, the nearest deadline first, each with its deadline. */
export async function listCorrections(actor: Actor, q: z.output<typeof CorrectionListQuery>, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  authorize(actor, 'correction.handle', village);
  const page = await store.pageOpenCorrections(village.villageId, q.limit, q.cursor);
  const people = await getPeople(
    village.villageId,
    page.items.map((c) => c.personId),
  );
  const nameOf = new Map(people.map((p) => [p.personId, p.name]));
  const today = localDay(now, village.settings.utcOffsetMinutes);
  return {
    items: page.items.map((c) => ({
      correctionId: c.correctionId,
      personId: c.personId,
      personName: nameOf.get(c.personId),
      field: c.field,
      text: c.text,
      requestedAt: c.requestedAt,
      dueBy: c.dueBy,
      overdue: c.dueBy < today,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * A committee member answers a correction request: whether the register was
 * corrected (on the person's page) and a reply, which reaches the resident in
 * their inbox. The reply may quote the corrected value, so the audit entry keeps
 * only the outcome.
 */
export async function resolveCorrection(
  actor: Actor,
  correctionId: string,
  req: z.output<typeof ResolveCorrectionRequest>,
  now: Date,
) {
  const village = await ownVillage(actor);
  authorize(actor, 'correction.handle', village);
  const c = await store.getCorrection(village.villageId, correctionId);
  if (!c) throw notFound('没有找到这条更正申请');
  if (!c.open) throw conflict('这条更正申请已经答复过了');
  const resolvedAt = now.toISOString();
  const done = await transact([
    store.resolveCorrectionItem(c, { ...req, resolvedAt, resolvedBy: actor.personId }),
    auditPut({
      tenantId: village.villageId,
      at: resolvedAt,
      actorId: actor.personId,
      action: 'privacy.correction.resolve',
      target: `person:${c.personId}`,
      reason: `${correctionFieldLabels[c.field]}：${req.corrected ? '已更正' : '未更正'}`,
    }),
    emit(
      {
        villageId: village.villageId,
        kind: 'privacy.corrected',
        link: { page: 'my-data', id: c.correctionId },
        to: [{ kind: 'people', people: [{ tenantId: village.villageId, personId: c.personId }] }],
        data: { field: correctionFieldLabels[c.field], corrected: req.corrected ? 'yes' : 'no', reply: req.reply },
      },
      now,
    ),
  ]);
  if (!done) throw conflict('这条更正申请已经答复过了');
  return { correctionId, corrected: req.corrected, resolvedAt };
}
