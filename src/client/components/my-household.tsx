import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { MyHousehold as Household } from '../../shared/schemas/person';
import { t } from '../i18n/zh-CN';
import { call } from '../services/api';

/** My household (户) as the village register has it: the head, the members, who left. */
export function MyHousehold({ personId }: { personId: string }) {
  const [household, setHousehold] = useState<Household>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when another person signs in
  useEffect(() => {
    call('myHousehold')
      .then(setHousehold)
      .catch(() => setHousehold(undefined));
  }, [personId]);
  if (!household?.householdId) return null;
  return (
    <View id="my-household" className="vh-household">
      <View className="vh-label">{t.home.household}</View>
      {household.members.map((m) => (
        <View key={m.name} className="vh-household-member">
          <Text>{m.name}</Text>
          {m.isHead && <Text className="vh-badge">{t.home.head}</Text>}
          {m.isMe && <Text className="vh-meta">{t.detail.me}</Text>}
          {m.status !== 'active' && <Text className="vh-meta">（{t.home.memberStatus[m.status]}）</Text>}
        </View>
      ))}
    </View>
  );
}
