import { Text, View } from '@tarojs/components';
import type { NoticeVersion } from '../../shared/schemas/notice';
import { t } from '../i18n/zh-CN';
import { formatDate } from '../services/format';
import { LedgerView } from './ledger';
import { NoticeAttachments } from './notice-attachments';

type Content = Pick<NoticeVersion, 'body' | 'period' | 'ledger' | 'ledgerTotals' | 'guide' | 'attachments'>;

/** The body of a notice as residents read it, on screen and on paper (`printed`: files listed, not opened). */
export function NoticeContent({ notice, printed }: { notice: Content; printed?: boolean }) {
  return (
    <View className="vh-notice-content">
      {notice.period && (
        <View className="vh-meta">
          {t.detail.period}：{t.range(formatDate(notice.period.from), formatDate(notice.period.until))}
        </View>
      )}
      <Text className="vh-body" userSelect>
        {notice.body}
      </Text>
      {notice.guide && (
        <View className="vh-guide">
          <View className="vh-guide-row">
            <Text className="vh-label">{t.detail.guideItem}</Text>
            <Text>{notice.guide.item}</Text>
          </View>
          <View className="vh-guide-row">
            <Text className="vh-label">{t.detail.materials}</Text>
            <View>
              {notice.guide.materials.map((m, i) => (
                <View key={m}>
                  {i + 1}. {m}
                </View>
              ))}
            </View>
          </View>
          <View className="vh-guide-row">
            <Text className="vh-label">{t.detail.timeLimit}</Text>
            <Text>{notice.guide.timeLimit}</Text>
          </View>
          <View className="vh-guide-row">
            <Text className="vh-label">{t.detail.place}</Text>
            <Text>{notice.guide.place}</Text>
          </View>
        </View>
      )}
      <LedgerView ledger={notice.ledger ?? []} totals={notice.ledgerTotals} printed={printed} />
      <NoticeAttachments attachments={notice.attachments} printed={printed} />
    </View>
  );
}
