import { Input, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { VillageSettings } from '../../../../shared/schemas/settings';
import { FieldError } from '../../../components/state';
import { ti } from '../../../i18n/inbox';

type Inbox = VillageSettings['inbox'];
/** A number box as typed: empty stays empty (the server then names the field), digits become a number. */
const asNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const shown = (n: number) => (Number.isNaN(n) ? '' : String(n));

/**
 * 消息 in the village's settings: quiet hours and the daily cap of WeChat
 * notifications, how long messages are kept, when a waiting question is brought
 * to the committee; the default beside anything the village changed.
 */
export function InboxSettings({
  draft,
  defaults,
  update,
  errors,
  disabled,
  lawDefault,
}: {
  draft: VillageSettings;
  defaults: VillageSettings;
  update: (patch: Partial<VillageSettings>) => void;
  errors: Record<string, string>;
  disabled: boolean;
  lawDefault: (changed: boolean, text: string) => ReactNode;
}) {
  const inbox = draft.inbox;
  const set = (patch: Partial<Inbox>) => update({ inbox: { ...inbox, ...patch } });
  const number = (key: 'dailyCap' | 'keepDays' | 'questionWaitHours') => (
    <View key={key}>
      <View className="vh-label">{ti.settings[key]}</View>
      <Input
        id={`setting-inbox-${key}`}
        className="vh-input"
        type="number"
        disabled={disabled}
        value={shown(inbox[key])}
        onInput={(e) => set({ [key]: asNumber(e.detail.value) })}
      />
      {lawDefault(inbox[key] !== defaults.inbox[key], String(defaults.inbox[key]))}
      <FieldError message={errors[`inbox.${key}`]} />
    </View>
  );
  const time = (key: 'quietFrom' | 'quietUntil') => (
    <View key={key} className="vh-guide-row">
      <View className="vh-label">{ti.settings[key]}</View>
      <Input
        id={`setting-inbox-${key}`}
        className="vh-input"
        type="text"
        maxlength={5}
        placeholder="22:00"
        disabled={disabled}
        value={inbox[key]}
        onInput={(e) => set({ [key]: e.detail.value.trim() })}
      />
      <FieldError message={errors[`inbox.${key}`]} />
    </View>
  );
  const quietChanged = inbox.quietFrom !== defaults.inbox.quietFrom || inbox.quietUntil !== defaults.inbox.quietUntil;

  return (
    <View className="vh-card" id="inbox-settings">
      <View className="vh-card-title">{ti.settings.title}</View>
      <View className="vh-hint">{ti.settings.hint}</View>
      <View className="vh-label">{ti.settings.quiet}</View>
      {time('quietFrom')}
      {time('quietUntil')}
      {lawDefault(quietChanged, `${defaults.inbox.quietFrom}–${defaults.inbox.quietUntil}`)}
      {number('dailyCap')}
      {number('keepDays')}
      {number('questionWaitHours')}
    </View>
  );
}
