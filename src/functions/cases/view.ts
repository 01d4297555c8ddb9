import { canStep, isOpen, takesSupport, workingState, workingStates } from '../../shared/rules/case-flow';
import {
  type CaseDeadlines,
  caseDeadlines,
  inReviewWindow,
  overdueClock,
  type WorkCalendar,
} from '../../shared/rules/deadlines';
import { needed } from '../../shared/rules/quorum';
import { maskName } from '../../shared/rules/tiers';
import type { Case, CaseAction, CaseSummary } from '../../shared/schemas/case';
import { roleLabels } from '../../shared/schemas/person';
import { careOfCase } from '../care/store';
import type { Actor } from '../lib/actor';
import { activeTerms } from '../lib/actor';
import { notFound } from '../lib/errors';
import { allows, type CaseTarget, decidesCase, knowsPetitioner, seesCase, worksCase } from '../lib/policy';
import { unseal } from '../lib/sensitive';
import { listLivingAdults } from '../people/store';
import { photoViews } from '../photos/service';
import { resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import * as store from './store';

const NOT_FOUND = '没有找到这件建议或诉求';

/* ---------- settings, clocks and who is who ---------- */

export const categoryOf = (village: VillageRecord, categoryId: string) =>
  village.settings.caseCategories.find((c) => c.categoryId === categoryId);

export const calendarOf = (village: VillageRecord): WorkCalendar => ({
  utcOffsetMinutes: village.settings.utcOffsetMinutes,
  holidays: village.settings.holidays,
  workdays: village.settings.workdays,
});

/** The moments a case's clocks run from and stop at. */
const clockOf = (c: store.CaseRecord) => ({
  submittedAt: c.submittedAt,
  acceptedAt: c.resolveFrom ?? c.acceptedAt,
  decidedAt: c.decidedAt,
  repliedAt: c.reply?.at,
});

export function deadlinesOf(village: VillageRecord, c: store.CaseRecord): CaseDeadlines {
  const limits = (categoryOf(village, c.categoryId) ?? village.settings.caseCategories[0]).limits;
  return caseDeadlines(
    { ...clockOf(c), extendedBy: c.extension ? limits.extension : undefined },
    limits,
    calendarOf(village),
  );
}

/** The clock that is running now, if any: what the scheduled escalation waits for. */
export function runningClock(village: VillageRecord, c: store.CaseRecord): string | undefined {
  if (c.status === 'escalated') return undefined; // on the township's list already
  const d = deadlinesOf(village, c);
  if (c.status === 'submitted') return d.acceptBy;
  if (workingStates.includes(c.status)) return d.resolveBy;
  if (c.status === 'resolved' || c.status === 'rated') return d.reviewBy; // closes once the review window ends
  return undefined;
}

export const overdueOf = (village: VillageRecord, c: store.CaseRecord, now: Date) =>
  isOpen(c.status) ? overdueClock(clockOf(c), deadlinesOf(village, c), now.toISOString()) : undefined;

export const targetOf = (village: VillageRecord, c: store.CaseRecord): CaseTarget => ({
  villageId: village.villageId,
  townshipId: village.townshipId,
  route: c.route,
  public: c.public,
  care: c.care,
  escalated: Boolean(c.escalation) && isOpen(c.status),
  groupName: c.groupName,
  submitterId: c.submitter.personId,
  enteredById: c.enteredBy?.personId,
  assigneeId: c.assignee?.personId,
  subjectId: c.about?.personId,
});

export const staffName = (a: Actor) => {
  const role = a.roles.find((r) => r !== 'resident' && r !== 'household_head') ?? 'resident';
  return `${roleLabels[role]} ${a.name}`;
};

/** How the author appears: whole to those who may know; otherwise 匿名, 保密 or masked. */
export function authorFor(a: Actor, village: VillageRecord, c: store.CaseRecord) {
  if (knowsPetitioner(a, targetOf(village, c))) return c.submitter.name;
  // A petitioner is never named in public (domain.md §4), even masked; a suggestion's author may be.
  if (c.anonymous || c.kind === 'petition') return '匿名村民';
  if (!c.public) return '（保密）';
  return maskName(c.submitter.name);
}

/** Adults and representatives on the roster at this moment: the base a co-signed petition is measured against. */
export async function rosterBase(village: VillageRecord, now: Date) {
  const people = await listLivingAdults(village.villageId, now);
  return {
    adults: people.length,
    representatives: people.filter((p) => activeTerms(p, now).some((t) => t.role === 'representative')).length,
  };
}

/* ---------- the view ---------- */

export interface Standing {
  seconds: number;
  seconded: boolean;
  coSigned: boolean;
}

export function actionsFor(
  a: Actor,
  village: VillageRecord,
  c: store.CaseRecord,
  s: Standing,
  now: Date,
): CaseAction[] {
  const t = targetOf(village, c);
  const state = workingState(c.status, c.escalation?.from);
  const decides = decidesCase(a, t);
  const works = worksCase(a, t);
  const isSubmitter = a.personId === c.submitter.personId;
  const supports = allows(a, 'case.support', village) && !isSubmitter && c.public && takesSupport(c.status);
  const d = deadlinesOf(village, c);
  const can: Record<CaseAction, boolean> = {
    accept: decides && canStep('accept', state),
    decline: decides && canStep('decline', state),
    assign: decides && canStep('assign', state),
    progress: works && canStep('progress', state),
    extend: decides && canStep('extend', state) && !c.extension,
    reply: works && canStep('reply', state),
    rate: isSubmitter && canStep('rate', state) && inReviewWindow(d, now.toISOString()),
    second: supports && c.kind === 'suggestion' && !s.seconded,
    cosign: supports && Boolean(c.asksFor) && !s.coSigned && !c.duty,
    merge: decides && canStep('merge', state),
    topic:
      decides &&
      c.kind === 'suggestion' &&
      !c.topicId &&
      canStep('topic', state) &&
      allows(a, 'topic.propose', village),
    meeting: Boolean(c.duty && !c.duty.convened) && allows(a, 'case.convene', village),
    transfer: decides && canStep('transfer', state),
    // The needs and project lists are public: only a public suggestion goes on them.
    sort: decides && c.kind === 'suggestion' && c.public && canStep('sort', state),
  };
  return (Object.keys(can) as CaseAction[]).filter((k) => can[k]);
}

export async function coSigningOf(village: VillageRecord, c: store.CaseRecord, now: Date) {
  if (!c.asksFor) return undefined;
  const count = await store.coSignCount(c.villageId, c.caseId);
  const base = await rosterBase(village, now);
  const rules = village.settings.coSigning;
  return {
    asksFor: c.asksFor,
    ...count,
    adultsNeeded:
      c.asksFor === 'villagers_meeting'
        ? Math.max(1, needed(base.adults, { share: rules.villagersMeetingAdults, strict: false }))
        : undefined,
    representativesNeeded: Math.max(
      1,
      needed(base.representatives, {
        share:
          c.asksFor === 'villagers_meeting' ? rules.villagersMeetingRepresentatives : rules.assemblyRepresentatives,
        strict: false,
      }),
    ),
  };
}

export async function standingOf(a: Actor, c: store.CaseRecord): Promise<Standing> {
  const [seconds, seconded, coSigned] = await Promise.all([
    c.kind === 'suggestion' ? store.countSeconds(c.villageId, c.caseId) : 0,
    c.kind === 'suggestion' ? store.hasSeconded(c.villageId, c.caseId, a.personId) : false,
    c.asksFor ? store.hasCoSigned(c.villageId, c.caseId, a.personId) : false,
  ]);
  return { seconds, seconded, coSigned };
}

export function summaryOf(
  a: Actor,
  village: VillageRecord,
  c: store.CaseRecord,
  seconds: number,
  now: Date,
): CaseSummary {
  const knows = knowsPetitioner(a, targetOf(village, c));
  return {
    caseId: c.caseId,
    villageId: c.villageId,
    kind: c.kind,
    categoryId: c.categoryId,
    categoryLabel: categoryOf(village, c.categoryId)?.label ?? c.categoryId,
    care: c.care,
    text: c.text,
    public: c.public,
    status: c.status,
    route: c.route,
    author: authorFor(a, village, c),
    // A group narrows down who wrote an anonymous or private case: only for those who may know.
    groupName: knows || (c.public && !c.anonymous && c.kind === 'suggestion') ? c.groupName : undefined,
    deadlines: deadlinesOf(village, c),
    overdue: overdueOf(village, c, now),
    escalation: c.escalation ? { reason: c.escalation.reason, at: c.escalation.at } : undefined,
    seconds,
    duty: c.duty,
    track: c.track,
    createdAt: c.submittedAt,
  };
}

export async function viewOf(a: Actor, village: VillageRecord, c: store.CaseRecord, now: Date): Promise<Case> {
  const t = targetOf(village, c);
  const knows = knowsPetitioner(a, t);
  const decides = decidesCase(a, t);
  const standing = await standingOf(a, c);
  return {
    ...summaryOf(a, village, c, standing.seconds, now),
    place: c.place,
    contactPhone: knows && c.contact ? unseal<{ phone: string }>(c.contact).phone : undefined,
    photos: await photoViews(c.villageId, c.photos, now),
    anonymous: c.anonymous,
    submitter: knows ? { ...c.submitter } : undefined,
    enteredBy: knows && c.enteredBy ? { name: c.enteredBy.name, intake: c.enteredBy.intake } : undefined,
    about: c.about && (knows || decides) ? { kind: c.about.kind, name: c.about.name } : undefined,
    assignee: c.assignee,
    extension: c.extension,
    reply: c.reply,
    transfer: c.transfer,
    rating: c.rating,
    coSigning: await coSigningOf(village, c, now),
    mergedInto: c.mergedInto,
    merged: c.merged,
    topicId: c.topicId,
    timeline: c.timeline,
    me: {
      isSubmitter: a.personId === c.submitter.personId,
      seconded: standing.seconded,
      coSigned: standing.coSigned,
      actions: actionsFor(a, village, c, standing, now),
    },
  };
}

/** Which case: township staff also name its village, as they do for reads. */
export interface CaseRef {
  caseId: string;
  villageId?: string;
}

/** A case the caller may see, or "not found" (its existence is not revealed either). */
export async function loadVisible(actor: Actor, villageId: string | undefined, caseId: string) {
  const village = await resolveVillage(actor, villageId);
  const c = await store.getCase(village.villageId, caseId);
  if (!c || !seesCase(actor, targetOf(village, c))) throw notFound(NOT_FOUND);
  return { village, c };
}

/**
 * Every case of the village the caller could open one by one. Counts, charts and
 * whole-village lists start here, so nothing aggregates a case that is a 404 for
 * its reader (a complaint about a committee member must not show up in their counts).
 */
export const casesVisibleTo = async (actor: Actor, village: VillageRecord) =>
  (await store.listVillageCases(village.villageId)).filter((c) => seesCase(actor, targetOf(village, c)));

export async function getCase(actor: Actor, caseId: string, villageId: string | undefined, now: Date) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  const view = await viewOf(actor, village, c, now);
  return { ...view, ...(await careFileOf(actor, village, c)) };
}

/** Whose care file a 关爱线索 is in: for the registry's readers only (one read, care cases only). */
async function careFileOf(actor: Actor, village: VillageRecord, c: store.CaseRecord) {
  if (!categoryOf(village, c.categoryId)?.care || !allows(actor, 'care.view', village)) return {};
  const personId = await careOfCase(village.villageId, c.caseId);
  return personId ? { careFile: { personId } } : {};
}

export async function categories(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  return { items: village.settings.caseCategories };
}
