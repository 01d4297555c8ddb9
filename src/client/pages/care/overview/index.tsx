import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { type CareOverview, checkAreaLabels } from '../../../../shared/schemas/care';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tcare } from '../../../i18n/care';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

const O = tcare.overview;
const COLORS = { overdueVisits: '#a31515', openProblems: '#f9a825' };

const open = (villageId: string, personId: string) =>
  Taro.navigateTo({ url: `/pages/care/detail/index?id=${personId}&villageId=${villageId}` });

/** Per village, two bars: visits overdue and problems open, each as long as its share of the largest. */
function VillageChart({ villages }: { villages: CareOverview['villages'] }) {
  const most = Math.max(1, ...villages.flatMap((v) => [v.overdueVisits, v.openProblems]));
  return (
    <View className="vh-card" id="care-chart">
      <View className="vh-card-title">{O.chart}</View>
      {villages.map((v) => (
        <View key={v.villageId} id={`care-chart-${v.villageId}`} style={{ margin: '10px 0' }}>
          <View className="vh-row" style={{ justifyContent: 'space-between' }}>
            <Text style={{ fontWeight: 'bold' }}>{v.villageName}</Text>
            <Text className="vh-meta">{`${O.people} ${v.people}`}</Text>
          </View>
          {(['overdueVisits', 'openProblems'] as const).map((k) => (
            <View key={k} className="vh-row">
              <Text style={{ width: '96px', flex: 'none' }}>{O[k]}</Text>
              <View style={{ flex: 1, background: '#eee', borderRadius: '6px', height: '18px', overflow: 'hidden' }}>
                <View style={{ background: COLORS[k], width: `${Math.round((v[k] / most) * 100)}%`, height: '100%' }} />
              </View>
              <Text id={`care-${k}-${v.villageId}`} style={{ width: '32px', textAlign: 'right', fontWeight: 'bold' }}>
                {O.count(v[k])}
              </Text>
            </View>
          ))}
          {(v.flaggedVisits > 0 || v.repeatedGuardians > 0 || v.overdueProblems > 0) && (
            <View className="vh-field-error">
              {[
                v.overdueProblems && `${O.overdueProblems} ${v.overdueProblems}`,
                v.flaggedVisits && `${O.flagged} ${v.flaggedVisits}`,
                v.repeatedGuardians && `${O.repeated} ${v.repeatedGuardians}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

/** 监护照料总览: the township civil-affairs view of every village (a village's staff see their own). */
export default function CareOverviewPage() {
  const me = useMe();
  const [o, setOverview] = useState<CareOverview>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setOverview(await call('careOverview'));
    });
  usePageLoad(me, load);
  return (
    <Page>
      <View className="vh-title">{O.title}</View>
      <View className="vh-hint">{O.hint}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {o && (
        <View id="care-overview">
          <VillageChart villages={o.villages} />
          <View className="vh-card" id="care-overdue-list">
            <View className="vh-card-title">{O.overdueList}</View>
            {o.overdueVisits.length === 0 && <View className="vh-meta">{O.none}</View>}
            {o.overdueVisits.map((p) => (
              <View key={p.personId} className="vh-notice-row" onClick={() => open(p.villageId, p.personId)}>
                <View className="vh-notice-row-title">{`${p.villageName} · ${p.name}`}</View>
                <View className="vh-field-error">{`${tcare.list.overdue(p.nextVisitDue)}，${O.lastVisit(p.lastVisitOn)}`}</View>
              </View>
            ))}
          </View>
          <View className="vh-card" id="care-problem-list">
            <View className="vh-card-title">{O.problemList}</View>
            {o.openProblems.length === 0 && <View className="vh-meta">{O.none}</View>}
            {o.openProblems.map((p) => (
              <View key={p.problemId} className="vh-notice-row" onClick={() => open(p.villageId, p.personId)}>
                <View className="vh-notice-row-title">{`${p.villageName} · ${p.name} · ${checkAreaLabels[p.area]}`}</View>
                <View className={p.overdue ? 'vh-field-error' : 'vh-meta'}>
                  {`${tcare.detail.owner(p.ownerName)}，${tcare.detail.due(formatDateTime(p.dueAt))}`}
                </View>
              </View>
            ))}
          </View>
          <View className="vh-card" id="care-repeated-list">
            <View className="vh-card-title">{O.repeatedList}</View>
            {o.repeatedGuardians.length === 0 && <View className="vh-meta">{O.none}</View>}
            {o.repeatedGuardians.map((g) => (
              <View key={g.personId} className="vh-notice-row" onClick={() => open(g.villageId, g.personId)}>
                <View className="vh-notice-row-title">{`${g.villageName} · ${g.name}`}</View>
                <View className="vh-field-error">{O.problemsOf(g.guardianName, g.problemCount)}</View>
              </View>
            ))}
          </View>
          <View className="vh-card" id="care-flagged-list">
            <View className="vh-card-title">{O.flaggedList}</View>
            {o.flaggedVisits.length === 0 && <View className="vh-meta">{O.none}</View>}
            {o.flaggedVisits.map((f) => (
              <View key={f.visitId} className="vh-notice-row" onClick={() => open(f.villageId, f.personId)}>
                <View className="vh-notice-row-title">{`${f.villageName} · ${f.name}`}</View>
                <View className="vh-field-error">
                  {[formatDateTime(f.visitedAt), f.copied && tcare.detail.copied, f.late && tcare.detail.late]
                    .filter(Boolean)
                    .join(' · ')}
                </View>
              </View>
            ))}
          </View>
        </View>
      )}
    </Page>
  );
}
