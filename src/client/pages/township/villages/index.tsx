import { ScrollView, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  type TownshipSort,
  type TownshipTable,
  townshipSortKeys,
  type VillageRow,
} from '../../../../shared/schemas/township';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tw } from '../../../i18n/township';
import { call } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';

const T = tw.table;
const BAR = '#a31515';

/** Each column: what a cell shows, and for the chart a number (a share 0–1, or a count) with whether it is a share. */
const columns: Record<
  TownshipSort,
  {
    cell: (r: VillageRow) => string;
    value?: (r: VillageRow) => number | null;
    share?: true;
    alert?: (r: VillageRow) => boolean;
  }
> = {
  name: { cell: (r) => r.villageName },
  disclosureOverdue: {
    cell: (r) => T.categories(r.disclosure.overdue.length),
    value: (r) => r.disclosure.overdue.length,
    alert: (r) => r.disclosure.overdue.length > 0,
  },
  casesOpen: { cell: (r) => String(r.cases.open), value: (r) => r.cases.open },
  casesOverdue: {
    cell: (r) => String(r.cases.overdue),
    value: (r) => r.cases.overdue,
    alert: (r) => r.cases.overdue > 0,
  },
  casesEscalated: {
    cell: (r) => String(r.cases.escalated),
    value: (r) => r.cases.escalated,
    alert: (r) => r.cases.escalated > 0,
  },
  caseSatisfaction: { cell: (r) => T.percent(r.cases.satisfaction), value: (r) => r.cases.satisfaction, share: true },
  turnout: {
    cell: (r) => T.percent(r.lastVote?.turnout ?? null),
    value: (r) => r.lastVote?.turnout ?? null,
    share: true,
  },
  bindingRate: { cell: (r) => T.percent(r.binding.rate), value: (r) => r.binding.rate, share: true },
  inquiriesOpen: { cell: (r) => String(r.inquiriesOpen), value: (r) => r.inquiriesOpen },
  noticeSatisfaction: {
    cell: (r) => T.percent(r.notices.satisfaction),
    value: (r) => r.notices.satisfaction,
    share: true,
  },
  lastActivity: { cell: (r) => (r.lastActivityAt ? formatDate(r.lastActivityAt) : T.none) },
};
const cellStyle = (first: boolean) => ({
  width: first ? '96px' : '84px',
  flex: 'none',
  padding: '10px 6px',
  boxSizing: 'border-box' as const,
  textAlign: first ? ('left' as const) : ('center' as const),
});

/** A bar per village for one column: the eye finds the village that stands out. */
function Chart({ data, sort }: { data: TownshipTable; sort: TownshipSort }) {
  const key: TownshipSort = columns[sort].value ? sort : 'casesOpen';
  const col = columns[key];
  const values = data.items.map((r) => col.value?.(r) ?? null);
  const most = col.share ? 1 : Math.max(1, ...values.map((v) => v ?? 0));
  return (
    <View className="vh-card" id="township-chart">
      <View className="vh-card-title">{T.chart(T.columns[key])}</View>
      {data.items.map((r, i) => (
        <View key={r.villageId} id={`chart-${r.villageId}`} style={{ margin: '8px 0' }}>
          <View className="vh-row" style={{ justifyContent: 'space-between' }}>
            <Text>{r.villageName}</Text>
            <Text style={{ fontWeight: 'bold', textAlign: 'right' }}>{col.cell(r)}</Text>
          </View>
          <View style={{ background: '#eee', borderRadius: '6px', height: '18px', overflow: 'hidden' }}>
            <View
              style={{ background: BAR, height: '100%', width: `${Math.round(((values[i] ?? 0) / most) * 100)}%` }}
            />
          </View>
        </View>
      ))}
    </View>
  );
}

/** 各村一览: the township compares its villages; a column sorts, a row opens that village. */
export default function TownshipVillagesPage() {
  const me = useMe();
  const [data, setData] = useState<TownshipTable>();
  const { loading, error, track } = useLoading();
  const load = (sort?: TownshipSort, order?: 'asc' | 'desc') =>
    track(async () => {
      setData(await call('townshipTable', { query: { sort, order } }));
    });
  usePageLoad(me, () => load());
  const sortBy = (key: TownshipSort) =>
    load(key, data?.sort === key ? (data.order === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc');
  const open = (r: VillageRow) =>
    Taro.navigateTo({ url: `/pages/cases/staff/dashboard/index?villageId=${encodeURIComponent(r.villageId)}` });
  return (
    <Page>
      <View className="vh-title">{T.title}</View>
      <View className="vh-hint">{T.hint}</View>
      <LoadState loading={loading && !data} error={error} onRetry={() => load(data?.sort, data?.order)} />
      {data?.items.length === 0 && <View className="vh-empty">{T.empty}</View>}
      {data && data.items.length > 0 && (
        <View>
          <View className="vh-meta">{T.asOf(formatDateTime(data.asOf))}</View>
          <ScrollView scrollX className="vh-card" id="township-table" style={{ padding: 0 }}>
            <View style={{ width: `${96 + 84 * (townshipSortKeys.length - 1)}px` }}>
              <View
                className="vh-row"
                id="township-head"
                style={{ borderBottom: '2px solid #ddd', fontWeight: 'bold' }}
              >
                {townshipSortKeys.map((key, i) => (
                  <View
                    key={key}
                    id={`sort-${key}`}
                    style={{ ...cellStyle(i === 0), color: data.sort === key ? BAR : undefined }}
                    onClick={() => sortBy(key)}
                  >
                    {T.columns[key]}
                    {data.sort === key ? (data.order === 'asc' ? ' ↑' : ' ↓') : ''}
                  </View>
                ))}
              </View>
              {data.items.map((r) => (
                <View
                  key={r.villageId}
                  id={`village-row-${r.villageId}`}
                  className="vh-row"
                  style={{ borderBottom: '1px solid #eee' }}
                  onClick={() => open(r)}
                >
                  {townshipSortKeys.map((key, i) => (
                    <View
                      key={key}
                      className={`township-cell-${key}`}
                      style={{
                        ...cellStyle(i === 0),
                        color: columns[key].alert?.(r) ? '#b00020' : undefined,
                        fontWeight: i === 0 ? 'bold' : undefined,
                      }}
                    >
                      {columns[key].cell(r)}
                    </View>
                  ))}
                </View>
              ))}
            </View>
          </ScrollView>
          <Chart data={data} sort={data.sort} />
        </View>
      )}
    </Page>
  );
}
