import { householdTurnout, needed } from '../../shared/rules/quorum';
import type { Actor } from '../lib/actor';
import { auditPut } from '../lib/audit';
import { conflict, notFound } from '../lib/errors';
import { allows } from '../lib/policy';
import type { PersonRecord } from '../people/store';
import { resolveVillage } from '../villages/service';
import type { VillageRecord } from '../villages/store';
import * as store from './store';

export const STALE = '议题刚被其他人修改过，请刷新后再试';
export const ref = (a: Actor) => ({ personId: a.personId, name: a.name });
export const audit = (
  actor: { personId: string },
  v: VillageRecord,
  at: string,
  action: string,
  topicId: string,
  more = {},
) => auditPut({ tenantId: v.villageId, at, actorId: actor.personId, action, target: `topic:${topicId}`, ...more });

export async function loadTopic(village: VillageRecord, topicId: string) {
  const t = await store.getTopic(village.villageId, topicId);
  if (!t) throw notFound('没有找到该议题');
  return t;
}

export const PREPARING = '表决名单正在生成，请稍候再试';

/** Ballots are taken only while a vote is open and its time is not up. */
export function assertVoting(t: store.TopicRecord, now: Date) {
  if (t.status === 'opening') throw conflict(PREPARING);
  if (t.status !== 'open' || t.closesAt <= now.toISOString()) throw conflict('表决已经结束');
}

/** The electorate exists once frozen: from the moment voting is open. */
const hasElectorate = (t: store.TopicRecord) => t.status === 'open' || t.status === 'closed';

/** News of a topic goes to its frozen electorate and opens the topic. */
export const topicNews = (t: store.TopicRecord) => ({
  villageId: t.villageId,
  link: { page: 'topic' as const, id: t.topicId },
  to: [{ kind: 'electorate' as const, topicId: t.topicId }],
});

/** The vote a person holds in this topic's electorate: their own, or their household's. */
export const voterKeyOf = (t: store.TopicRecord, p: Pick<PersonRecord, 'personId' | 'householdId'>) =>
  t.perHousehold ? `HH-${p.householdId ?? ''}` : p.personId;

/* ---------- reading ---------- */

export const ruleOf = (village: VillageRecord, t: store.TopicRecord) => {
  const rule = village.settings.voteRules[t.body];
  return t.perHousehold ? { ...rule, turnout: householdTurnout } : rule;
};
export const unitOf = (t: store.TopicRecord) => (t.perHousehold ? ('户' as const) : ('人' as const));

/**
 * Who took part is public to the electorate (domain.md §5), and to those who run
 * the vote in the village (committee and supervisors, the scrutineers); anyone
 * else, township staff included, sees the counts only: a party members' meeting
 * names no party member to the rest of the village.
 */
export const seesWhoVoted = (actor: Actor, village: VillageRecord, standing: { eligible: boolean }) =>
  standing.eligible || allows(actor, 'topic.scrutinize', village);

/** Names on one page of who took part: enough for a village meeting's list, one read whatever the electorate. */
export const TOOK_PART_PAGE = 200;

/**
 * The counts come from the tally shards and the head (a fixed few reads, refreshed
 * every few seconds on every open screen); who took part, for those who may see it,
 * a page of names at a time from the items written with each vote.
 */
export async function turnout(actor: Actor, topicId: string, villageId: string | undefined, cursor?: string) {
  const village = await resolveVillage(actor, villageId);
  const t = await loadTopic(village, topicId);
  const electorate = t.electorate ?? 0;
  const counts = {
    electorate,
    participants: hasElectorate(t) ? (await store.tally(village.villageId, topicId)).participants : 0,
    needed: needed(electorate, ruleOf(village, t).turnout),
    unit: unitOf(t),
  };
  if (!seesWhoVoted(actor, village, await myStanding(actor, t))) return counts;
  const names = hasElectorate(t)
    ? await store.pageTookPart(village.villageId, topicId, TOOK_PART_PAGE, cursor)
    : { items: [], nextCursor: undefined };
  const more = names.nextCursor ? { nextCursor: names.nextCursor } : {};
  if (t.secret) {
    // By name: no order that follows the voting could line a voter up with anything else.
    const voters = names.items.map((v) => ({ name: v.name, channel: v.channel }));
    voters.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return { ...counts, voters, ...more };
  }
  return {
    ...counts,
    voters: names.items.map((v) => ({ name: v.name, channel: v.channel, choices: v.choices ?? [] })),
    ...more,
  };
}

export async function myStanding(actor: Actor, t: store.TopicRecord) {
  if (!hasElectorate(t) || actor.tenant.kind !== 'village') return { eligible: false, voted: false };
  const voter = await store.getVoter(t.villageId, t.topicId, voterKeyOf(t, actor));
  return { eligible: Boolean(voter?.personIds.includes(actor.personId)), voted: Boolean(voter?.voted) };
}

export async function listTopics(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  return { items: (await store.listTopics(village.villageId)).map(({ background, ...t }) => t) };
}
