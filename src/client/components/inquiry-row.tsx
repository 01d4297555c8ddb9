import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Inquiry } from '../../shared/schemas/inquiry';
import { tov } from '../i18n/oversight';
import { formatDate } from '../services/format';

/** One 质询 in a list: what about, where it stands, and its deadline; a tap opens it. */
export function InquiryRow({ q, villageId }: { q: Inquiry; villageId?: string }) {
  return (
    <View
      className="vh-notice-row"
      id={`inquiry-${q.inquiryId}`}
      onClick={() =>
        Taro.navigateTo({
          url: `/pages/oversight/inquiry/index?id=${q.inquiryId}${villageId ? `&villageId=${villageId}` : ''}`,
        })
      }
    >
      <View className="vh-notice-row-title">{q.title}</View>
      <View className="vh-notice-row-meta">
        <Text className="vh-badge">{tov.inquiries.subjects[q.subject]}</Text>
        <Text className={`vh-status ${q.status === 'answered' ? 'vh-status-ok' : ''}`}>
          {tov.inquiry.status[q.status]}
        </Text>
        {q.overdue && <Text className="vh-badge vh-badge-withdrawn">{tov.inquiry.overdue}</Text>}
        {q.confidential && <Text className="vh-badge">{tov.inquiry.confidential}</Text>}
        <Text className="vh-date">{tov.inquiry.dueBy(formatDate(q.dueBy))}</Text>
      </View>
    </View>
  );
}
