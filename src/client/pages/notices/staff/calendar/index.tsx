import { View } from '@tarojs/components';
import { useState } from 'react';
import type { DisclosureCalendar } from '../../../../../shared/schemas/notice';
import { Page } from '../../../../components/page';
import { LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { VillagePicker } from '../../../../components/village-picker';
import { t } from '../../../../i18n/zh-CN';
import { call } from '../../../../services/api';
import { formatDate, formatLastDay } from '../../../../services/format';
import { isTownship } from '../../../../services/session';

/** The disclosure calendar (公开日历): each category's cadence and whether it is due or overdue. */
export default function CalendarPage() {
  const me = useMe();
  const [villageId, setVillageId] = useState<string>();
  const [data, setData] = useState<DisclosureCalendar>();
  const { loading, error, track } = useLoading();
  const township = isTownship(me);
  const chooseVillage = (id: string) => {
    setVillageId(id);
    load(id);
  };
  const load = (chosen = villageId) =>
    track(async () => {
      setData(
        await call('disclosureCalendar', {
          query: { villageId: chosen ?? (township ? me?.villages[0]?.villageId : undefined) },
        }),
      );
    });
  usePageLoad(me, () => load());
  return (
    <Page>
      <VillagePicker me={me} chosen={data?.villageId} onChoose={chooseVillage} />
      {data && <View className="vh-title">{`${data.villageName} · ${t.calendar.title}`}</View>}
      {data && <View className="vh-hint">{t.calendar.hint}</View>}
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {data?.entries.map((e) => (
        <View key={e.category} className={`vh-card vh-calendar vh-calendar-${e.status}`} id={`calendar-${e.category}`}>
          <View className="vh-card-title">
            {t.categories[e.category]}
            <View className={`vh-status vh-status-${e.status}`}>{t.calendarStatus[e.status]}</View>
          </View>
          <View className="vh-meta vh-cadence">{t.cadence[e.cadence]}</View>
          {e.periodStart && e.periodEnd && (
            <View className="vh-meta">
              {t.calendar.period}：{t.range(formatDate(e.periodStart), formatLastDay(e.periodEnd))}
            </View>
          )}
          <View className="vh-meta">
            {t.calendar.last}：{e.lastPublishedAt ? formatDate(e.lastPublishedAt) : t.calendar.never}
          </View>
          {e.daysLeft !== null && e.status !== 'not_required' && (
            <View className={`vh-meta vh-days-left vh-days-left-${e.status}`}>{t.calendar.daysLeft(e.daysLeft)}</View>
          )}
        </View>
      ))}
    </Page>
  );
}
