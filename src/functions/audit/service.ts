import type * as z from 'zod';
import { addDays, localDay } from '../../shared/rules/local-day';
import { sensitiveFields } from '../../shared/rules/tiers';
import type { AuditListEntry, AuditListQuery } from '../../shared/schemas/audit';
import type { Role } from '../../shared/schemas/person';
import { getCases } from '../cases/store';
import { type Actor, activeTerms } from '../lib/actor';
import { authorize } from '../lib/policy';
import { getPeople, type PersonRecord } from '../people/store';
import { resolveVillage } from '../villages/service';
import { latestAnchorOf } from './anchor';
import { verifyChain } from './chain';
import { pageEntries, type StoredEntry } from './entries';

/** The 监委会 and the township check a village's record link by link. */
export async function verify(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'audit.verify', village);
  return verifyChain(village.villageId);
}

/** The head anchored last: anyone in the village may see it (it is posted on 村务公开). */
export async function latestAnchor(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  return { anchor: await latestAnchorOf(village.villageId) };
}

/** What only a petitioner does: whoever did it is a petitioner, whose identity the record never shows. */
const PETITIONER_ACTIONS = new Set(['case.submit', 'case.rate', 'case.second', 'case.cosign']);
/** Who acts on a case as staff: their name is shown; anyone else on a case is a petitioner or a supporter. */
const CASE_STAFF: Role[] = ['committee', 'party_branch', 'supervisor', 'grid_worker'];
const DEFAULT_DAYS = 30;

/**
 * 操作记录 for the 监委会 and the township: every change in the village, newest
 * first, filtered by who did it, its kind and the village's days. An entry shows
 * what changed by field name, and values only of fields that are not sensitive.
 * Who did something to a case is shown only for staff: a petitioner's or a
 * co-signer's identity stays hidden, and a filter by person never finds what
 * it would hide, so a filter narrows the view and never widens it.
 */
export async function listEntries(actor: Actor, q: z.output<typeof AuditListQuery>, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  authorize(actor, 'audit.browse', village);
  const offset = village.settings.utcOffsetMinutes;
  const to = q.to ?? localDay(now, offset);
  const from = q.from ?? addDays(to, -DEFAULT_DAYS);
  const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - offset * 60_000);
  const range = {
    fromAt: dayStart(from).toISOString(),
    toAt: new Date(dayStart(addDays(to, 1)).getTime() - 1).toISOString(),
  };
  const page = await pageEntries(village.villageId, range, { actorId: q.person, kind: q.kind }, q.limit, q.cursor);
  const people = await getPeople(
    village.villageId,
    page.items.flatMap((e) => [e.actorId, ...personTarget(e)]),
  );
  const byId = new Map(people.map((p) => [p.personId, p]));
  const submitters = await caseSubmitters(village.villageId, page.items);
  const items = page.items.map((e) => view(e, byId, submitters)).filter((e) => !q.person || e.actorId === q.person);
  return { items, nextCursor: page.nextCursor };
}

const personTarget = (e: StoredEntry) => (e.target.startsWith('person:') ? [e.target.slice('person:'.length)] : []);

async function caseSubmitters(villageId: string, entries: StoredEntry[]) {
  const caseIds = [...new Set(entries.flatMap((e) => (e.target.startsWith('case:') ? [e.target.slice(5)] : [])))];
  const cases = await getCases(villageId, caseIds);
  return new Map(cases.map((c) => [c.caseId, c.submitter.personId]));
}

function actorShown(e: StoredEntry, actor: PersonRecord | undefined, submitters: Map<string, string>) {
  if (!e.target.startsWith('case:')) return true;
  if (PETITIONER_ACTIONS.has(e.action)) return false;
  if (submitters.get(e.target.slice(5)) === e.actorId) return false;
  // Not on the village's register: the system, or township staff acting on an escalated case.
  if (!actor) return true;
  return activeTerms(actor, new Date(e.at)).some((t) => CASE_STAFF.includes(t.role));
}

function view(e: StoredEntry, people: Map<string, PersonRecord>, submitters: Map<string, string>): AuditListEntry {
  const actor = people.get(e.actorId);
  const shown = actorShown(e, actor, submitters);
  const target = personTarget(e)[0];
  // The log keeps no sensitive value (lib/audit.ts fieldChanges); dropping them here as well keeps an older entry's out too.
  const valued = new Map((e.changes ?? []).filter((c) => !sensitiveFields.has(c.field)).map((c) => [c.field, c]));
  return {
    entryId: e.sk.slice(e.sk.indexOf('#') + 1),
    at: e.at,
    action: e.action,
    kind: e.action.slice(0, e.action.indexOf('.')),
    ...(shown ? { actorId: e.actorId, actorName: e.actorId === 'system' ? '系统' : actor?.name } : {}),
    target: e.target,
    ...(target ? { targetName: people.get(target)?.name } : {}),
    reason: e.reason,
    changes: (e.changedFields ?? [...valued.keys()]).map((field) => ({
      field,
      before: valued.get(field)?.before,
      after: valued.get(field)?.after,
    })),
  };
}
