import { Input, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { VillageSettings } from '../../../../shared/schemas/settings';
import { FieldError } from '../../../components/state';
import { t } from '../../../i18n/zh-CN';

/** A number box as typed: empty stays empty (validation then names the field), digits become a number. */
const asNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const shown = (n: number) => (Number.isNaN(n) ? '' : String(n));

type Group = 'writeLimits' | 'privacy' | 'care';
type Key<G extends Group> = keyof VillageSettings[G] & string;

/**
 * What one person may submit (beyond it a 429), personal information's clocks (how soon
 * a correction request is answered, how long a closed petition keeps its petitioner) and
 * the care plan's (how often a visit, how soon it is entered, how long a problem may
 * stay open); the law's or the plan's default beside anything the village changed.
 */
export function LimitsSettings({
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
  const number = <G extends Group>(group: G, key: Key<G>) => {
    const value = draft[group][key] as number;
    const fallback = defaults[group][key] as number;
    return (
      <View key={key} className="vh-setting-row">
        <View className="vh-label">{(t.settings[group].labels as Record<string, string>)[key]}</View>
        <Input
          id={`setting-${group}-${key}`}
          className="vh-input"
          type="number"
          disabled={disabled}
          value={shown(value)}
          onInput={(e) => update({ [group]: { ...draft[group], [key]: asNumber(e.detail.value) } })}
        />
        {lawDefault(value !== fallback, String(fallback))}
        <FieldError message={errors[`${group}.${key}`]} />
      </View>
    );
  };
  return (
    <View>
      <View className="vh-card" id="write-limits-settings">
        <View className="vh-card-title">{t.settings.writeLimits.title}</View>
        <View className="vh-hint">{t.settings.writeLimits.hint}</View>
        {number('writeLimits', 'casesPerDay')}
        {number('writeLimits', 'questionsPerHour')}
      </View>
      <View className="vh-card" id="privacy-settings">
        <View className="vh-card-title">{t.settings.privacy.title}</View>
        <View className="vh-hint">{t.settings.privacy.hint}</View>
        {number('privacy', 'correctionDays')}
        {number('privacy', 'closedPetitionDays')}
      </View>
      <View className="vh-card" id="care-settings">
        <View className="vh-card-title">{t.settings.care.title}</View>
        <View className="vh-hint">{t.settings.care.hint}</View>
        {number('care', 'visitEveryDays')}
        {number('care', 'lateEntryHours')}
        {number('care', 'problemWorkingDays')}
      </View>
    </View>
  );
}
