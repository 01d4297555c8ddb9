import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { NoticeCategory, NoticeSummary } from '../../../../shared/schemas/notice';
import { noticeCategories } from '../../../../shared/schemas/notice-category';
import { AnchorLine } from '../../../components/anchor-line';
import { Page } from '../../../components/page';
import { SearchBox } from '../../../components/search-box';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tov } from '../../../i18n/oversight';
import { t } from '../../../i18n/zh-CN';
import { call } from '../../../services/api';
import { formatDate } from '../../../services/format';
import { isEditor, isOverseer } from '../../../services/session';

type ListName = 'public' | 'draft' | 'pending_review' | 'pending_signoff';

export default function NoticeList() {
  const me = useMe();
  const [category, setCategory] = useState<NoticeCategory | undefined>();
  const [list, setList] = useState<ListName>('public');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [items, setItems] = useState<NoticeSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { loading, error, track } = useLoading(false);
  const { township, chosen: chosenVillage, choose: setVillageId } = useVillageChoice(me);

  const lastMore = useRef(false);
  type Filters = { category?: NoticeCategory; list: ListName; q: string; villageId?: string };
  const current: Filters = { category, list, q, villageId: chosenVillage };
  const load = (more = false, over: Partial<Filters> = {}) => {
    const f = { ...current, ...over };
    lastMore.current = more;
    return track(async () => {
      const r = await call('listNotices', {
        query: {
          category: f.category,
          status: f.list,
          q: f.q || undefined,
          cursor: more ? (cursor ?? undefined) : undefined,
          villageId: f.villageId,
          limit: 20,
        },
      });
      setItems(more ? [...items, ...r.items] : r.items);
      setCursor(r.nextCursor);
    });
  };
  usePageLoad(me, () => load());

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
  const chooseVillage = (id: string) => {
    setVillageId(id);
    load(false, { villageId: id });
  };

  return (
    <Page>
      <VillagePicker me={me} chosen={chosenVillage} onChoose={chooseVillage} />
      {isOverseer(me) && (
        <View className="vh-segments" id="list-filter">
          {(['public', 'draft', 'pending_review', 'pending_signoff'] as const).map((l) => (
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
        <View
          id="tab-all"
          className={`vh-tab ${!category ? 'vh-tab-on' : ''}`}
          onClick={() => chooseCategory(undefined)}
        >
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
      <SearchBox
        id="search"
        placeholder={t.list.search}
        buttonLabel={t.list.searchButton}
        value={typed}
        onChange={setTyped}
        onSearch={search}
      />
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
            <Text className="vh-date vh-publish-date">{formatDate(n.publishedAt ?? n.createdAt)}</Text>
            {n.major && <Text className="vh-badge vh-badge-major">{t.list.major}</Text>}
            {n.status === 'withdrawn' && <Text className="vh-badge vh-badge-withdrawn">{t.list.withdrawn}</Text>}
            {n.version > 1 && <Text className="vh-badge vh-badge-corrected">{t.list.corrected}</Text>}
            {n.version > 1 && n.correctedAt && (
              <Text className="vh-date vh-corrected-date">{t.list.correctedOn(formatDate(n.correctedAt))}</Text>
            )}
            {n.status !== 'published' && n.status !== 'withdrawn' && (
              <Text className="vh-badge">{t.statuses[n.status]}</Text>
            )}
          </View>
        </View>
      ))}
      <LoadState loading={loading} error={error} onRetry={() => load(lastMore.current)} />
      {!loading && !error && items.length === 0 && <View className="vh-empty">{t.list.empty}</View>}
      {!loading && cursor && (
        <Button id="load-more" className="vh-button vh-button-plain" onClick={() => load(true)}>
          {t.list.more}
        </Button>
      )}
      {!loading && !cursor && items.length > 0 && <View className="vh-hint vh-center">{t.list.noMore}</View>}
      <Button
        id="inquiries-link"
        className="vh-button vh-button-plain"
        onClick={() =>
          Taro.navigateTo({
            url: `/pages/oversight/inquiries/index${chosenVillage ? `?villageId=${chosenVillage}` : ''}`,
          })
        }
      >
        {tov.inquiries.title}
      </Button>
      <AnchorLine villageId={chosenVillage} />
    </Page>
  );
}
