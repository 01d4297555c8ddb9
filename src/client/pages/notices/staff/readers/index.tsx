import { Button, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Readers } from '../../../../../shared/schemas/notice';
import { Page } from '../../../../components/page';
import { LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { t } from '../../../../i18n/zh-CN';
import { call } from '../../../../services/api';
import { formatDateTime } from '../../../../services/format';

/** Who has opened a notice, and what share of the village's verified residents that is. */
export default function ReadersPage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const villageId = params.villageId || undefined;
  const [data, setData] = useState<Readers>();
  const { loading, error, track } = useLoading();
  const load = (cursor?: string) =>
    track(async () => {
      const r = await call('listReaders', { params: { noticeId }, query: { cursor, villageId } });
      setData(cursor && data ? { ...r, items: [...data.items, ...r.items] } : r);
    });
  useDidShow(() => {
    load();
  });
  return (
    <Page>
      {data && (
        <View className="vh-card vh-center">
          <View className="vh-label">{t.readers.reach}</View>
          <View className="vh-big-number" id="reach">
            {Math.round(data.reach * 100)}%
          </View>
          <View className="vh-meta" id="reader-count">
            {t.readers.count(data.readerCount, data.verifiedResidents)}
          </View>
        </View>
      )}
      {data && data.items.length > 0 && <View className="vh-subtitle">{t.readers.list}</View>}
      {data?.items.map((r) => (
        <View key={r.personId} className="vh-person vh-reader">
          <View className="vh-person-name">{r.name}</View>
          <View className="vh-person-roles">
            {r.groupName ? `${r.groupName} · ` : ''}
            {formatDateTime(r.readAt)}
          </View>
        </View>
      ))}
      {data && !data.namesShown && <View className="vh-empty">{t.readers.countsOnly}</View>}
      {data?.namesShown && data.items.length === 0 && <View className="vh-empty">{t.readers.empty}</View>}
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {!loading && data?.nextCursor && (
        <Button id="load-more" className="vh-button vh-button-plain" onClick={() => load(data.nextCursor ?? undefined)}>
          {t.list.more}
        </Button>
      )}
    </Page>
  );
}
