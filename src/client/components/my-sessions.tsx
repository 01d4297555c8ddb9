import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../shared/schemas/person';
import type { DeviceSession } from '../../shared/schemas/qr-sign-in';
import { tq } from '../i18n/qr-sign-in';
import { call, messageOf } from '../services/api';
import { formatDateTime } from '../services/format';
import { session } from '../services/session';
import { LoadState } from './state';
import { useLoading } from './use-loading';
import { usePageLoad } from './use-page-load';

/**
 * 扫码登录的电脑: the browsers this person signed in by scanning, each with a
 * sign-out that takes effect on its very next request (a computer left signed in
 * at the township office is ended from the phone). Ending this browser's own
 * session signs it out here too.
 */
export function MySessions({ me }: { me: Me }) {
  const [items, setItems] = useState<DeviceSession[]>();
  const { loading, error, track } = useLoading();
  const [ending, setEnding] = useState('');
  const [endError, setEndError] = useState<{ sessionId: string; message: string }>();
  const load = () =>
    track(async () => {
      setItems((await call('mySessions')).items);
    });
  usePageLoad(me, load);

  const end = async (s: DeviceSession) => {
    if (ending) return;
    setEnding(s.sessionId);
    setEndError(undefined);
    try {
      await call('endMySession', { params: { sessionId: s.sessionId } });
      if (s.current) {
        session.signOut();
        Taro.reLaunch({ url: '/pages/auth/sign-in/index' });
        return;
      }
      setItems((all) => all?.filter((i) => i.sessionId !== s.sessionId));
      Taro.showToast({ title: tq.sessions.ended, icon: 'none' });
    } catch (e) {
      setEndError({ sessionId: s.sessionId, message: messageOf(e) });
    } finally {
      setEnding('');
    }
  };

  return (
    <View className="vh-card" id="my-sessions">
      <View className="vh-card-title">{tq.sessions.title}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {items && !items.length && <View className="vh-hint">{tq.sessions.none}</View>}
      {items?.map((s) => (
        <View key={s.sessionId} className="vh-notice-row" id={`session-${s.sessionId}`}>
          <View className="vh-notice-row-meta">
            <View>{s.device}</View>
            {s.current && <View className="vh-badge">{tq.sessions.current}</View>}
          </View>
          <View className="vh-meta">{tq.sessions.signedInAt(formatDateTime(s.createdAt))}</View>
          <Button
            className="vh-button vh-button-plain vh-end-session"
            disabled={Boolean(ending) || undefined}
            onClick={() => end(s)}
          >
            {ending === s.sessionId ? tq.sessions.ending : tq.sessions.end}
          </Button>
          {endError?.sessionId === s.sessionId && <View className="vh-action-failed">{endError.message}</View>}
        </View>
      ))}
    </View>
  );
}
