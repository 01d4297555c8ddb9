import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Notice } from '../../../../shared/schemas/notice';
import { NoticeContent } from '../../../components/notice-content';
import { PrintFooter } from '../../../components/print-footer';
import { LoadState } from '../../../components/state';
import { useMe } from '../../../components/use-me';
import { ts } from '../../../i18n/share';
import { t } from '../../../i18n/zh-CN';
import { call, messageOf } from '../../../services/api';
import { formatDate } from '../../../services/format';
import './index.scss';

/** A clean A4 copy for the paper notice board (上墙): no app chrome, just the notice and a code that opens it on a phone. */
export default function PrintView() {
  const { params } = useRouter();
  const me = useMe();
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState('');
  const load = () =>
    call('getNotice', { params: { noticeId: params.id ?? '' }, query: { villageId: params.villageId || undefined } })
      .then(setNotice)
      .catch((e) => setError(messageOf(e)));
  useDidShow(() => {
    load();
  });
  const village = me?.villages.find((v) => v.villageId === notice?.villageId)?.name ?? '';
  return (
    <View className="vh-print">
      <LoadState loading={!notice && !error} error={error} onRetry={load} />
      {notice && (
        <View className="vh-print-sheet">
          <View className="vh-print-village">{village}</View>
          <View className="vh-print-title">{notice.title}</View>
          <View className="vh-print-meta">
            {t.print.kind(t.categories[notice.category])} · {formatDate(notice.publishedAt)}
            {notice.version > 1 ? t.print.version(notice.version) : ''}
          </View>
          {notice.status === 'withdrawn' && (
            <View className="vh-print-withdrawn">
              {t.detail.withdrawn(formatDate(notice.withdrawnAt), notice.withdrawReason ?? '')}
            </View>
          )}
          {notice.version > 1 && notice.correctedAt && (
            <View className="vh-print-version">
              {t.detail.corrected(formatDate(notice.correctedAt), notice.version)}
            </View>
          )}
          <NoticeContent notice={notice} printed />
          {notice.signedOffBy && (
            <View className="vh-print-meta">
              {t.detail.signedOffBy(notice.signedOffBy.name, formatDate(notice.signedOffAt))}
            </View>
          )}
          <PrintFooter
            poster={
              notice.status === 'published'
                ? {
                    item: { kind: 'notice', id: notice.noticeId, villageId: notice.villageId },
                    caption: ts.poster.noticeScan,
                  }
                : undefined
            }
            signature={t.print.signature(village)}
            villageId={notice.villageId}
            date={notice.correctedAt ?? notice.publishedAt}
          />
        </View>
      )}
    </View>
  );
}
