import { localDateTime, localDay } from '../../shared/rules/local-day';
import { decide } from '../../shared/rules/quorum';
import type { Notice } from '../../shared/schemas/notice';
import type { Outcome } from '../../shared/schemas/topic';
import type { Actor } from '../lib/actor';
import { table, transact } from '../lib/db';
import { conflict, invalidField } from '../lib/errors';
import { newId } from '../lib/ids';
import { emit } from '../lib/outbox';
import { authorize } from '../lib/policy';
import * as notices from '../notices/store';
import { ownVillage } from '../villages/service';
import { getVillage, type VillageRecord } from '../villages/store';
import * as store from './store';
import { audit, loadTopic, myStanding, PREPARING, ref, ruleOf, STALE, topicNews, unitOf } from './view';

// Closing a vote, by the committee or when its time is up, and publishing the result as a notice.

function resultNotice(
  village: VillageRecord,
  t: store.TopicRecord,
  outcome: Outcome,
  by: { personId: string; name: string },
  at: string,
): Notice {
  const label = new Map(t.options.map((o) => [o.optionId, o.label]));
  const lines = outcome.tallies.map((x) => `${label.get(x.optionId) ?? x.optionId}：${x.votes} 票`);
  const when = (iso: string) => localDateTime(iso, village.settings.utcOffsetMinutes);
  const closedAt = when(t.closedAt ?? at);
  return {
    noticeId: newId(Date.parse(at)),
    villageId: village.villageId,
    category: 'village',
    title: `表决结果：${t.title}`.slice(0, 60),
    body: [
      `议题：${t.title}`,
      `表决方式：${t.secret ? '无记名投票' : '记名投票'}，表决时间至 ${closedAt}。`,
      ...(t.closedEarlyReason
        ? [`村委会于 ${closedAt} 提前结束表决（原定 ${when(t.closesAt)} 结束），原因：${t.closedEarlyReason}。`]
        : []),
      outcome.explanation,
      ...lines,
    ].join('\n'),
    major: false,
    attachments: [],
    status: 'published',
    version: 1,
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    publishedAt: at,
  };
}

/**
 * Counts (summing the tally shards), applies the village's quorum and majority
 * rules, and publishes the result as a 村务 notice, linked both ways, in one
 * transaction with the topic's closing.
 */
export async function closeAndPublish(
  village: VillageRecord,
  t: store.TopicRecord,
  by: { personId: string; name: string },
  now: Date,
  earlyReason?: string,
) {
  const at = now.toISOString();
  const count = await store.tally(village.villageId, t.topicId);
  const outcome = decide({
    kind: t.kind,
    electorate: t.electorate ?? 0,
    participants: count.participants,
    tallies: t.options.map((o) => ({ optionId: o.optionId, votes: count.votesFor(o.optionId) })),
    rule: ruleOf(village, t),
    unit: unitOf(t),
  });
  const decidedOn = localDay(now, village.settings.utcOffsetMinutes);
  const verdict = `${outcome.valid ? '表决有效' : '表决无效'}，${outcome.passed ? '通过' : '未通过'}`;
  const closed: store.TopicRecord = {
    ...t,
    stages: t.major
      ? [
          ...t.stages,
          {
            stage: 'decision',
            on: decidedOn,
            minutes: outcome.explanation,
            outcome: verdict,
            recordedBy: by,
            recordedAt: at,
          },
          {
            stage: 'decision_published',
            on: decidedOn,
            minutes: '表决结果已自动公告',
            outcome: '已公开',
            recordedBy: by,
            recordedAt: at,
          },
        ]
      : t.stages,
    status: 'closed',
    closedAt: at,
    ...(earlyReason ? { closedEarlyReason: earlyReason } : {}),
    result: outcome,
  };
  const notice = resultNotice(village, closed, outcome, by, at);
  const linked = { ...closed, resultNoticeId: notice.noticeId };
  const { items, afterCommit } = notices.withTitleWords(
    [
      store.putTopic(linked, 'open'),
      {
        Put: { TableName: table(), Item: notices.noticeItem(notice), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      notices.putVersion(village.villageId, notices.firstVersion(notice, by, at)),
      emit({ ...topicNews(t), kind: 'topic.result', data: { title: t.title, verdict } }, now),
      audit(
        by,
        village,
        at,
        earlyReason ? 'topic.close-early' : 'topic.close',
        t.topicId,
        earlyReason ? { reason: earlyReason } : {},
      ),
    ],
    notice,
  );
  if (!(await transact(items))) {
    const now2 = await store.getTopic(village.villageId, t.topicId);
    if (now2?.status === 'closed') return now2; // closed a moment ago by someone else, or by the scheduler
    throw conflict(STALE);
  }
  await afterCommit();
  return linked;
}

/** Ending before the scheduled time needs the committee's reason, which the result notice states. */
export async function closeVoting(actor: Actor, topicId: string, reason: string | undefined, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'topic.run', village);
  const t = await loadTopic(village, topicId);
  if (t.status === 'opening') throw conflict(PREPARING);
  if (t.status !== 'open') throw conflict(t.status === 'draft' ? '这个议题还没有开始表决' : '表决已经结束');
  const early = now.toISOString() < t.closesAt;
  if (early && !reason) throw invalidField('reason', '提前结束表决，请写明原因');
  const closed = await closeAndPublish(village, t, ref(actor), now, early ? reason : undefined);
  return { ...closed, me: await myStanding(actor, closed) };
}

/** The scheduled closer: every topic whose window has passed is counted and its result published. */
export async function closeDue(now: Date) {
  let closed = 0;
  for (const { villageId, topicId } of await store.dueTopics(now)) {
    const village = await getVillage(villageId);
    const t = village && (await store.getTopic(villageId, topicId));
    if (village && t?.status === 'open') {
      await closeAndPublish(village, t, t.createdBy, now);
      closed++;
    }
  }
  return closed;
}
