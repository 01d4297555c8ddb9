import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckList } from '../../shared/schemas/oversight';
import { stageLabels } from '../../shared/schemas/topic';
import { tov } from '../i18n/oversight';
import { t } from '../i18n/zh-CN';
import { formatDate } from '../services/format';

type Line = { key: string; text: string; meta?: string; url?: string };
const C = tov.checkList;

/** Each section of the check list as lines to read (and, on the phone, to tap). */
function sectionsOf(list: CheckList, villageId?: string): { id: keyof typeof C.sections; lines: Line[] }[] {
  const scoped = (url: string) => `${url}${villageId ? `&villageId=${villageId}` : ''}`;
  return [
    {
      id: 'disclosureOverdue',
      lines: list.disclosureOverdue.map((e) => ({
        key: e.category,
        text: `${t.categories[e.category]}（${t.cadence[e.cadence]}）`,
        meta: [
          e.periodEnd ? C.periodEnded(formatDate(e.periodEnd)) : '',
          e.lastPublishedAt ? C.lastPublished(formatDate(e.lastPublishedAt)) : C.neverPublished,
        ]
          .filter(Boolean)
          .join(' · '),
      })),
    },
    {
      id: 'notSignedOff',
      lines: list.notSignedOff.map((n) => ({
        key: n.noticeId,
        text: n.title,
        meta: n.status === 'pending_signoff' ? C.waitingSignOff : C.publishedUnsigned(formatDate(n.publishedAt)),
        url: scoped(`/pages/notices/detail/index?id=${n.noticeId}`),
      })),
    },
    {
      id: 'majorMatters',
      lines: list.majorMatters.map((m) => ({
        key: m.topicId,
        text: m.title,
        meta: C.missing(m.missing.map((s) => stageLabels[s])),
        url: scoped(`/pages/topics/detail/index?id=${m.topicId}`),
      })),
    },
    {
      id: 'overdueCases',
      lines: list.overdueCases.map((c) => ({
        key: c.caseId,
        text: `${c.categoryLabel}：${c.text.slice(0, 40)}`,
        meta: [c.overdue ? C.caseOverdue[c.overdue] : '', c.escalation ? C.escalated : ''].filter(Boolean).join(' · '),
        url: scoped(`/pages/cases/detail/index?id=${c.caseId}`),
      })),
    },
    {
      id: 'unansweredQuestions',
      lines: list.unansweredQuestions.map((q) => ({
        key: q.questionId,
        text: q.text,
        meta: `${C.questionOn(q.noticeTitle)} · ${C.dueWas(formatDate(q.dueBy))}`,
        url: scoped(`/pages/notices/detail/index?id=${q.noticeId}`),
      })),
    },
    {
      id: 'unansweredInquiries',
      lines: list.unansweredInquiries.map((q) => ({
        key: q.inquiryId,
        text: q.title,
        meta: [C.dueWas(formatDate(q.dueBy)), q.escalatedAt ? C.escalated : ''].filter(Boolean).join(' · '),
        url: scoped(`/pages/oversight/inquiry/index?id=${q.inquiryId}`),
      })),
    },
  ];
}

/** The check list's sections with their counts: linked on the phone, plain on paper. */
export function CheckListSections({
  list,
  villageId,
  paper,
}: {
  list: CheckList;
  villageId?: string;
  paper?: boolean;
}) {
  return (
    <>
      {sectionsOf(list, villageId).map((s) => (
        <View key={s.id} className={paper ? 'vh-print-section' : 'vh-card'} id={`check-${s.id}`}>
          <View className={paper ? 'vh-print-heading' : 'vh-card-title'}>
            {C.sections[s.id]}（{C.count(s.lines.length)}）
          </View>
          {s.lines.length === 0 && <View className="vh-meta">{C.none}</View>}
          {s.lines.map((l, i) => (
            <View
              key={l.key}
              className={paper ? 'vh-print-line' : 'vh-notice-row'}
              onClick={() => !paper && l.url && Taro.navigateTo({ url: l.url })}
            >
              <View>{paper ? `${i + 1}. ${l.text}` : `${l.text}${l.url ? ' ›' : ''}`}</View>
              {l.meta && <View className="vh-meta">{l.meta}</View>}
            </View>
          ))}
        </View>
      ))}
    </>
  );
}

export const itemCount = (list: CheckList) =>
  list.disclosureOverdue.length +
  list.notSignedOff.length +
  list.majorMatters.length +
  list.overdueCases.length +
  list.unansweredQuestions.length +
  list.unansweredInquiries.length;
