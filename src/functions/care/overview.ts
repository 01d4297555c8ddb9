import { addDays, localDay } from '../../shared/rules/local-day';
import type { CareOverview } from '../../shared/schemas/care';
import type { Actor } from '../lib/actor';
import { authorize } from '../lib/policy';
import { resolveVillage } from '../villages/service';
import { getVillage, listTownshipVillages, type VillageRecord } from '../villages/store';
import { visitDue } from './service';
import { flagsSince, listHeads, openProblems } from './store';

/** A guardian whose ward's visits found problems this often is listed for replacement to be weighed. */
const REPEATED = 2;
/** How far back the flagged visits are listed. */
const FLAGS_DAYS = 365;

/**
 * The township's view of every village it oversees (a village's committee and 监委会 see their own):
 * overdue visits, open problems, guardians with repeated problems, visits flagged as copied or late.
 * Each village is read by its keys (its registry, its open problems, its flags): counts and names, no sealed field.
 */
export async function overview(actor: Actor, now: Date): Promise<CareOverview> {
  const villages: VillageRecord[] =
    actor.tenant.kind === 'township'
      ? (
          await Promise.all((await listTownshipVillages(actor.tenant.townshipId)).map((v) => getVillage(v.villageId)))
        ).filter((v): v is VillageRecord => Boolean(v))
      : [await resolveVillage(actor)];
  for (const v of villages) authorize(actor, 'care.view', v);
  const nowIso = now.toISOString();
  const out: CareOverview = {
    villages: [],
    overdueVisits: [],
    openProblems: [],
    repeatedGuardians: [],
    flaggedVisits: [],
  };
  for (const village of villages) {
    const place = { villageId: village.villageId, villageName: village.name };
    const since = addDays(localDay(now, village.settings.utcOffsetMinutes), -FLAGS_DAYS);
    const [heads, problems, flags] = await Promise.all([
      listHeads(village.villageId),
      openProblems(village.villageId),
      flagsSince(village.villageId, since),
    ]);
    const names = new Map(heads.map((h) => [h.personId, h.name]));
    const overdue = heads.flatMap((h) => {
      const due = visitDue(h, village, now);
      return due.visitOverdue
        ? [
            {
              ...place,
              personId: h.personId,
              name: h.name,
              nextVisitDue: due.nextVisitDue,
              lastVisitOn: due.lastVisitOn,
            },
          ]
        : [];
    });
    const repeated = heads
      .filter((h) => h.guardian.problemCount >= REPEATED)
      .map((h) => ({
        ...place,
        personId: h.personId,
        name: h.name,
        guardianName: h.guardian.name,
        problemCount: h.guardian.problemCount,
      }));
    const open = problems.map((p) => ({
      ...place,
      personId: p.personId,
      name: names.get(p.personId) ?? '',
      problemId: p.problemId,
      area: p.area,
      dueAt: p.dueAt,
      overdue: p.dueAt <= nowIso,
      ownerName: p.ownerName,
    }));
    const flagged = flags.map((f) => ({ ...place, ...f }));
    out.villages.push({
      ...place,
      people: heads.length,
      overdueVisits: overdue.length,
      openProblems: open.length,
      overdueProblems: open.filter((p) => p.overdue).length,
      flaggedVisits: flagged.length,
      repeatedGuardians: repeated.length,
    });
    out.overdueVisits.push(...overdue);
    out.openProblems.push(...open);
    out.repeatedGuardians.push(...repeated);
    out.flaggedVisits.push(...flagged.reverse());
  }
  return out;
}
