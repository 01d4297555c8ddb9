import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { DemoPeople, Role } from '../../../../shared/schemas/person';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { tb } from '../../../i18n/bindings';
import { tq } from '../../../i18n/qr-sign-in';
import { t } from '../../../i18n/zh-CN';
import { ApiFailure, call, messageOf } from '../../../services/api';
import { goOn } from '../../../services/next';
import { session, wechatLoginCode } from '../../../services/session';
import { QrSignIn } from './qr-sign-in';

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

/** H5 has no wx.login: locally, a fake WeChat user of this browser stands in (see wechatLoginCode). */
const WEAPP = process.env.TARO_ENV === 'weapp';

export default function SignIn() {
  /** Where the person was going (a shared notice, say) when sign-in was asked for. */
  const { next } = useRouter().params;
  const [people, setPeople] = useState<Person[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  /** Demo sign-in exists only locally; elsewhere the server refuses it and the demo part is hidden. */
  const [demo, setDemo] = useState(true);
  const [signInError, setSignInError] = useState('');
  const [q, setQ] = useState('');
  const load = () => {
    setLoading(true);
    setError('');
    call('demoPeople')
      .then((r) => setPeople(r.people))
      .catch((e) => (e instanceof ApiFailure && e.status === 403 ? setDemo(false) : setError(messageOf(e))))
      .finally(() => setLoading(false));
  };
  useEffect(load, []);

  /** By tenant id, never by name: two villages (or two townships) may share one. */
  const tenants = useMemo(
    () => [...new Map(people.map((p) => [p.tenantId, { tenantId: p.tenantId, name: p.tenantName }])).values()],
    [people],
  );
  /** Signs in with the session the server hands out; an account not yet bound goes to bind first, then on to `next`. */
  const signInWith = async (title: string, get: () => Promise<{ token: string; person: unknown }>) => {
    try {
      setSignInError('');
      Taro.showLoading({ title });
      const r = await get();
      session.signIn(r.token);
      goOn(Boolean(r.person), next);
    } catch (e) {
      setSignInError(messageOf(e));
    } finally {
      Taro.hideLoading();
    }
  };
  const signIn = (p: Person) =>
    signInWith(t.signIn.signingIn(p.name), () =>
      call('demoSignIn', { body: { tenantId: p.tenantId, personId: p.personId } }),
    );
  const wechatSignIn = () =>
    signInWith(tb.signIn.signingIn, async () =>
      call('wechatSignIn', { body: { code: (await wechatLoginCode()) ?? '' } }),
    );

  return (
    <Page>
      <View className="vh-hero" id="about">
        <View className="vh-hero-hello">{t.appName}</View>
        <View className="vh-hero-roles">{t.signIn.about}</View>
      </View>
      {WEAPP && (
        <View className="vh-card">
          <View className="vh-title">{tb.signIn.title}</View>
          <View className="vh-hint">{tb.signIn.hint}</View>
          <Button id="wechat-sign-in" className="vh-button vh-button-primary" onClick={wechatSignIn}>
            {tb.signIn.wechat}
          </Button>
        </View>
      )}
      {signInError && <View className="vh-state vh-state-error">{signInError}</View>}
      {/* 扫码登录: how the deployed H5 site signs in, with the mini-program on the phone. */}
      {!WEAPP && <QrSignIn onSignedIn={(r) => signInWith(tq.page.signingIn, async () => r)} />}
      {demo && !WEAPP && (
        <View className="vh-card" id="demo-wechat">
          <View className="vh-card-title">{tb.signIn.demoTitle}</View>
          <Button id="demo-wechat-sign-in" className="vh-button vh-button-primary" onClick={wechatSignIn}>
            {tb.signIn.demoWechat}
          </Button>
          <View className="vh-hint">{tb.signIn.demoWechatHint}</View>
        </View>
      )}
      {demo && (
        <>
          <View className="vh-title">{t.signIn.title}</View>
          <TextField
            id="person-search"
            hint={WEAPP ? t.signIn.hint : tb.signIn.demoPeople}
            placeholder={t.signIn.search}
            value={q}
            onChange={setQ}
          />
          <LoadState loading={loading} error={error} onRetry={load} />
          {tenants.map((tenant) => {
            const mine = people.filter((p) => p.tenantId === tenant.tenantId && (!q || p.name.includes(q)));
            if (!mine.length) return null;
            const residents = mine.filter((p) => groupOf(p) === 'resident');
            const shown = q ? residents : residents.slice(0, SHOWN_RESIDENTS);
            return (
              <View className="vh-card vh-tenant" key={tenant.tenantId} id={`tenant-${tenant.tenantId}`}>
                <View className="vh-card-title">{tenant.name}</View>
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
        </>
      )}
    </Page>
  );
}
