import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CaseSummary } from '../../../../shared/schemas/case';
import { Choice } from '../../../components/choice';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tc } from '../../../i18n/cases';
import { call } from '../../../services/api';
import { formatDate } from '../../../services/format';
import { hasRole } from '../../../services/session';

type ListName = 'public' | 'mine' | 'work';
/** Within the public view: all, or one of the village's two lists (需求清单, 项目清单). */
type Shelf = 'all' | 'needs' | 'project';
const SHELVES: Shelf[] = ['all', 'needs', 'project'];
const SHORT = 60;

/** A case in a list: what, where it stands, who asked, its support, and anything late or owed. */
function CaseRow({ c, onOpen }: { c: CaseSummary; onOpen: () => void }) {
  return (
    <View className="vh-notice-row vh-case-row" id={`case-${c.caseId}`} onClick={onOpen}>
      <View className="vh-notice-row-meta">
        <Text className={`vh-badge ${c.kind === 'petition' ? 'vh-badge-government' : 'vh-badge-village'}`}>
          {tc.kinds[c.kind]}
        </Text>
        <Text className="vh-badge">{c.categoryLabel}</Text>
        <Text
          className={`vh-badge vh-case-status ${c.status === 'closed' || c.status === 'declined' ? 'vh-badge-withdrawn' : ''}`}
        >
          {tc.status[c.status]}
        </Text>
        {c.overdue && <Text className="vh-badge vh-badge-major vh-case-overdue">{tc.list.overdue[c.overdue]}</Text>}
        {c.escalation && c.status !== 'escalated' && (
          <Text className="vh-badge vh-badge-corrected vh-case-escalated">{tc.list.escalated}</Text>
        )}
        {c.track && c.track.kind !== 'quick' && (
          <Text className="vh-badge vh-badge-corrected vh-case-track">{tc.tracks[c.track.kind]}</Text>
        )}
        {c.duty && !c.duty.convened && (
          <Text className="vh-badge vh-badge-major vh-case-duty">{tc.list.duty(tc.meetings[c.duty.body])}</Text>
        )}
      </View>
      <View className="vh-case-text" style={{ margin: '8px 0', wordBreak: 'break-all' }}>
        {c.text.length > SHORT ? `${c.text.slice(0, SHORT)}…` : c.text}
      </View>
      <View className="vh-meta">
        {tc.list.by(c.author)}
        {c.groupName ? `（${c.groupName}）` : ''} · {formatDate(c.createdAt)}
        {c.kind === 'suggestion' && c.public ? ` · ${tc.list.seconds(c.seconds)}` : ''}
      </View>
    </View>
  );
}

/** 建议和诉求: the village's public ones, mine, and (for staff) those I handle; newest first, with paging. */
export default function CaseList() {
  const { params } = useRouter();
  const me = useMe();
  const { township, chosen: chosenVillage, choose: setVillageId } = useVillageChoice(me);
  const staff = hasRole(me, 'committee', 'grid_worker', 'supervisor', 'party_branch', 'township_staff');
  const views: ListName[] = township ? ['public', 'work'] : staff ? ['public', 'mine', 'work'] : ['public', 'mine'];
  const asked = params.view as ListName | undefined;
  const [view, setView] = useState<ListName>(asked && ['public', 'mine', 'work'].includes(asked) ? asked : 'public');
  const shown: ListName = views.includes(view) ? view : 'public';
  const [shelf, setShelf] = useState<Shelf>('all');
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { loading, error, track } = useLoading();
  const lastMore = useRef(false);

  /** Only the answer to the latest request shows: a quick change of tab never shows the previous tab's cases. */
  const asking = useRef(0);
  const load = (more = false, over: { view?: ListName; villageId?: string; shelf?: Shelf } = {}) => {
    const v = over.view ?? shown;
    const s = over.shelf ?? shelf;
    const n = ++asking.current;
    lastMore.current = more;
    return track(async () => {
      const r = await call('listCases', {
        query: {
          view: v,
          track: v === 'public' && s !== 'all' ? s : undefined,
          villageId: over.villageId ?? chosenVillage,
          cursor: more ? (cursor ?? undefined) : undefined,
          limit: 20,
        },
      });
      if (n !== asking.current) return;
      setItems(more ? [...items, ...r.items] : r.items);
      setCursor(r.nextCursor);
    });
  };
  usePageLoad(me, () => load());

  const choose = (v: ListName) => {
    setView(v);
    setItems([]);
    load(false, { view: v });
  };
  const chooseShelf = (s: Shelf) => {
    setShelf(s);
    setItems([]);
    load(false, { shelf: s });
  };
  const chooseVillage = (id: string) => {
    setVillageId(id);
    load(false, { villageId: id });
  };
  const open = (caseId: string) =>
    Taro.navigateTo({
      url: `/pages/cases/detail/index?id=${caseId}${chosenVillage ? `&villageId=${chosenVillage}` : ''}`,
    });

  return (
    <Page>
      <VillagePicker me={me} chosen={chosenVillage} onChoose={chooseVillage} />
      {!township && (
        <Button
          id="new-case"
          className="vh-button vh-button-primary"
          onClick={() => Taro.navigateTo({ url: '/pages/cases/new/index' })}
        >
          {tc.list.submit}
        </Button>
      )}
      <Choice
        id="case-views"
        options={views}
        value={shown}
        label={(v) => tc.list.tabs[v]}
        onChoose={choose}
        optionId={(v) => `cases-${v}`}
      />
      {shown === 'public' && (
        <Choice
          id="case-shelves"
          wrap
          options={SHELVES}
          value={shelf}
          label={(s) => tc.list.lists[s]}
          onChoose={chooseShelf}
          optionId={(s) => `cases-shelf-${s}`}
        />
      )}
      {items.map((c) => (
        <CaseRow key={c.caseId} c={c} onOpen={() => open(c.caseId)} />
      ))}
      <LoadState loading={loading} error={error} onRetry={() => load(lastMore.current)} />
      {!loading && !error && items.length === 0 && (
        <View className="vh-empty" id="cases-empty">
          {shown === 'public' && shelf !== 'all' ? tc.list.listEmpty[shelf] : tc.list.empty[shown]}
        </View>
      )}
      {!loading && cursor && (
        <Button id="load-more" className="vh-button vh-button-plain" onClick={() => load(true)}>
          {tc.list.more}
        </Button>
      )}
      {!loading && !cursor && items.length > 0 && <View className="vh-hint vh-center">{tc.list.noMore}</View>}
    </Page>
  );
}
