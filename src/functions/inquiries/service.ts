import { dueAt } from '../../shared/rules/deadlines';
import type { AskInquiryRequest, Inquiry, InquiryListQuery } from '../../shared/schemas/inquiry';
import { getCase } from '../cases/store';
import { calendarOf, targetOf } from '../cases/view';
import type { Actor } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, transact } from '../lib/db';
import { conflict, invalidField, notFound } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import { allows, authorize, seesCase } from '../lib/policy';
import { getNotice } from '../notices/store';
import { getTopic } from '../topics/store';
import { bumpInquiriesOpen } from '../township/store';
import { ownVillage, resolveVillage } from '../villages/service';
import { getVillage, type VillageRecord } from '../villages/store';
import * as store from './store';

const STALE = '这件质询刚被其他人处理过，请刷新后再看';
const ref = (a: Actor) => ({ personId: a.personId, name: a.name });

/** A confidential inquiry does not exist for anyone but the 监委会, the committee and the township: not in a list, not by id. */
const visibleTo = (actor: Actor, village: VillageRecord, q: store.InquiryRecord) =>
  !q.confidential || allows(actor, 'inquiry.confidential', village);

const isOverdue = (q: store.InquiryRecord, now: Date) => q.status === 'open' && q.dueBy <= now.toISOString();
const viewOf = (q: store.InquiryRecord, now: Date): Inquiry => {
  const { version, ...rest } = q;
  return { ...rest, overdue: isOverdue(q, now) };
};

const audit = (actorId: string, village: VillageRecord, at: string, action: string, inquiryId: string) =>
  auditPut({ tenantId: village.villageId, at, actorId, action, target: `inquiry:${inquiryId}` });

/** What the message may quote: nothing of a confidential inquiry (a push shows on a locked screen). */
const messageData = (q: store.InquiryRecord, more: Record<string, string> = {}) =>
  q.confidential ? more : { title: q.title, ...more };

/* ---------- reading ---------- */

export async function list(actor: Actor, query: InquiryListQuery, now: Date) {
  const village = await resolveVillage(actor, query.villageId);
  const all = (await store.listInquiries(village.villageId)).filter((q) => visibleTo(actor, village, q));
  const wanted = all.filter((q) =>
    query.status === 'overdue' ? isOverdue(q, now) : !query.status || q.status === query.status,
  );
  return { items: wanted.map((q) => viewOf(q, now)) };
}

async function loadVisible(actor: Actor, village: VillageRecord, inquiryId: string) {
  const q = await store.getInquiry(village.villageId, inquiryId);
  if (!q || !visibleTo(actor, village, q)) throw notFound('没有找到该质询');
  return q;
}

export async function open(actor: Actor, inquiryId: string, villageId: string | undefined, now: Date) {
  const village = await resolveVillage(actor, villageId);
  return viewOf(await loadVisible(actor, village, inquiryId), now);
}

/* ---------- asking and answering ---------- */

/** The title of what the inquiry is about, checked to exist in the village (and be seen by the asker). */
async function referenced(actor: Actor, village: VillageRecord, req: AskInquiryRequest) {
  if (!req.refId) return undefined;
  const missing = () => invalidField('refId', '关联事项：本村没有找到这一项');
  if (req.subject === 'notice') {
    const n = await getNotice(village.villageId, req.refId);
    if (!n) throw missing();
    return n.title;
  }
  if (req.subject === 'topic') {
    const t = await getTopic(village.villageId, req.refId);
    if (!t) throw missing();
    return t.title;
  }
  // A case's text may be personal: the inquiry links to it and repeats nothing of it.
  const c = await getCase(village.villageId, req.refId);
  if (!c || !seesCase(actor, targetOf(village, c))) throw missing();
  return undefined;
}

