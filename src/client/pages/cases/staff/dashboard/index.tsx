import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CaseDashboard } from '../../../../../shared/schemas/case';
import { Page } from '../../../../components/page';
import { LoadState } from '../../../../components/state';
import { useMe } from '../../../../components/use-me';
import { useVillagePage } from '../../../../components/use-village-choice';
import { VillagePicker } from '../../../../components/village-picker';
import { tcs } from '../../../../i18n/cases-staff';
import { call } from '../../../../services/api';

const D = tcs.dashboard;
const COLORS = {
  bar: '#a31515',
  satisfied: '#2e7d32',
  basically: '#f9a825',
  unsatisfied: '#b00020',
};
type Count = CaseDashboard['byStatus'][number];

/** One figure: what it counts, and the number big enough to read at arm's length. */
function Figure({ id, label, value, alert = false }: { id: string; label: string; value: string; alert?: boolean }) {
  return (
    <View id={id} style={{ width: '50%', boxSizing: 'border-box', padding: '4px' }}>
      <View className="vh-card" style={{ margin: 0, padding: '8px', textAlign: 'center' }}>
        <View className="vh-meta">{label}</View>
        <View
          className="vh-dash-number"
          style={{ fontSize: '28px', fontWeight: 'bold', color: alert ? '#b00020' : '#222' }}
        >
          {value}
        </View>
      </View>
    </View>
  );
}

/** A bar chart of plain views: each row its label and count, and a bar as long as its share of the largest. */
function BarChart({ id, title, rows }: { id: string; title: string; rows: Count[] }) {
  const most = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View className="vh-card" id={id}>
      <View className="vh-card-title">{title}</View>
      {!rows.length && <View className="vh-meta">{D.empty}</View>}
      {rows.map((r) => (
        <View key={r.key} id={`${id}-${r.key}`} className="vh-dash-bar" style={{ margin: '10px 0' }}>
          <View className="vh-row" style={{ justifyContent: 'space-between' }}>
            <Text>{r.label}</Text>
            <Text className="vh-dash-bar-value" style={{ fontWeight: 'bold', textAlign: 'right' }}>
              {D.count(r.count)}
            </Text>
          </View>
          <View style={{ background: '#eee', borderRadius: '6px', height: '22px', overflow: 'hidden' }}>
            <View style={{ background: COLORS.bar, width: `${Math.round((r.count / most) * 100)}%`, height: '100%' }} />
          </View>
        </View>
      ))}
    </View>
  );
}

/** 群众评价: one bar split into satisfied, basically satisfied and unsatisfied, with the counts beneath. */
function Satisfaction({ d }: { d: CaseDashboard }) {
  const parts = (['satisfied', 'basically', 'unsatisfied'] as const).map((k) => ({ k, n: d.ratings[k] }));
  const total = parts.reduce((s, p) => s + p.n, 0);
  const labels = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };
  return (
    <View className="vh-card" id="chart-satisfaction">
      <View className="vh-card-title">
        <Text>{D.ratings}</Text>
        <Text id="satisfaction-rate">{D.percent(d.satisfactionRate)}</Text>
      </View>
      {total === 0 ? (
        <View className="vh-meta">{D.ratingsNone}</View>
      ) : (
        <>
          <View style={{ display: 'flex', height: '28px', borderRadius: '6px', overflow: 'hidden' }}>
            {parts
              .filter((p) => p.n > 0)
              .map((p) => (
                <View key={p.k} style={{ background: COLORS[p.k], width: `${(p.n / total) * 100}%`, height: '100%' }} />
              ))}
          </View>
          <View className="vh-meta">{D.ratingsCount(total)}</View>
        </>
      )}
      <View className="vh-tabs">
        {parts.map((p) => (
          <View key={p.k} id={`rating-${p.k}`} className="vh-row" style={{ flex: 'none' }}>
            <View
              style={{ width: '16px', height: '16px', borderRadius: '3px', background: COLORS[p.k], flex: 'none' }}
            />
            <Text>{`${labels[p.k]} ${D.people(p.n)}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 办理统计: how many cases, how many open, overdue or escalated, how fast, and how satisfied people are. */
export default function CaseDashboardPage() {
  const me = useMe();
  const [data, setData] = useState<CaseDashboard>();
  // Opened from the township's table on one village's row.
  const { params } = useRouter();
  const { chosen, pick, load, loading, error } = useVillagePage(
    me,
    async (villageId) => setData(await call('caseDashboard', { query: { villageId } })),
    params.villageId,
  );
  return (
    <Page>
      <VillagePicker me={me} chosen={chosen} onChoose={pick} />
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {data && (
        <View id="case-dashboard">
          <View className="vh-title">{`${data.villageName} · ${D.title}`}</View>
          <View style={{ display: 'flex', flexWrap: 'wrap', margin: '0 -4px' }} id="dash-figures">
            <Figure id="dash-total" label={D.total} value={String(data.total)} />
            <Figure id="dash-open" label={D.open} value={String(data.open)} />
            <Figure id="dash-overdue" label={D.overdue} value={String(data.overdue)} alert={data.overdue > 0} />
            <Figure id="dash-escalated" label={D.escalated} value={String(data.escalated)} alert={data.escalated > 0} />
            <Figure
              id="dash-duties"
              label={D.duties}
              value={String(data.dutiesPending)}
              alert={data.dutiesPending > 0}
            />
            <Figure id="dash-satisfaction" label={D.satisfaction} value={D.percent(data.satisfactionRate)} />
            <Figure id="dash-to-accept" label={D.toAccept} value={D.days(data.averageDaysToAccept)} />
            <Figure id="dash-to-resolve" label={D.toResolve} value={D.days(data.averageDaysToResolve)} />
          </View>
          <View className="vh-hint">{D.hint}</View>
          <BarChart id="chart-category" title={D.byCategory} rows={data.byCategory} />
          <BarChart id="chart-grid" title={D.byGrid} rows={data.byGrid} />
          <BarChart id="chart-status" title={D.byStatus} rows={data.byStatus} />
          <Satisfaction d={data} />
        </View>
      )}
    </Page>
  );
}
