import { isOpen } from '../../shared/rules/case-flow';
import { type CaseDashboard, type CaseStatus, caseStatusLabels } from '../../shared/schemas/case';
import type { Actor } from '../lib/actor';
import { forbidden } from '../lib/errors';
import { authorize } from '../lib/policy';
import { resolveVillage } from '../villages/service';
import { getVillage, listTownshipVillages } from '../villages/store';
import { applyStep, givingWay, type Step } from './steps';
import * as store from './store';
import { casesVisibleTo, categoryOf, overdueOf, summaryOf } from './view';

/* ---------- the scheduled escalation ---------- */

/**
 * Every case whose clock has run out: an undecided or unresolved one escalates
 * to the township; an answered one whose review window has ended is closed.
 */
export async function escalateDue(now: Date) {
  let escalated = 0;
  let closed = 0;
  for (let round = 0; round < 20; round++) {
    const due = await store.dueCases(now);
    for (const entry of due) {
      const step = await dueStep(entry, now);
      if (!step) {
        await store.dropClock(entry.sk);
        continue;
      }
      // A step taken by someone a moment ago moves the clock itself; this one gives way.
      const done = await givingWay(applyStep('system', '系统', step.village, step.c, step.step, now));
      if (!done) continue;
      if (step.step.action === 'escalate') escalated++;
      else closed++;
    }
    if (due.length < store.DUE_PAGE) break;
  }
  return { escalated, closed };
}

/** What a due clock entry calls for, if anything: nothing when the case has moved on or is already escalated for it. */
async function dueStep(entry: { sk: string; villageId: string; caseId: string }, now: Date) {
  const village = await getVillage(entry.villageId);
  const c = village && (await store.getCase(entry.villageId, entry.caseId));
  if (!village || !c || c.clock !== entry.sk) return undefined;
  const late = overdueOf(village, c, now);
  if (late) {
    const reason = late === 'accept' ? 'overdue_accept' : 'overdue_resolve';
    if (c.escalation?.reason === reason) return undefined; // already on the township's list for this clock
    const note = late === 'accept' ? '超过受理期限，自动上报乡镇' : '超过办结期限，自动上报乡镇';
    const change = { escalation: { reason, at: now.toISOString(), from: c.status } } as const;
    return { village, c, step: { action: 'escalate', to: 'escalated', note, change } satisfies Step };
  }
  if (c.status === 'resolved' || c.status === 'rated')
    return {
      village,
      c,
      step: { action: 'close', to: 'closed', note: '复查请求期限已过，结案', change: {} } satisfies Step,
    };
  return undefined;
}

/* ---------- oversight ---------- */

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const counted = (keysOf: string[], label: (k: string) => string) => {
  const m = new Map<string, number>();
  for (const k of keysOf) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count);
};

export async function dashboard(actor: Actor, villageId: string | undefined, now: Date): Promise<CaseDashboard> {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'case.dashboard', village);
  const all = await casesVisibleTo(actor, village);
  const open = all.filter((c) => isOpen(c.status));
  const ratings = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const c of all) if (c.rating) ratings[c.rating.rating]++;
  const rated = ratings.satisfied + ratings.basically + ratings.unsatisfied;
  return {
    villageId: village.villageId,
    villageName: village.name,
    total: all.length,
    open: open.length,
    overdue: open.filter((c) => overdueOf(village, c, now)).length,
    escalated: open.filter((c) => c.escalation).length,
    dutiesPending: all.filter((c) => c.duty && !c.duty.convened).length,
    byStatus: counted(
      all.map((c) => c.status),
      (k) => caseStatusLabels[k as CaseStatus],
    ),
    byCategory: counted(
      all.map((c) => c.categoryId),
      (k) => categoryOf(village, k)?.label ?? k,
    ),
    byGrid: counted(
      all.map((c) => c.groupName ?? '未分组'),
      (k) => k,
    ),
    averageDaysToAccept: mean(all.flatMap((c) => (c.acceptedAt ? [days(c.submittedAt, c.acceptedAt)] : []))),
    averageDaysToResolve: mean(all.flatMap((c) => (c.acceptedAt && c.reply ? [days(c.acceptedAt, c.reply.at)] : []))),
    ratings,
    satisfactionRate: rated ? Math.round(((ratings.satisfied + ratings.basically) / rated) * 100) / 100 : null,
  };
}

/** The township's list: escalated and overdue cases of all its villages (care concerns only for civil affairs). */
export async function townshipList(actor: Actor, now: Date) {
  if (actor.tenant.kind !== 'township') throw forbidden('只有乡镇工作人员可以查看上报乡镇的事项');
  const villages = await listTownshipVillages(actor.tenant.townshipId);
  const rows = await Promise.all(
    villages.map(async (v) => {
      const village = await getVillage(v.villageId);
      if (!village) return [];
      authorize(actor, 'case.township', village);
      const cases = (await casesVisibleTo(actor, village)).filter(
        (c) => isOpen(c.status) && (c.escalation || overdueOf(village, c, now) || c.route !== 'committee'),
      );
      return cases.map((c) => ({ ...summaryOf(actor, village, c, 0, now), villageName: village.name }));
    }),
  );
  const items = rows
    .flat()
    .sort((a, b) =>
      (a.deadlines.resolveBy ?? a.deadlines.acceptBy).localeCompare(b.deadlines.resolveBy ?? b.deadlines.acceptBy),
    );
  return { items };
}
