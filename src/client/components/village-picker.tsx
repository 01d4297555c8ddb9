import { View } from '@tarojs/components';
import type { Me } from '../../shared/schemas/person';
import { t } from '../i18n/zh-CN';
import { isTownship } from '../services/session';

/** Township staff oversee several villages: big buttons to choose which one a page shows. Nobody else sees it. */
export function VillagePicker({
  me,
  chosen,
  onChoose,
}: {
  me: Me | undefined;
  chosen?: string;
  onChoose: (villageId: string) => void;
}) {
  if (!me || !isTownship(me)) return null;
  return (
    <View className="vh-villages" id="village-picker">
      <View className="vh-label">{t.list.village}</View>
      <View className="vh-tabs">
        {me.villages.map((v) => (
          <View
            key={v.villageId}
            id={`village-${v.villageId}`}
            className={`vh-tab vh-village ${chosen === v.villageId ? 'vh-tab-on' : ''}`}
            onClick={() => onChoose(v.villageId)}
          >
            {v.name}
          </View>
        ))}
      </View>
    </View>
  );
}
