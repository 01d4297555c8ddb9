import { auditPut } from '../lib/audit';
import { transact } from '../lib/db';
import { everyVillage, type VillageRecord } from '../villages/store';
import * as store from './store';

/**
 * Retention (PIPL art. 19 and 47; the privacy policy's "保存多久"): a petition
 * closed longer ago than the village's setting (privacy.closedPetitionDays) keeps
 * its text, its handling and its outcome as the village's record, but no longer
 * who asked or how to reach them: the petitioner is replaced by a placeholder, the
 * sealed contact phone and the person's own rating comment are dropped, and an
 * audit entry says so. The audit chain keeps its entries as they were (they hold
 * ids, never names or numbers): rewriting them would break the chain.
 */
export const ANONYMISED = { personId: 'ANONYMISED', name: '（已按保存期限删除）' };
const DAY = 86_400_000;

/** When a closed case closed: its last timeline step. */
const closedAt = (c: store.CaseRecord) => c.timeline.at(-1)?.at ?? c.submittedAt;

export async function anonymiseVillage(village: VillageRecord, now: Date) {
  const before = new Date(now.getTime() - village.settings.privacy.closedPetitionDays * DAY).toISOString();
  const due = (await store.listVillageCases(village.villageId)).filter(
    (c) => c.kind === 'petition' && c.status === 'closed' && !c.anonymisedAt && closedAt(c) < before,
  );
  let done = 0;
  for (const c of due) {
    const { contact: _contact, rating, ...rest } = c;
    const next: store.CaseRecord = {
      ...rest,
      ...(rating ? { rating: { rating: rating.rating, at: rating.at } } : {}),
      submitter: ANONYMISED,
      anonymisedAt: now.toISOString(),
      version: c.version + 1,
    };
    const audit = auditPut({
      tenantId: village.villageId,
      at: now.toISOString(),
      actorId: 'system',
      action: 'case.anonymise',
      target: `case:${c.caseId}`,
      reason: `办结满 ${village.settings.privacy.closedPetitionDays} 天，删除诉求人身份和联系方式`,
    });
    // A step taken on the case a moment ago wins; the next run finds it again.
    if (await transact([store.putCase(next, c.version), audit])) done++;
  }
  return done;
}

/** Scheduled, daily: every village of every township. */
export async function anonymiseDue(now: Date) {
  let anonymised = 0;
  for await (const village of everyVillage()) anonymised += await anonymiseVillage(village, now);
  return anonymised;
}
