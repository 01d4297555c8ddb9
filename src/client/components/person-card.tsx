import { View } from '@tarojs/components';
import type { Me } from '../../shared/schemas/person';
import { tb } from '../i18n/bindings';
import { t } from '../i18n/zh-CN';
import { formatDate } from '../services/format';
import { isTownship } from '../services/session';
import { MyHousehold } from './my-household';

/** Where the signed-in person belongs: their village, or for township staff their township. */
export const placeOf = (me?: Me) => (me?.villages.length === 1 ? me.villages[0].name : me?.township?.name);

/** Who I am on the register: name, roles and posts, village and group, since when bound, and my household. */
export function PersonCard({ me, boundSince = false }: { me: Me; boundSince?: boolean }) {
  const person = me.person;
  if (!person) return null;
  return (
    <View id="me-card">
      <View className="vh-person-name">{person.name}</View>
      <View className="vh-meta">
        {t.home.roles}：{person.roles.map((r) => t.roles[r]).join('、')}
        {person.posts.length ? `（${person.posts.join('、')}）` : ''}
      </View>
      <View className="vh-meta">
        {isTownship(me) ? t.home.township : t.home.village}：{placeOf(me)}
        {person.groupName ? ` · ${person.groupName}` : ''}
      </View>
      {boundSince && me.account.boundAt && (
        <View className="vh-meta" id="bound-since">
          {tb.me.boundSince}：{formatDate(me.account.boundAt)}
        </View>
      )}
      <MyHousehold personId={person.personId} />
    </View>
  );
}
