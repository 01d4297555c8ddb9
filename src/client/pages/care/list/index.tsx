import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { type CareList, guardianClassLabels, supportModeLabels } from '../../../../shared/schemas/care';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useMe } from '../../../components/use-me';
import { useVillagePage } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tcare } from '../../../i18n/care';
import { call } from '../../../services/api';

const L = tcare.list;

/** 特困人员名册: who is in care in a village, overdue visits first. */
export default function CareListPage() {
  const me = useMe();
  const [list, setList] = useState<CareList>();
  const { chosen, pick, load, loading, error } = useVillagePage(me, async (villageId) =>
    setList(await call('listCare', { query: { villageId } })),
  );
  return (
    <Page>
      <View className="vh-title">{L.title}</View>
      <View className="vh-hint">{L.hint}</View>
      <VillagePicker me={me} chosen={chosen} onChoose={pick} />
      <Button
        id="care-overview-link"
        className="vh-button vh-button-plain"
        onClick={() => Taro.navigateTo({ url: '/pages/care/overview/index' })}
      >
        {L.overview}
      </Button>
      {me?.person?.roles.includes('committee') && (
        <Button
          id="care-register-link"
          className="vh-button vh-button-primary"
          onClick={() => Taro.navigateTo({ url: '/pages/care/register/index' })}
        >
          {tcare.register.open}
        </Button>
      )}
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {list?.items.length === 0 && <View className="vh-empty">{L.empty}</View>}
      {list?.items.map((p) => (
        <View
          key={p.personId}
          id={`care-${p.personId}`}
          className={`vh-notice-row vh-care-row ${p.visitOverdue ? 'vh-calendar-overdue' : ''}`}
          onClick={() =>
            Taro.navigateTo({ url: `/pages/care/detail/index?id=${p.personId}&villageId=${list.villageId}` })
          }
        >
          <View className="vh-notice-row-meta">
            <Text className="vh-badge">{supportModeLabels[p.supportMode]}</Text>
            {p.groupName && <Text className="vh-badge">{p.groupName}</Text>}
            {!p.hasAgreement && <Text className="vh-status vh-status-overdue">{L.noAgreement}</Text>}
          </View>
          <View className="vh-notice-row-title">{p.name}</View>
          <View className="vh-meta">
            {`${L.guardian(p.guardianName)}（${guardianClassLabels[p.guardianClass].split('：')[0]}）`}
          </View>
          {p.guardianFlagged && <View className="vh-waiting">{L.flagged}</View>}
          <View className={p.visitOverdue ? 'vh-field-error' : 'vh-meta'}>
            {p.visitOverdue ? L.overdue(p.nextVisitDue) : L.due(p.nextVisitDue)}
          </View>
          {p.openProblems > 0 && <View className="vh-field-error">{L.problems(p.openProblems)}</View>}
        </View>
      ))}
    </Page>
  );
}
