import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { NoticeVersion } from '../../../../shared/schemas/notice';
import { VersionChanges } from '../../../components/changes';
import { NoticeContent } from '../../../components/notice-content';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { t } from '../../../i18n/zh-CN';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

/**
 * Every published version, newest first: who published it, when and why it was
 * corrected, what changed from the version before, and (tap) its full text.
 */
export default function Versions() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const villageId = params.villageId || undefined;
  const [items, setItems] = useState<NoticeVersion[]>([]);
  const [full, setFull] = useState<Record<number, NoticeVersion>>({});
  const [open, setOpen] = useState<number>();
  const { loading, error, track } = useLoading();

  // The full text of one version comes from its own endpoint (the list may be trimmed later).
  const show = (version: number) => {
    setOpen(version);
    if (full[version]) return;
    call('getVersion', { params: { noticeId, version }, query: { villageId } })
      .then((v) => setFull((f) => ({ ...f, [version]: v })))
      .catch(() => undefined); // the list's copy is shown meanwhile
  };
  const load = () =>
    track(async () => {
      const r = await call('listVersions', { params: { noticeId }, query: { villageId } });
      setItems(r.items);
      const first = Number(params.version) || r.items[0]?.version;
      if (first) show(first);
    });
  useDidShow(() => {
    load();
  });

  return (
    <Page>
      <View className="vh-title">{t.versions.title}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {items.map((listed, i) => {
        const v = full[listed.version] ?? listed;
        const previous = items[i + 1]; // newest first: the one below is the one before
        const isOpen = open === v.version;
        return (
          <View
            key={v.version}
            className={`vh-card vh-version ${isOpen ? 'vh-version-open' : ''}`}
            id={`version-${v.version}`}
          >
            <View
              className="vh-card-title vh-version-head"
              onClick={() => (isOpen ? setOpen(undefined) : show(v.version))}
            >
              <View>
                {t.versions.version(v.version)}
                {i === 0 ? ` · ${t.versions.current}` : ''}
              </View>
              <View className="vh-link">{isOpen ? t.versions.tapToClose : t.versions.tapToOpen}</View>
            </View>
            <View className="vh-meta">
              {formatDateTime(v.publishedAt)} · {t.versions.by}：{v.publishedBy.name}
            </View>
            <View className={v.reason ? 'vh-banner vh-banner-corrected vh-version-reason' : 'vh-meta'}>
              {v.reason ? `${t.versions.reason}：${v.reason}` : t.versions.first}
            </View>
            {previous && <VersionChanges before={previous} after={v} />}
            {isOpen && (
              <View className="vh-version-content">
                <View className="vh-subtitle">{v.title}</View>
                <NoticeContent notice={v} />
              </View>
            )}
          </View>
        );
      })}
    </Page>
  );
}
