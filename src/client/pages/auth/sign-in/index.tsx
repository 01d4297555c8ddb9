import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { DemoPeople } from '../../../../shared/schemas/person';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { t } from '../../../i18n/zh-CN';
import { call, messageOf } from '../../../services/api';
import { session } from '../../../services/session';

type Person = DemoPeople['people'][number];
const STAFF_ORDER = [
  'committee',
  'party_branch',
  'supervisor',
  'township_staff',
  'grid_worker',
  'representative',
] as const;
const rank = (p: Person) => {
  const i = STAFF_ORDER.findIndex((r) => p.roles.includes(r));
  return i < 0 ? STAFF_ORDER.length : i;
};
const SHOWN_RESIDENTS = 8;

export default function SignIn() {
  const [people, setPeople] = useState<Person[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [q, setQ] = useState('');
  const load = () => {
    setLoading(true);
    setError('');
    call('demoPeople')
      .then((r) => setPeople(r.people))
      .catch((e) => setError(messageOf(e)))
      .finally(() => setLoading(false));
  };
  useEffect(load, []);

  const tenants = useMemo(() => [...new Set(people.map((p) => p.tenantName))], [people]);
  const signIn = async (p: Person) => {
    try {
      const r = await call('demoSignIn', { body: { tenantId: p.tenantId, personId: p.personId } });
      session.signIn(r.token);
      Taro.reLaunch({ url: '/pages/index/index' });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Page>
      <View className="vh-title">{t.signIn.title}</View>
      <View className="vh-hint">{t.signIn.hint}</View>
      <Input
        id="person-search"
        className="vh-input"
        placeholder={t.signIn.search}
        value={q}
        onInput={(e) => setQ(e.detail.value)}
      />
      <LoadState loading={loading} error={error} onRetry={load} />
      {tenants.map((tenant) => {
        const mine = people.filter((p) => p.tenantName === tenant && (!q || p.name.includes(q)));
        const staff = mine.filter((p) => rank(p) < STAFF_ORDER.length).sort((a, b) => rank(a) - rank(b));
        const residents = mine.filter((p) => rank(p) === STAFF_ORDER.length);
        const shown = q ? residents : residents.slice(0, SHOWN_RESIDENTS);
        if (!mine.length) return null;
        return (
          <View className="vh-card" key={tenant}>
            <View className="vh-card-title">{tenant}</View>
            {staff.length > 0 && <View className="vh-subtitle">{t.signIn.staff}</View>}
            {[...staff, ...(shown.length ? shown : [])].map((p) => (
              <View className="vh-person" key={p.personId} onClick={() => signIn(p)}>
                <Text className="vh-person-name">{p.name}</Text>
                <Text className="vh-person-roles">
                  {p.roles
                    .filter((r) => r !== 'resident' || p.roles.length === 1)
                    .map((r) => t.roles[r])
                    .join(' · ')}
                  {p.posts.length ? `（${p.posts.join('、')}）` : ''}
                </Text>
              </View>
            ))}
            {!q && residents.length > shown.length && (
              <View className="vh-hint">{t.signIn.more(residents.length - shown.length)}</View>
            )}
          </View>
        );
      })}
    </Page>
  );
}
