import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { NoticeCategory, NoticeSummary } from '../../../../shared/schemas/notice';
import { noticeCategories } from '../../../../shared/schemas/notice';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { t } from '../../../i18n/zh-CN';
import { call } from '../../../services/api';
import { formatDate } from '../../../services/format';
import { isEditor, isOverseer, isTownship } from '../../../services/session';

type ListName = 'public' | 'draft' | 'pending_review';

export default function NoticeList() {
  const me = useMe();
  const [category, setCategory] = useState<NoticeCategory | undefined>();
  const [list, setList] = useState<ListName>('public');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [villageId, setVillageId] = useState<string | undefined>();
  const [items, setItems] = useState<NoticeSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { loading, error, track } = useLoading(false);
  const township = isTownship(me);
  const chosenVillage = villageId ?? (township ? me?.villages[0]?.villageId : undefined);

  const load = (more = false, over: { category?: NoticeCategory; list?: ListName; q?: string } = {}) =>
    track(async () => {
      const r = await call('listNotices', {
        query: {
          category: 'category' in over ? over.category : category,
          status: over.list ?? list,
          q: over.q ?? q,
          cursor: more ? (cursor ?? undefined) : undefined,
          villageId: chosenVillage,
          limit: 20,
        },
      });
      setItems(more ? [...items, ...r.items] : r.items);
      setCursor(r.nextCursor);
    });
  useDidShow(() => {
    if (!township || chosenVillage) load();
  });

  const chooseCategory = (c?: NoticeCategory) => {
    setCategory(c);
    load(false, { category: c });
  };
  const chooseList = (l: ListName) => {
    setList(l);
    load(false, { list: l });
  };
  const search = () => {
    setQ(typed);
    load(false, { q: typed });
  };

  return (
    <Page>
      {township && me && (
        <Picker
          mode="selector"
          range={me.villages.map((v) => v.name)}
          onChange={(e) => {
            setVillageId(me.villages[Number(e.detail.value)].villageId);
            setTimeout(() => load(), 0);
          }}
        >
          <View className="vh-picker">
            {t.list.village}：{me.villages.find((v) => v.villageId === chosenVillage)?.name}
          </View>
        </Picker>
      )}
      {isOverseer(me) && !township && (
        <View className="vh-segments">
          {(['public', 'draft', 'pending_review'] as const).map((l) => (
            <View
              key={l}
              className={`vh-segment ${list === l ? 'vh-segment-on' : ''}`}
              id={`list-${l}`}
              onClick={() => chooseList(l)}
            >
              {t.lists[l]}
            </View>
          ))}
        </View>
      )}
      <View className="vh-tabs">
        <View className={`vh-tab ${!category ? 'vh-tab-on' : ''}`} onClick={() => chooseCategory(undefined)}>
          {t.allCategories}
        </View>
        {noticeCategories.map((c) => (
          <View
            key={c}
            id={`tab-${c}`}
            className={`vh-tab ${category === c ? 'vh-tab-on' : ''}`}
            onClick={() => chooseCategory(c)}
          >
            {t.categories[c]}
          </View>
        ))}
      </View>
      <View className="vh-search">
        <Input
          id="search-input"
          className="vh-input"
          placeholder={t.list.search}
          value={typed}
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
        />
        <Button id="search-button" className="vh-button vh-button-plain vh-search-button" onClick={search}>
          {t.list.searchButton}
        </Button>
      </View>
      {isEditor(me) && !township && (
        <Button
          id="new-notice"
          className="vh-button vh-button-primary"
          onClick={() => Taro.navigateTo({ url: '/pages/notices/staff/edit/index' })}
        >
          {t.list.draft}
        </Button>
      )}
      {items.map((n) => (
        <View
          key={n.noticeId}
          className="vh-notice-row"
          onClick={() =>
            Taro.navigateTo({
              url: `/pages/notices/detail/index?id=${n.noticeId}${chosenVillage ? `&villageId=${chosenVillage}` : ''}`,
            })
          }
        >
          <View className="vh-notice-row-title">{n.title}</View>
          <View className="vh-notice-row-meta">
            <Text className={`vh-badge vh-badge-${n.category}`}>{t.categories[n.category]}</Text>
            {n.major && <Text className="vh-badge vh-badge-major">{t.list.major}</Text>}
            {n.status === 'withdrawn' && <Text className="vh-badge vh-badge-withdrawn">{t.list.withdrawn}</Text>}
            {n.version > 1 && <Text className="vh-badge vh-badge-corrected">{t.list.corrected}</Text>}
            {n.status !== 'published' && n.status !== 'withdrawn' && (
              <Text className="vh-badge">{t.statuses[n.status]}</Text>
            )}
            <Text className="vh-date">{formatDate(n.publishedAt ?? n.createdAt)}</Text>
          </View>
        </View>
      ))}
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {!loading && !error && items.length === 0 && <View className="vh-empty">{t.list.empty}</View>}
      {!loading && cursor && (
        <Button id="load-more" className="vh-button vh-button-plain" onClick={() => load(true)}>
          {t.list.more}
        </Button>
      )}
      {!loading && !cursor && items.length > 0 && <View className="vh-hint vh-center">{t.list.noMore}</View>}
    </Page>
  );
}
