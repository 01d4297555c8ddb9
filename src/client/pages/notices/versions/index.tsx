import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { NoticeVersion } from '../../../../shared/schemas/notice';
import { NoticeContent } from '../../../components/notice-content';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { t } from '../../../i18n/zh-CN';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

/** Every published version, newest first, each readable in full with why it was corrected. */
export default function Versions() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const [items, setItems] = useState<NoticeVersion[]>([]);
  const [open, setOpen] = useState<number>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      const r = await call('listVersions', {
        params: { noticeId },
        query: { villageId: params.villageId || undefined },
      });
      setItems(r.items);
      setOpen(r.items[0]?.version);
    });
  useDidShow(() => {
    load();
  });
  return (
    <Page>
      <View className="vh-title">{t.versions.title}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {items.map((v) => (
        <View key={v.version} className="vh-card vh-version" id={`version-${v.version}`}>
          <View className="vh-card-title" onClick={() => setOpen(open === v.version ? undefined : v.version)}>
            {t.versions.version(v.version)} · {formatDateTime(v.publishedAt)}
          </View>
          <View className="vh-meta">
            {t.versions.by}：{v.publishedBy.name}
          </View>
          <View className={v.reason ? 'vh-banner vh-banner-corrected' : 'vh-meta'}>
            {v.reason ? `${t.versions.reason}：${v.reason}` : t.versions.first}
          </View>
          {open === v.version && (
            <View>
              <View className="vh-subtitle">{v.title}</View>
              <NoticeContent notice={v} />
            </View>
          )}
        </View>
      ))}
    </Page>
  );
}
