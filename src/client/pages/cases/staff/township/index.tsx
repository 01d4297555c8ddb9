import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { z } from 'zod';
import { caseKindLabels, caseStatusLabels, type EscalatedList } from '../../../../../shared/schemas/case';
import { Page } from '../../../../components/page';
import { LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { tcs } from '../../../../i18n/cases-staff';
import { call } from '../../../../services/api';
import { formatDateTime } from '../../../../services/format';

type Item = z.infer<typeof EscalatedList>['items'][number];
const T = tcs.township;

/** The clock that matters now: the resolve-by once accepted, else the accept-by. */
const deadlineOf = (c: Item) => c.deadlines.resolveBy ?? c.deadlines.acceptBy;

/** 乡镇督办: escalated, overdue and committee-conflict cases of every village of the township, earliest deadline first. */
export default function TownshipCasesPage() {
  const me = useMe();
  const [items, setItems] = useState<Item[]>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setItems((await call('escalatedCases')).items);
    });
  usePageLoad(me, load);
  return (
    <Page>
      <View className="vh-title">{T.title}</View>
      <View className="vh-hint">{T.hint}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {items?.length === 0 && <View className="vh-empty">{T.empty}</View>}
      {items?.map((c) => (
        <View
          key={c.caseId}
          id={`township-case-${c.caseId}`}
          className={`vh-notice-row vh-township-case ${c.overdue ? 'vh-calendar-overdue' : ''}`}
          onClick={() => Taro.navigateTo({ url: `/pages/cases/detail/index?id=${c.caseId}&villageId=${c.villageId}` })}
        >
          <View className="vh-notice-row-meta">
            <Text className="vh-badge">{c.villageName}</Text>
            <Text className="vh-badge">{`${caseKindLabels[c.kind]} · ${c.categoryLabel}`}</Text>
            <Text className="vh-status vh-status-not_required">{caseStatusLabels[c.status]}</Text>
            {c.overdue && <Text className="vh-status vh-status-overdue">{T.overdue[c.overdue]}</Text>}
          </View>
          <View className="vh-notice-row-title" style={{ fontWeight: 'normal' }}>
            {c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text}
          </View>
          {c.escalation && <View className="vh-waiting">{T.escalation[c.escalation.reason]}</View>}
          <View className={c.overdue ? 'vh-field-error' : 'vh-meta'}>{T.deadline(formatDateTime(deadlineOf(c)))}</View>
          {c.groupName && <View className="vh-meta">{c.groupName}</View>}
        </View>
      ))}
    </Page>
  );
}
