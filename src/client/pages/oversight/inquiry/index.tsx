import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Inquiry } from '../../../../shared/schemas/inquiry';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { TextForm } from '../../../components/text-form';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tov } from '../../../i18n/oversight';
import { call } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';
import { hasRole, isTownship } from '../../../services/session';

/** Where an inquiry's reference opens. */
const refPage: Partial<Record<Inquiry['subject'], string>> = {
  notice: '/pages/notices/detail/index',
  case: '/pages/cases/detail/index',
  topic: '/pages/topics/detail/index',
};

/** One 质询: the question, its deadline, and the committee's answer (or the form to give it). */
export default function InquiryPage() {
  const { params } = useRouter();
  const me = useMe();
  const [q, setQ] = useState<Inquiry>();
  const { loading, error, track } = useLoading();
  const villageId = params.villageId || undefined;
  const load = () =>
    track(async () => setQ(await call('getInquiry', { params: { inquiryId: params.id ?? '' }, query: { villageId } })));
  usePageLoad(me, load);
  const page = q && refPage[q.subject];
  return (
    <Page>
      <LoadState loading={loading && !q} error={error} onRetry={load} />
      {q && (
        <View id="inquiry">
          <View className="vh-title" id="inquiry-title-text">
            {q.title}
          </View>
          <View className="vh-notice-row-meta">
            <Text className="vh-badge">{tov.inquiries.subjects[q.subject]}</Text>
            <Text className={`vh-status ${q.status === 'answered' ? 'vh-status-ok' : ''}`} id="inquiry-status">
              {tov.inquiry.status[q.status]}
            </Text>
            {q.overdue && <Text className="vh-badge vh-badge-withdrawn">{tov.inquiry.overdue}</Text>}
            {q.confidential && <Text className="vh-badge">{tov.inquiry.confidential}</Text>}
          </View>
          <View className="vh-meta">{tov.inquiry.askedBy(q.askedBy.name, formatDateTime(q.askedAt))}</View>
          <View className="vh-meta">{tov.inquiry.dueBy(formatDate(q.dueBy))}</View>
          {q.escalatedAt && (
            <View className="vh-banner vh-banner-withdrawn">{tov.inquiry.escalated(formatDate(q.escalatedAt))}</View>
          )}
          {q.refId && page && (
            <Button
              id="inquiry-ref"
              className="vh-button vh-button-plain"
              onClick={() =>
                Taro.navigateTo({ url: `${page}?id=${q.refId}${villageId ? `&villageId=${villageId}` : ''}` })
              }
            >
              {q.refTitle ? tov.inquiries.refersTo(tov.inquiries.subjects[q.subject], q.refTitle) : tov.inquiry.openRef}
            </Button>
          )}
          <View className="vh-card">
            <Text className="vh-body">{q.text}</Text>
          </View>
          {q.answer && (
            <View className="vh-card" id="inquiry-answer">
              <View className="vh-card-title">{tov.inquiry.answer}</View>
              <Text className="vh-body">{q.answer.text}</Text>
              <View className="vh-meta">
                {tov.inquiry.answeredBy(q.answer.answeredBy.name, formatDateTime(q.answer.answeredAt))}
              </View>
            </View>
          )}
          {!q.answer && hasRole(me, 'committee') && !isTownship(me) && (
            <TextForm
              id="inquiry-answer-text"
              buttonId="inquiry-answer-send"
              className="vh-card"
              placeholder={tov.inquiry.answerPlaceholder}
              label={tov.inquiry.answerButton}
              maxlength={3000}
              send={async (text) =>
                setQ(await call('answerInquiry', { params: { inquiryId: q.inquiryId }, body: { text } }))
              }
            />
          )}
        </View>
      )}
    </Page>
  );
}
