import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ConsentBanner } from '../../components/consent';
import { InboxPreferences } from '../../components/inbox-preferences';
import { LargeTextSwitch, useLargeText } from '../../components/large-text';
import { MySessions } from '../../components/my-sessions';
import { MySubmissions } from '../../components/my-submissions';
import { Page } from '../../components/page';
import { PersonCard } from '../../components/person-card';
import { useMe } from '../../components/use-me';
import { BIND_PAGE } from '../../components/use-page-load';
import { tb } from '../../i18n/bindings';
import { tc } from '../../i18n/cases';
import { tp } from '../../i18n/privacy';
import { t } from '../../i18n/zh-CN';
import { call, messageOf } from '../../services/api';
import { formatDateTime } from '../../services/format';
import { openPrivacyPolicy } from '../../services/privacy';
import { isTownship, isUnbound, session } from '../../services/session';

const HOME = '/pages/index/index';

/** 我的: who I am on the register, my household, text size, and letting go of this phone's binding. */
export default function MePage() {
  const me = useMe();
  const [large, setLarge] = useLargeText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: tb.me.unbind,
      content: tb.me.unbindWarning,
      confirmText: tb.me.unbind,
      confirmColor: '#b00020',
      cancelText: tb.me.cancel,
    });
    if (!confirm || busy) return;
    setBusy(true);
    setError('');
    try {
      // The account stays signed in, unbound: the new session says so.
      const r = await call('unbindMe');
      session.signIn(r.token);
      Taro.showToast({ title: tb.me.unbindDone, icon: 'none' });
      Taro.reLaunch({ url: HOME });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page>
      <View className="vh-card">
        <View className="vh-card-title">{t.home.me}</View>
        {me?.person && <PersonCard me={me} boundSince />}
        {me?.pendingTakeover && (
          <View id="pending-takeover" className="vh-banner">
            {tb.me.takeover(formatDateTime(me.pendingTakeover.claimedAt))}
          </View>
        )}
        <ConsentBanner me={me} />
        {isUnbound(me) && (
          <View id="me-unbound">
            <View className="vh-hint">{tb.me.unbound}</View>
            <Button
              id="go-bind"
              className="vh-button vh-button-primary"
              onClick={() => Taro.navigateTo({ url: BIND_PAGE })}
            >
              {tb.home.bindButton}
            </Button>
          </View>
        )}
      </View>
      {me?.person && <MySubmissions me={me} />}
      {me?.person && <MySessions me={me} />}
      {me?.person && <InboxPreferences me={me} />}
      {me?.person && !isTownship(me) && (
        <Button
          id="my-cases"
          className="vh-button vh-button-plain"
          onClick={() => Taro.navigateTo({ url: '/pages/cases/list/index?view=mine' })}
        >
          {tc.home.mine}
        </Button>
      )}
      <View className="vh-card">
        <LargeTextSwitch on={large} onChange={setLarge} />
      </View>
      {me?.person && (
        <Button
          id="my-data"
          className="vh-button vh-button-plain"
          onClick={() => Taro.navigateTo({ url: '/pages/me/data/index' })}
        >
          {tp.data.link}
        </Button>
      )}
      <Button id="privacy-policy" className="vh-button vh-button-plain" onClick={openPrivacyPolicy}>
        {tp.link}
      </Button>
      {me?.person && (
        <View className="vh-action">
          <Button id="unbind" className="vh-button vh-button-danger" disabled={busy || undefined} onClick={unbind}>
            {busy ? t.state.sending : tb.me.unbind}
          </Button>
          {error && <View className="vh-action-failed">{error}</View>}
        </View>
      )}
      <Button
        id="sign-out"
        className="vh-button vh-button-plain"
        onClick={() => {
          session.signOut();
          Taro.reLaunch({ url: '/pages/auth/sign-in/index' });
        }}
      >
        {t.home.signOut}
      </Button>
    </Page>
  );
}
