import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { z } from 'zod';
import type { HouseholdView } from '../../../../shared/schemas/person';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tp } from '../../../i18n/people';
import { call } from '../../../services/api';
import { hasRole, isTownship } from '../../../services/session';
import { PersonRow, ROSTER } from '../roster';

/** One household (户): everyone registered in it, the head first, those who left kept as history. */
export default function HouseholdPage() {
  const { params } = useRouter();
  const householdId = params.id ?? '';
  const villageId = params.villageId || undefined;
  const me = useMe();
  const [household, setHousehold] = useState<z.infer<typeof HouseholdView>>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => setHousehold(await call('getHousehold', { params: { householdId }, query: { villageId } })));
  usePageLoad(me, load);
  const members = [...(household?.members ?? [])].sort(
    (a, b) =>
      Number(b.relation === tp.household.head) - Number(a.relation === tp.household.head) ||
      Number(b.status === 'active') - Number(a.status === 'active'),
  );
  return (
    <Page>
      <LoadState loading={loading} error={error} onRetry={load} />
      {household && (
        <View id="household">
          <View className="vh-title">{tp.household.title(household.householdId)}</View>
          <View className="vh-meta">
            {[household.groupName, tp.household.members(household.members.length)].filter(Boolean).join(' · ')}
          </View>
          {members.map((p) => (
            <PersonRow key={p.personId} p={p} onClick={() => Taro.navigateTo({ url: ROSTER.detail(p.personId) })} />
          ))}
          {hasRole(me, 'committee') && !isTownship(me) && (
            <Button
              id="add-to-household"
              className="vh-button vh-button-plain"
              onClick={() => Taro.navigateTo({ url: ROSTER.addTo(household.householdId, household.groupName) })}
            >
              {tp.household.add}
            </Button>
          )}
        </View>
      )}
    </Page>
  );
}
