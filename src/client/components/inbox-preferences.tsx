import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { type Grant, OptionalGroup, type InboxPreferences as Prefs } from '../../shared/schemas/inbox';
import { noticeCategories } from '../../shared/schemas/notice-category';
import type { Me } from '../../shared/schemas/person';
import { ti } from '../i18n/inbox';
import { t } from '../i18n/zh-CN';
import { call, messageOf } from '../services/api';
import { LoadState } from './state';
import { SwitchRow } from './switch-row';
import { useLoading } from './use-loading';
import { usePageLoad } from './use-page-load';

const toggle = <T,>(list: T[], item: T, on: boolean) =>
  on ? [...new Set([...list, item])] : list.filter((x) => x !== item);

/** On 我的: which messages beyond the ones the law makes mine I receive, and the notice categories I follow. */
export function InboxPreferences({ me }: { me: Me }) {
  const [prefs, setPrefs] = useState<Prefs>();
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | string>('idle');
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setPrefs(await call('inboxPreferences'));
    });
  usePageLoad(me, load);
  const save = async (next: Prefs) => {
    setPrefs(next);
    setState('sending');
    try {
      setPrefs(await call('setInboxPreferences', { body: next }));
      setState('sent');
    } catch (e) {
      setState(messageOf(e));
    }
  };
  return (
    <View className="vh-card" id="inbox-preferences">
      <View className="vh-card-title">{ti.prefs.title}</View>
      <View className="vh-hint">{ti.prefs.hint}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {prefs && (
        <>
          {OptionalGroup.options.map((g) => (
            <SwitchRow
              key={g}
              id={`pref-${g}`}
              label={ti.prefs.groups[g]}
              checked={!prefs.muted.includes(g)}
              onChange={(on) => save({ ...prefs, muted: toggle(prefs.muted, g, !on) })}
            />
          ))}
          <View className="vh-hint">{ti.prefs.categories}</View>
          {noticeCategories.map((c) => (
            <SwitchRow
              key={c}
              id={`pref-category-${c}`}
              label={t.categories[c]}
              checked={prefs.categories.includes(c)}
              onChange={(on) => save({ ...prefs, categories: toggle(prefs.categories, c, on) })}
            />
          ))}
          <SubscriptionGrants me={me} />
          {state === 'sending' && <View className="vh-hint">{t.state.sending}</View>}
          {state === 'sent' && <View className="vh-hint">{ti.prefs.saved}</View>}
          {state !== 'idle' && state !== 'sending' && state !== 'sent' && (
            <View className="vh-action">
              <View className="vh-action-failed">{state}</View>
              <Button className="vh-button vh-button-plain" onClick={() => save(prefs)}>
                {t.state.retry}
              </Button>
            </View>
          )}
        </>
      )}
    </View>
  );
}

/** The WeChat notifications this account granted in the mini-program: what the server may still send. */
function SubscriptionGrants({ me }: { me: Me }) {
  const [grants, setGrants] = useState<Grant[]>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setGrants((await call('listGrants')).items);
    });
  usePageLoad(me, load);
  return (
    <View id="subscription-grants">
      <View className="vh-hint">{ti.prefs.grants}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {grants?.length === 0 && <View className="vh-meta">{ti.prefs.noGrants}</View>}
      {grants?.map((g) => (
        <View key={g.template} className="vh-row" id={`grant-${g.template}`}>
          <View>{ti.prefs.templates[g.template]}</View>
          <View className="vh-meta">{ti.prefs.grantState(g)}</View>
        </View>
      ))}
      {Boolean(grants?.length) && <View className="vh-meta">{ti.prefs.grantsHint}</View>}
    </View>
  );
}
