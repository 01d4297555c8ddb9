import { Text, View } from '@tarojs/components';
import type { NoticeVersion } from '../../shared/schemas/notice';
import { t } from '../i18n/zh-CN';
import { formatDate, yuan } from '../services/format';

type Content = Pick<NoticeVersion, 'body' | 'period' | 'amounts' | 'guide' | 'attachments'>;

/** The body of a notice as residents read it, on screen and on paper. */
export function NoticeContent({ notice }: { notice: Content }) {
  const income = (notice.amounts ?? []).filter((r) => r.direction === 'income').reduce((s, r) => s + r.amountYuan, 0);
  const expense = (notice.amounts ?? []).filter((r) => r.direction === 'expense').reduce((s, r) => s + r.amountYuan, 0);
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
      {notice.amounts && notice.amounts.length > 0 && (
        <View className="vh-amounts">
          <View className="vh-amounts-title">{t.detail.amounts}</View>
          <View className="vh-amounts-row vh-amounts-head">
            <Text>{t.detail.item}</Text>
            <Text>{t.detail.income}</Text>
            <Text>{t.detail.expense}</Text>
            <Text>{t.detail.note}</Text>
          </View>
          {notice.amounts.map((r) => (
            <View className="vh-amounts-row" key={`${r.item}-${r.direction}-${r.amountYuan}`}>
              <Text>{r.item}</Text>
              <Text>{r.direction === 'income' ? yuan(r.amountYuan) : ''}</Text>
              <Text>{r.direction === 'expense' ? yuan(r.amountYuan) : ''}</Text>
              <Text>{r.note ?? ''}</Text>
            </View>
          ))}
          <View className="vh-amounts-row vh-amounts-total">
            <Text>{t.detail.total}</Text>
            <Text>{yuan(income)}</Text>
            <Text>{yuan(expense)}</Text>
            <Text />
          </View>
        </View>
      )}
      {notice.attachments.length > 0 && (
        <View className="vh-attachments">
          {t.detail.attachments}：{notice.attachments.map((a) => a.name).join('、')}
        </View>
      )}
    </View>
  );
}
