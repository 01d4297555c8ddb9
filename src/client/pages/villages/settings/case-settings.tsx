import { Button, Input, Text, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import type { VillageSettings } from '../../../../shared/schemas/settings';
import { Choice } from '../../../components/choice';
import { ListEditor } from '../../../components/list-editor';
import { FieldError } from '../../../components/state';
import { limitText, tcs } from '../../../i18n/cases-staff';

type Category = VillageSettings['caseCategories'][number];
type LimitKey = keyof Category['limits'];
type Unit = Category['limits']['accept']['unit'];
type Share = VillageSettings['coSigning']['villagersMeetingAdults'];
type ShareKey = 'villagersMeetingAdults' | 'villagersMeetingRepresentatives' | 'assemblyRepresentatives';

const S = tcs.settings;
const LIMITS: LimitKey[] = ['accept', 'resolve', 'extension', 'review'];
const UNITS: Unit[] = ['days', 'working_days', 'hours'];
const SHARES: ShareKey[] = ['villagersMeetingAdults', 'villagersMeetingRepresentatives', 'assemblyRepresentatives'];
/** A number box as typed: empty stays empty (the server then names the field), digits become a number. */
const asNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const shown = (n: number) => (Number.isNaN(n) ? '' : String(n));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * 建议和诉求 in the village's settings: each category's clocks, the holiday calendar
 * working-day clocks skip, what an unsatisfied rating does, and the co-signing
 * thresholds; the law's default beside anything the village changed.
 */
export function CaseSettings({
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
  const setCategory = (i: number, c: Category) =>
    update({ caseCategories: draft.caseCategories.map((x, k) => (k === i ? c : x)) });
  const setShare = (key: ShareKey, share: Share) => update({ coSigning: { ...draft.coSigning, [key]: share } });

  return (
    <View id="case-settings">
      <View className="vh-card" id="case-settings-limits">
        <View className="vh-card-title">{S.title}</View>
        <View className="vh-hint">{S.hint}</View>
        <FieldError message={errors.caseCategories} />
        {draft.caseCategories.map((c, i) => (
          <CategoryLimits
            key={c.categoryId}
            category={c}
            law={defaults.caseCategories.find((d) => d.categoryId === c.categoryId)}
            path={`caseCategories.${i}`}
            onChange={(next) => setCategory(i, next)}
            errors={errors}
            disabled={disabled}
            lawDefault={lawDefault}
          />
        ))}
      </View>

      <View className="vh-card" id="case-settings-calendar">
        <View className="vh-card-title">{S.calendar}</View>
        <View className="vh-hint">{S.calendarHint}</View>
        <DayList
          id="setting-holidays"
          label={S.holidays}
          days={draft.holidays}
          law={defaults.holidays}
          onChange={(holidays) => update({ holidays })}
          errors={errors}
          path="holidays"
          disabled={disabled}
          lawDefault={lawDefault}
        />
        <DayList
          id="setting-workdays"
          label={S.workdays}
          days={draft.workdays}
          law={defaults.workdays}
          onChange={(workdays) => update({ workdays })}
          errors={errors}
          path="workdays"
          disabled={disabled}
          lawDefault={lawDefault}
        />
      </View>

      <View className="vh-card" id="case-settings-unsatisfied">
        <View className="vh-card-title">{S.unsatisfied}</View>
        <View className="vh-hint">{S.unsatisfiedHint}</View>
        <Choice
          id="setting-unsatisfied"
          options={['reopen', 'escalate'] as const}
          value={draft.unsatisfiedRating}
          label={(v) => S.unsatisfiedOptions[v]}
          onChoose={(unsatisfiedRating) => update({ unsatisfiedRating })}
          disabled={disabled}
        />
        {lawDefault(
          draft.unsatisfiedRating !== defaults.unsatisfiedRating,
          S.unsatisfiedOptions[defaults.unsatisfiedRating],
        )}
        <FieldError message={errors.unsatisfiedRating} />
      </View>

      <View className="vh-card" id="case-settings-cosigning">
        <View className="vh-card-title">{S.coSigning}</View>
        <View className="vh-hint">{S.coSigningHint}</View>
        {SHARES.map((key) => {
          const [a, b] = draft.coSigning[key];
          return (
            <View key={key} className="vh-setting-row" id={`setting-cosign-${key}`}>
              <View className="vh-label">{S.shares[key]}</View>
              <View className="vh-row">
                <Input
                  id={`setting-cosign-${key}-b`}
                  className="vh-input"
                  type="number"
                  disabled={disabled}
                  value={shown(b)}
                  maxlength={3}
                  onInput={(e) => setShare(key, [a, asNumber(e.detail.value)])}
                />
                <Text style={{ flex: 'none' }}>分之</Text>
                <Input
                  id={`setting-cosign-${key}-a`}
                  className="vh-input"
                  type="number"
                  disabled={disabled}
                  value={shown(a)}
                  maxlength={3}
                  onInput={(e) => setShare(key, [asNumber(e.detail.value), b])}
                />
              </View>
              {lawDefault(
                !same(draft.coSigning[key], defaults.coSigning[key]),
                S.share(defaults.coSigning[key] as [number, number]),
              )}
              <FieldError
                message={errors[`coSigning.${key}`] ?? errors[`coSigning.${key}.0`] ?? errors[`coSigning.${key}.1`]}
              />
            </View>
          );
        })}
        <View className="vh-setting-row">
          <View className="vh-label">{S.noticeDays}</View>
          <Input
            id="setting-cosign-notice-days"
            className="vh-input"
            type="number"
            disabled={disabled}
            value={shown(draft.coSigning.meetingNoticeDays)}
            maxlength={2}
            onInput={(e) => update({ coSigning: { ...draft.coSigning, meetingNoticeDays: asNumber(e.detail.value) } })}
          />
          {lawDefault(
            draft.coSigning.meetingNoticeDays !== defaults.coSigning.meetingNoticeDays,
            `${defaults.coSigning.meetingNoticeDays} 天`,
          )}
          <FieldError message={errors['coSigning.meetingNoticeDays']} />
        </View>
      </View>
    </View>
  );
}

/** One category's four clocks: folded to one line, unfolded to change each amount and unit. */
function CategoryLimits({
  category: c,
  law,
  path,
  onChange,
  errors,
  disabled,
  lawDefault,
}: {
  category: Category;
  law?: Category;
  path: string;
  onChange: (c: Category) => void;
  errors: Record<string, string>;
  disabled: boolean;
  lawDefault: (changed: boolean, text: string) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const summary = (x: Category) => LIMITS.map((k) => `${S.limits[k]} ${limitText(x.limits[k])}`).join(' · ');
  const wrong = Object.keys(errors).some((k) => k.startsWith(`${path}.`));
  const unfolded = editing || wrong;
  return (
    <View className="vh-setting-row" id={`setting-case-${c.categoryId}`}>
      <View className="vh-row" style={{ justifyContent: 'space-between' }}>
        <Text className="vh-subtitle">{c.label}</Text>
        {!disabled && (
          <Button
            id={`setting-case-${c.categoryId}-edit`}
            className="vh-button vh-button-plain vh-button-small"
            onClick={() => setEditing(!unfolded)}
          >
            {unfolded ? S.fold : S.change}
          </Button>
        )}
      </View>
      {c.care && <View className="vh-hint">{S.care}</View>}
      {!unfolded && (
        <>
          <View className="vh-meta" id={`setting-case-${c.categoryId}-summary`}>
            {summary(c)}
          </View>
          {law && lawDefault(!same(c.limits, law.limits), summary(law))}
        </>
      )}
      {unfolded &&
        LIMITS.map((k) => {
          const limit = c.limits[k];
          const at = `${path}.limits.${k}`;
          const setLimit = (patch: Partial<typeof limit>) =>
            onChange({ ...c, limits: { ...c.limits, [k]: { ...limit, ...patch } } });
          return (
            <View key={k} style={{ margin: '6px 0 10px' }}>
              <View className="vh-row">
                <Text style={{ flex: 'none', minWidth: '6em' }}>{S.limits[k]}</Text>
                <Input
                  id={`setting-case-${c.categoryId}-${k}-amount`}
                  className="vh-input"
                  type="number"
                  disabled={disabled}
                  value={shown(limit.amount)}
                  maxlength={3}
                  onInput={(e) => setLimit({ amount: asNumber(e.detail.value) })}
                />
              </View>
              <Choice
                id={`setting-case-${c.categoryId}-${k}-unit`}
                options={UNITS}
                value={limit.unit}
                label={(u) => S.units[u]}
                onChoose={(unit) => setLimit({ unit })}
                disabled={disabled}
              />
              {law && lawDefault(!same(limit, law.limits[k]), limitText(law.limits[k]))}
              <FieldError message={errors[`${at}.amount`] ?? errors[`${at}.unit`] ?? errors[at]} />
            </View>
          );
        })}
    </View>
  );
}

/** A list of dates: folded to its count and span (it can be long), unfolded to edit day by day. */
function DayList({
  id,
  label,
  days,
  law,
  onChange,
  errors,
  path,
  disabled,
  lawDefault,
}: {
  id: string;
  label: string;
  days: string[];
  law: string[];
  onChange: (days: string[]) => void;
  errors: Record<string, string>;
  path: string;
  disabled: boolean;
  lawDefault: (changed: boolean, text: string) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const sorted = [...days].filter(Boolean).sort();
  const changed = !same([...days].sort(), [...law].sort());
  const rowErrors = days.map((_, i) => errors[`${path}.${i}`]);
  const anyError = errors[path] ?? rowErrors.find(Boolean);
  return (
    <View className="vh-setting-row" id={`${id}-field`}>
      <View className="vh-label">{label}</View>
      <View className="vh-meta" id={`${id}-summary`}>
        {S.days(days.length)}
        {sorted.length ? `（${S.span(sorted[0], sorted[sorted.length - 1])}）` : ''}
      </View>
      {lawDefault(changed, S.days(law.length))}
      {editing ? (
        <>
          <ListEditor
            id={id}
            items={days}
            onChange={onChange}
            placeholder={S.day}
            addLabel={S.addDay}
            removeLabel={S.removeDay}
            maxlength={10}
            errorAt={(i) => rowErrors[i]}
          />
          <FieldError message={errors[path]} />
        </>
      ) : (
        <FieldError message={anyError} />
      )}
      {!disabled && (
        <View className="vh-row">
          <Button id={`${id}-edit`} className="vh-button vh-button-plain" onClick={() => setEditing(!editing)}>
            {editing ? S.fold : S.edit}
          </Button>
          {changed && (
            <Button id={`${id}-restore`} className="vh-button vh-button-plain" onClick={() => onChange([...law])}>
              {S.restore}
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
