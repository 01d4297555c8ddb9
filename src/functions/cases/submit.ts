import type { SubmitCaseRequest } from '../../shared/schemas/case';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { type TransactItem, transact } from '../lib/db';
import { conflict, invalidField } from '../lib/errors';
import { findIdempotentResult, idempotencyPut, idempotencyScope } from '../lib/idempotency';
import { newId } from '../lib/ids';
import { authorize } from '../lib/policy';
import { spendWriteAllowance } from '../lib/rate-limit';
import { seal } from '../lib/sensitive';
import { getPerson } from '../people/store';
import { claimPhotos } from '../photos/service';
import { ownVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import { summaryJob } from './events';
import * as store from './store';
import { categoryOf, getCase, runningClock, viewOf } from './view';

/* ---------- submitting ---------- */

/** Who a case is routed to: civil affairs for a care concern, 监委会 and the township when the committee is its subject. */
const routeFor = (care: boolean, req: SubmitCaseRequest) =>
  care ? 'civil_affairs' : req.about ? 'supervision' : 'committee';

async function subjectOf(village: VillageRecord, about: SubmitCaseRequest['about'], now: Date) {
  if (!about?.personId) return about ? { kind: about.kind } : undefined;
  const p = await getPerson(village.villageId, about.personId);
  if (!p) throw invalidField('about.personId', '投诉对象：没有找到这个人');
  if (about.kind === 'member' && !activeTerms(p, now).some((t) => t.role === 'committee'))
    throw invalidField('about.personId', '投诉对象：此人不是村委会委员');
  return { kind: about.kind, personId: p.personId, name: p.name };
}

/** The petitioner: the caller, or for a proxy entry the resident they met (in their own grid). */
async function petitionerOf(actor: Actor, village: VillageRecord, req: SubmitCaseRequest) {
  if (!req.onBehalfOf) {
    authorize(actor, 'case.submit', village);
    return { submitter: { personId: actor.personId, name: actor.name, groupName: actor.groupName } };
  }
  const p = await getPerson(village.villageId, req.onBehalfOf.personId);
  if (p?.status !== 'active') throw invalidField('onBehalfOf.personId', '代为录入：没有找到这位村民');
  authorize(actor, 'case.proxy', { ...village, groupName: p.groupName });
  return {
    submitter: { personId: p.personId, name: p.name, groupName: p.groupName },
    enteredBy: { personId: actor.personId, name: actor.name, intake: req.onBehalfOf.intake },
  };
}

export async function submitCase(actor: Actor, req: SubmitCaseRequest, idempotencyKey: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  const category = categoryOf(village, req.categoryId);
  if (!category) throw invalidField('categoryId', '类别：本村没有这个类别');
  const scope = idempotencyScope(village.villageId, actor.personId, idempotencyKey);
  const earlier = await findIdempotentResult(scope);
  if (earlier) return getCase(actor, earlier, undefined, now);
  const who = await petitionerOf(actor, village, req);
  const about = await subjectOf(village, req.about, now);
  if (about?.personId === who.submitter.personId) throw invalidField('about.personId', '投诉对象不能是自己');
  const photos = await claimPhotos(actor, village.villageId, req.photos, now);
  // Counted for the person the case is from: a grid worker entering the box's slips spends none of their own.
  await spendWriteAllowance('cases', village, who.submitter.personId, now);
  const at = now.toISOString();
  const isPublic = !category.care && (req.public ?? (req.kind === 'suggestion' || Boolean(req.asksFor)));
  const c: store.CaseRecord = {
    caseId: newId(now.getTime()),
    villageId: village.villageId,
    townshipId: village.townshipId,
    kind: req.kind,
    categoryId: category.categoryId,
    care: category.care,
    text: req.text,
    place: req.place,
    contact: req.contactPhone ? seal({ phone: req.contactPhone }) : undefined,
    photos: photos.photos,
    public: isPublic,
    anonymous: req.anonymous,
    route: routeFor(category.care, req),
    submitter: who.submitter,
    enteredBy: who.enteredBy,
    about,
    groupName: who.submitter.groupName,
    asksFor: req.asksFor,
    status: 'submitted',
    submittedAt: at,
    merged: [],
    timeline: [
      {
        at,
        action: 'submit',
        status: 'submitted',
        note: who.enteredBy ? `代为录入（${who.enteredBy.intake === 'box' ? '意见箱' : '当面或电话'}）` : undefined,
      },
    ],
    version: 0,
  };
  const clock = runningClock(village, c);
  c.clock = clock && store.clockKey(clock, c);
  const items: TransactItem[] = [
    store.putCase(c, 'new'),
    ...store.clockItems(c, c.clock),
    ...photos.items,
    auditPut({
      tenantId: village.villageId,
      at,
      actorId: actor.personId,
      action: 'case.submit',
      target: `case:${c.caseId}`,
    }),
    summaryJob(c, now),
  ];
  if (scope) items.push(idempotencyPut(scope, c.caseId, at));
  if (!(await transact(items))) throw conflict('这件事已经提交过了，或照片已用在别处');
  return viewOf(actor, village, { ...c, version: 1 }, now);
}
