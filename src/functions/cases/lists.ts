import type { z } from 'zod';
import { isOpen, similarity, takesSupport } from '../../shared/rules/case-flow';
import type { CaseListQuery, CaseTrack } from '../../shared/schemas/case';
import type { Actor } from '../lib/actor';
import * as keys from '../lib/keys';
import { allows, knowsPetitioner, seesCase } from '../lib/policy';
import { ownVillage, resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import * as store from './store';
import { casesVisibleTo, summaryOf, targetOf } from './view';

/* ---------- lists ---------- */

/** 附议 counts of a list of cases (petitions are not seconded). */
async function secondsOf(cases: store.CaseRecord[]) {
  const suggestions = cases.filter((c) => c.kind === 'suggestion');
  if (!suggestions.length) return cases.map(() => 0);
  const counts = await store.countSecondsOf(
    suggestions[0].villageId,
    suggestions.map((c) => c.caseId),
  );
  const countOf = new Map(suggestions.map((c, i) => [c.caseId, counts[i]]));
  return cases.map((c) => countOf.get(c.caseId) ?? 0);
}

export async function listCases(actor: Actor, q: z.output<typeof CaseListQuery>, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  const keep = (c: store.CaseRecord) =>
    seesCase(actor, targetOf(village, c)) && (q.open === undefined || isOpen(c.status) === q.open);
  const page =
    q.view === 'work'
      ? await workPage(actor, village, q, keep)
      : q.view === 'public' && q.track
        ? await trackPage(village, q.track, q, keep)
        : await indexPage(actor, village, q, keep);
  const seconds = await secondsOf(page.items);
  return {
    items: page.items.map((c, i) => summaryOf(actor, village, c, seconds[i], now)),
    nextCursor: page.nextCursor,
  };
}

/** 我的 and 全村公开: a page of the index, less what the caller may not see. */
async function indexPage(
  actor: Actor,
  village: VillageRecord,
  q: z.output<typeof CaseListQuery>,
  keep: (c: store.CaseRecord) => boolean,
) {
  const part =
    q.view === 'mine'
      ? keys.submitterPartition(village.villageId, actor.personId)
      : keys.publicCasePartition(village.villageId);
  const page = await store.pageIndex(part, village.villageId, q.limit, q.cursor);
  return { items: page.items.filter(keep), nextCursor: page.nextCursor };
}

/** 需求清单 / 项目清单: the suggestions on one list, newest on it first. */
async function trackPage(
  village: VillageRecord,
  track: CaseTrack,
  q: z.output<typeof CaseListQuery>,
  keep: (c: store.CaseRecord) => boolean,
) {
  const page = await store.pageTrack(village.villageId, track, q.limit, q.cursor);
  return { items: page.items.filter((c) => c.track?.kind === track && keep(c)), nextCursor: page.nextCursor };
}

/** 我经办的: cases the caller handles, follows in their grid, or oversees (not every public one), newest first. */
async function workPage(
  actor: Actor,
  village: VillageRecord,
  q: z.output<typeof CaseListQuery>,
  keep: (c: store.CaseRecord) => boolean,
) {
  const oversees = allows(actor, 'case.dashboard', village);
  const all = (await store.listVillageCases(village.villageId))
    .reverse()
    .filter(
      (c) =>
        (!q.cursor || c.caseId < q.cursor) &&
        c.submitter.personId !== actor.personId &&
        keep(c) &&
        (oversees || knowsPetitioner(actor, targetOf(village, c))),
    );
  const items = all.slice(0, q.limit);
  return { items, nextCursor: all.length > q.limit ? items[items.length - 1].caseId : null };
}

/** Open public suggestions like a text being written: "me too" (附议) instead of a duplicate. */
export async function similarCases(actor: Actor, text: string, categoryId: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  const candidates = (await casesVisibleTo(actor, village)).filter(
    (c) =>
      c.kind === 'suggestion' && c.public && takesSupport(c.status) && (!categoryId || c.categoryId === categoryId),
  );
  const ranked = candidates
    .map((c) => ({ c, similarity: similarity(text, c.text) }))
    .filter((r) => r.similarity >= 0.2)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
  const seconds = await secondsOf(ranked.map((r) => r.c));
  return {
    items: ranked.map((r, i) => ({
      ...summaryOf(actor, village, r.c, seconds[i], now),
      similarity: Math.round(r.similarity * 100) / 100,
    })),
  };
}
