import type { z } from 'zod';
import { takesSupport } from '../../shared/rules/case-flow';
import { addDays, localDay } from '../../shared/rules/local-day';
import { meetsShare } from '../../shared/rules/quorum';
import { type MeetingRequest, meetingLabels } from '../../shared/schemas/case';
import type { Actor } from '../lib/actor';
import { conflict, forbidden, invalidField } from '../lib/errors';
import { authorize } from '../lib/policy';
import { getPerson, isAdultOn } from '../people/store';
import type { VillageRecord } from '../villages/store';
import { applyStep, givingWay } from './steps';
import * as store from './store';
import { type CaseRef, loadVisible, rosterBase, staffName, viewOf } from './view';

/* ---------- 附议 and 联名 ---------- */

async function forSupport(actor: Actor, { caseId, villageId }: CaseRef) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  authorize(actor, 'case.support', village);
  if (actor.tenant.kind !== 'village') throw forbidden('只有本村村民可以附议或联名');
  if (!c.public) throw conflict('这件事没有公开，不能附议或联名');
  if (c.submitter.personId === actor.personId) throw conflict('不能附议或联名自己提出的事');
  if (!takesSupport(c.status)) throw conflict('这件事已经办结，不能再附议或联名');
  return { village, c };
}

export async function second(actor: Actor, { caseId, villageId }: CaseRef, now: Date) {
  const { c } = await forSupport(actor, { caseId, villageId });
  if (c.kind !== 'suggestion') throw conflict('只有建议可以附议；诉求请用联名');
  // Seconding is a state, not an event: a retry (or a second tap) is told what stands, not "already done".
  const outcome = await store.second(c, actor.personId, now.toISOString());
  if (outcome === 'closed') throw conflict('这件事已经办结，不能再附议');
  return { caseId, seconds: await store.countSeconds(c.villageId, c.caseId) };
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 五分之一, as the law writes a share; numbers past ten stay in figures. */
const fractionWords = ([a, b]: [number, number]) => `${digits[b] ?? b}分之${digits[a] ?? a}`;

/** The duty a co-signed petition creates once it reaches a threshold (组织法 art. 21, 26), in plain words. */
function dutyReached(
  village: VillageRecord,
  c: store.CaseRecord,
  count: store.CoSignCount,
  base: { adults: number; representatives: number },
) {
  const rules = village.settings.coSigning;
  const reaches = (n: number, total: number, share: [number, number]) =>
    total > 0 && n > 0 && meetsShare(n, total, { share, strict: false });
  if (c.asksFor === 'villagers_meeting') {
    if (reaches(count.coSigners, base.adults, rules.villagersMeetingAdults))
      return `联名 ${count.coSigners} 人，达到全村 ${base.adults} 名成年村民的${fractionWords(rules.villagersMeetingAdults)}`;
    if (reaches(count.representatives, base.representatives, rules.villagersMeetingRepresentatives))
      return `联名村民代表 ${count.representatives} 人，达到全村 ${base.representatives} 名村民代表的${fractionWords(rules.villagersMeetingRepresentatives)}`;
    return undefined;
  }
  if (reaches(count.representatives, base.representatives, rules.assemblyRepresentatives))
    return `联名村民代表 ${count.representatives} 人，达到全村 ${base.representatives} 名村民代表的${fractionWords(rules.assemblyRepresentatives)}`;
  return undefined;
}

export async function coSign(actor: Actor, { caseId, villageId }: CaseRef, now: Date) {
  const { village, c } = await forSupport(actor, { caseId, villageId });
  if (!c.asksFor) throw conflict('这件诉求没有要求召开会议，不需要联名');
  const me = await getPerson(village.villageId, actor.personId);
  if (!me || !isAdultOn(me, now)) throw forbidden('只有年满 18 周岁的本村村民可以联名');
  // Like seconding, co-signing again answers with the case as it stands: it still counts once.
  await store.coSign(c, actor.personId, actor.roles.includes('representative'), now.toISOString());
  const fresh = (await store.getCase(village.villageId, caseId)) ?? c;
  const basis =
    !fresh.duty &&
    dutyReached(village, fresh, await store.coSignCount(c.villageId, c.caseId), await rosterBase(village, now));
  if (!basis) return viewOf(actor, village, fresh, now);
  const duty = {
    body: fresh.asksFor ?? 'villagers_meeting',
    reachedAt: now.toISOString(),
    basis,
    noticeDays: village.settings.coSigning.meetingNoticeDays,
  };
  const note = `${basis}，村委会应当召集${meetingLabels[duty.body]}（提前 ${duty.noticeDays} 天通知）`;
  // A step taken a moment ago may have moved the head; the next co-signer checks again, so a lost race only delays the duty.
  const done = await givingWay(
    applyStep(
      actor.personId,
      undefined,
      village,
      fresh,
      { action: 'cosign', to: fresh.status, note, change: { duty } },
      now,
    ),
  );
  return viewOf(actor, village, done ?? (await store.getCase(village.villageId, caseId)) ?? fresh, now);
}

/** The committee records the meeting it was obliged to call, no sooner than the notice the law asks. */
export async function convene(
  actor: Actor,
  { caseId, villageId }: CaseRef,
  req: z.output<typeof MeetingRequest>,
  now: Date,
) {
  const { village, c } = await loadVisible(actor, villageId, caseId);
  authorize(actor, 'case.convene', village);
  if (!c.duty) throw conflict('这件诉求的联名还没有达到法定人数');
  if (c.duty.convened) throw conflict('已经召集过会议了');
  const today = localDay(now, village.settings.utcOffsetMinutes);
  const earliest = addDays(today, c.duty.noticeDays);
  if (req.on < earliest) throw invalidField('on', `会议日期：须提前 ${c.duty.noticeDays} 天通知，最早 ${earliest}`);
  const convened = { on: req.on, place: req.place, at: now.toISOString(), by: staffName(actor) };
  const note = `定于 ${req.on} 在${req.place}召开${meetingLabels[c.duty.body]}`;
  const done = await applyStep(
    actor.personId,
    staffName(actor),
    village,
    c,
    { action: 'meeting', to: c.status, note, change: { duty: { ...c.duty, convened } } },
    now,
  );
  return viewOf(actor, village, done, now);
}