export async function ask(actor: Actor, req: AskInquiryRequest, idempotencyKey: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'inquiry.ask', village);
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) return open(actor, earlier, undefined, now);
  const refTitle = await referenced(actor, village, req);
  const at = now.toISOString();
  const q: store.InquiryRecord = {
    inquiryId: newId(now.getTime()),
    villageId: village.villageId,
    subject: req.subject,
    ...(req.refId ? { refId: req.refId } : {}),
    ...(refTitle ? { refTitle } : {}),
    title: req.title,
    text: req.text,
    confidential: req.confidential,
    status: 'open',
    askedAt: at,
    askedBy: ref(actor),
    dueBy: dueAt(at, { amount: village.settings.inquiryAnswerDays, unit: 'working_days' }, calendarOf(village)),
    version: 1,
  };
  const items: TransactItem[] = [
    ...store.inquiryPuts(q),
    bumpInquiriesOpen(village.townshipId, village.villageId, 1), // the township's table counts it at once
    audit(actor.personId, village, at, 'inquiry.ask', q.inquiryId),
    emit(
      {
        villageId: village.villageId,
        kind: 'inquiry.asked',
        link: { page: 'inquiry', id: q.inquiryId },
        to: [{ kind: 'committee' }],
        data: messageData(q, { dueBy: q.dueBy.slice(0, 10) }),
      },
      now,
    ),
  ];
  if (scope) items.push(idempotencyPut(scope, q.inquiryId, at));
  if (await transact(items)) return viewOf(q, now);
  // Two requests with the same key raced: the first one's inquiry is the answer.
  const winner = scope && (await findIdempotentResult(scope));
  if (winner) return open(actor, winner, undefined, now);
  throw conflict(STALE);
}

export async function answer(actor: Actor, inquiryId: string, text: string, now: Date) {
  const village = await ownVillage(actor);
  const q = await loadVisible(actor, village, inquiryId);
  authorize(actor, 'inquiry.answer', village);
  if (q.status !== 'open') throw conflict('这件质询已经答复过了');
  const at = now.toISOString();
  const next: store.InquiryRecord = {
    ...q,
    status: 'answered',
    answer: { text, answeredAt: at, answeredBy: ref(actor) },
  };
  const ok = await transact([
    // An escalated inquiry's deadline entry went with the escalation.
    ...store.inquiryUpdate(next, q.version, !q.escalatedAt),
    bumpInquiriesOpen(village.townshipId, village.villageId, -1),
    audit(actor.personId, village, at, 'inquiry.answer', inquiryId),
    emit(
      {
        villageId: village.villageId,
        kind: 'inquiry.answered',
        link: { page: 'inquiry', id: inquiryId },
        to: [{ kind: 'people', people: [{ tenantId: village.villageId, personId: q.askedBy.personId }] }],
        data: messageData(q),
      },
      now,
    ),
  ]);
  if (!ok) throw conflict(STALE);
  return viewOf({ ...next, version: q.version + 1 }, now);
}

/* ---------- the scheduled escalation ---------- */

/**
 * Inquiries unanswered at their deadline go to the township, as an overdue case
 * does: marked escalated (the committee may still answer), audited, and the
 * township's staff told. Each is escalated once: its deadline entry goes with it.
 */
export async function escalateDue(now: Date) {
  let escalated = 0;
  for (let round = 0; round < 20; round++) {
    const due = await store.dueInquiries(now);
    for (const entry of due) {
      const village = await getVillage(entry.villageId);
      const q = village && (await store.getInquiry(entry.villageId, entry.inquiryId));
      if (!village || !q || q.status !== 'open' || q.escalatedAt) {
        await store.dropClock(entry.sk);
        continue;
      }
      const at = now.toISOString();
      const ok = await transact([
        ...store.inquiryUpdate({ ...q, escalatedAt: at }, q.version, true),
        audit('system', village, at, 'inquiry.escalate', q.inquiryId),
        emit(
          {
            villageId: village.villageId,
            kind: 'inquiry.township',
            link: { page: 'inquiry', id: q.inquiryId, villageId: village.villageId },
            to: [{ kind: 'township', townshipId: village.townshipId }],
          },
          now,
        ),
      ]);
      // An answer written a moment ago wins: the next run finds nothing left to do.
      if (ok) escalated++;
    }
    if (due.length < store.DUE_PAGE) break;
  }
  return { escalated };
}
