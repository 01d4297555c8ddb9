import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { DemoPeople, Role } from '../../../../shared/schemas/person';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { t } from '../../../i18n/zh-CN';
import { call, messageOf } from '../../../services/api';
import { session } from '../../../services/session';

type Person = DemoPeople['people'][number];
/** Staff first, in the order people look for them; everyone else is a resident. */
const GROUPS = [
  'committee',
  'party_branch',
  'supervisor',
  'township_staff',
  'grid_worker',
  'representative',
  'party_member',
] as const satisfies readonly Role[];
const groupOf = (p: Person): Role => GROUPS.find((r) => p.roles.includes(r)) ?? 'resident';
const SHOWN_RESIDENTS = 8;

function PersonRow({ p, onPick }: { p: Person; onPick: (p: Person) => void }) {
  return (
    <View className="vh-person" onClick={() => onPick(p)}>
      <Text className="vh-person-name">{p.name}</Text>
      <Text className="vh-person-roles">
        {p.roles
          .filter((r) => r !== 'resident' || p.roles.length === 1)
          .map((r) => t.roles[r])
          .join(' · ')}
        {p.posts.length ? `（${p.posts.join('、')}）` : ''}
      </Text>
    </View>
  );
}

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
      setError('');
      Taro.showLoading({ title: t.signIn.signingIn(p.name) });
      const r = await call('demoSignIn', { body: { tenantId: p.tenantId, personId: p.personId } });
      session.signIn(r.token);
      Taro.reLaunch({ url: '/pages/index/index' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      Taro.hideLoading();
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
        if (!mine.length) return null;
        const residents = mine.filter((p) => groupOf(p) === 'resident');
        const shown = q ? residents : residents.slice(0, SHOWN_RESIDENTS);
        return (
          <View className="vh-card vh-tenant" key={tenant}>
            <View className="vh-card-title">{tenant}</View>
            {GROUPS.map((role) => {
              const group = mine.filter((p) => groupOf(p) === role);
              return group.length ? (
                <View key={role} className={`vh-person-group vh-person-group-${role}`}>
                  <View className="vh-subtitle">{t.roles[role]}</View>
                  {group.map((p) => (
                    <PersonRow key={p.personId} p={p} onPick={signIn} />
                  ))}
                </View>
              ) : null;
            })}
            {shown.length > 0 && (
              <View className="vh-person-group vh-person-group-resident">
                <View className="vh-subtitle">{t.signIn.residents}</View>
                {shown.map((p) => (
                  <PersonRow key={p.personId} p={p} onPick={signIn} />
                ))}
              </View>
            )}
            {!q && residents.length > shown.length && (
              <View className="vh-hint">{t.signIn.more(residents.length - shown.length)}</View>
            )}
          </View>
        );
      })}
    </Page>
  );
}
