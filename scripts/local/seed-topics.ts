import { toActor } from '../../src/functions/lib/actor';
import { getPerson } from '../../src/functions/people/store';
import * as topics from '../../src/functions/topics/service';
import type { SeededPerson, SeededVillage } from './seed';

/**
 * Demo topics for `npm start`, made through the use cases themselves: a decided
 * secret vote of the representatives (one of them on paper; its result published
 * as a notice) and a villagers' meeting vote still open, so the app shows both states.
 */
export async function seedTopics(village: SeededVillage, now: Date) {
  const actorOf = async (p: SeededPerson) => {
    const person = await getPerson(p.tenantId, p.personId);
    if (!person) throw new Error(`seed: no ${p.personId}`);
    return toActor(person, now);
  };
  const chair = await actorOf(village.chair);
  // The events queue freezes the electorate after the start on a running stack; the seed has no queue, so it does it here.
  const openNow = async (topicId: string) => {
    await topics.openVoting(chair, topicId, now);
    await topics.freezeElectorate(village.villageId, topicId, now);
  };
  const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();

  const decided = await topics.createTopic(
    chair,
    {
      title: '关于三组至五组村道硬化工程的表决',
      background:
        '三组至五组村道长 2.3 公里，雨天泥泞难行。经村“两委”商议，拟申请上级“一事一议”财政奖补资金，村集体配套 12 万元实施硬化，请村民代表会议表决。',
      body: 'representatives',
      perHousehold: false,
      kind: 'motion',
      options: [],
      secret: true,
      closesAt: inDays(1),
    },
    undefined,
    now,
  );
  await openNow(decided.topicId);
  const [onPaper, away] = village.representatives.slice(-2);
  for (const [i, rep] of village.representatives.entries()) {
    if (rep === onPaper || rep === away) continue;
    await topics.castBallot(await actorOf(rep), decided.topicId, [i === 2 ? 'oppose' : 'approve'], undefined, now);
  }
  // One voted on paper: the scrutineer marks who took the ballot, then enters the box's contents, without names.
  await topics.markVoters(
    chair,
    decided.topicId,
    { personIds: [onPaper.personId], channel: 'paper', proxy: false },
    now,
  );
  await topics.enterBallots(chair, decided.topicId, { ballots: [{ choices: ['approve'], count: 1 }] }, undefined, now);
  await topics.closeVoting(chair, decided.topicId, '到会代表已全部投票', now);

  const open = await topics.createTopic(
    chair,
    {
      title: '村民广场增设健身器材选址',
      background: '镇里拨付一批健身器材，安装在哪里由村民决定。每户一票，请在三天内投票。',
      body: 'villagers_meeting',
      perHousehold: true,
      kind: 'single',
      options: ['村委会门前广场', '老年活动中心旁', '小学东侧空地'],
      secret: false,
      closesAt: inDays(3),
    },
    undefined,
    now,
  );
  await openNow(open.topicId);
  await topics.postComment(
    await actorOf(village.residents[2]),
    open.topicId,
    '老年活动中心旁最好，老人锻炼方便。',
    undefined,
    now,
  );
}
