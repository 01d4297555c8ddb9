import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { noticeCategories } from '../../../../shared/schemas/notice';
import {
  type Cadence,
  type SettingsView,
  type VillageSettings,
  VillageSettingsUpdate,
} from '../../../../shared/schemas/settings';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { Page } from '../../../components/page';
import { FieldError, LoadState } from '../../../components/state';
import { SwitchRow } from '../../../components/switch-row';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tov } from '../../../i18n/oversight';
import { t } from '../../../i18n/zh-CN';
import { call, fieldsOf } from '../../../services/api';
import { hasRole } from '../../../services/session';
import { CaseSettings } from './case-settings';
import { InboxSettings } from './inbox-settings';
import { LimitsSettings } from './limits-settings';

const cadences: Cadence[] = ['monthly', 'quarterly', 'on_change'];
type Threshold = VillageSettings['voteRules']['representatives']['turnout'];
/** The two thresholds the law uses, as a village chooses between them. */
const thresholds: Record<'half' | 'twoThirds', Threshold> = {
  half: { share: [1, 2], strict: true },
  twoThirds: { share: [2, 3], strict: false },
};
const presetOf = (x: Threshold) =>
  (Object.keys(thresholds) as (keyof typeof thresholds)[]).find(
    (k) => JSON.stringify(thresholds[k]) === JSON.stringify(x),
  ) ?? 'half';
const bodies = ['villagers_meeting', 'representatives', 'party_members', 'custom'] as const;

/** The village's settings, with the law's default beside any that the village changed. */
export default function SettingsPage() {
  const me = useMe();
  const { township, chosen, choose: setVillageId } = useVillageChoice(me);
  const canChange = hasRole(me, 'committee') && !township;
  const [view, setView] = useState<SettingsView>();
  const [draft, setDraft] = useState<VillageSettings>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { loading, error, track } = useLoading();
  const load = (village = chosen) =>
    track(async () => {
      const r = await call('villageSettings', { query: { villageId: village } });
      setView(r);
      setDraft(r.settings);
    });
  usePageLoad(me, () => load());
  const update = (patch: Partial<VillageSettings>) => draft && setDraft({ ...draft, ...patch });
  const save = async () => {
    setErrors({});
    // The same rules as the server's, checked here first so a mistyped number is named at once, offline too.
    const checked = VillageSettingsUpdate.safeParse(draft);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])));
      throw new Error(t.settings.invalid);
    }
    try {
      const r = await call('updateVillageSettings', { body: draft });
      setView(r);
      setDraft(r.settings);
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  const lawDefault = (changed: boolean, text: string) =>
    changed ? <View className="vh-hint vh-law-default">{t.settings.lawDefault(text)}</View> : null;

  return (
    <Page>
      <VillagePicker
        me={me}
        chosen={chosen}
        onChoose={(id) => {
          setVillageId(id);
          load(id);
        }}
      />
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {view && draft && (
        <View>
          <View className="vh-title">{`${view.villageName} · ${t.settings.title}`}</View>
          {!canChange && <View className="vh-hint">{t.settings.readOnly}</View>}

          <View className="vh-card">
            <View className="vh-card-title">{t.settings.review}</View>
            <View className="vh-hint">{t.settings.reviewHint}</View>
            <Choice
              id="setting-review"
              options={[true, false]}
              value={draft.noticeReviewRequired}
              label={(v) => (v ? t.settings.reviewOn : t.settings.reviewOff)}
              onChoose={(v) => update({ noticeReviewRequired: v })}
              disabled={!canChange}
            />
            {lawDefault(draft.noticeReviewRequired !== view.defaults.noticeReviewRequired, t.settings.reviewOn)}
          </View>

          <View className="vh-card" id="setting-oversight">
            <View className="vh-card-title">{tov.settings.title}</View>
            <View className="vh-hint">{tov.settings.signOffHint}</View>
            {noticeCategories.map((c) => (
              <SwitchRow
                key={c}
                id={`setting-signoff-${c}`}
                label={t.categories[c]}
                checked={draft.signOffCategories.includes(c)}
                onChange={(on) =>
                  canChange &&
                  update({
                    signOffCategories: on
                      ? [...draft.signOffCategories, c]
                      : draft.signOffCategories.filter((x) => x !== c),
                  })
                }
              />
            ))}
            <FieldError message={errors.signOffCategories} />
            {(['inquiryAnswerDays', 'questionAnswerDays'] as const).map((k) => (
              <View key={k} className="vh-setting-row">
                <View className="vh-label">{tov.settings[k]}</View>
                <Input
                  id={`setting-${k}`}
                  className="vh-input"
                  type="number"
                  disabled={!canChange}
                  value={String(draft[k])}
                  onInput={(e) => update({ [k]: Number(e.detail.value) })}
                />
                {lawDefault(draft[k] !== view.defaults[k], String(view.defaults[k]))}
                <FieldError message={errors[k]} />
              </View>
            ))}
          </View>

          <View className="vh-card">
            <View className="vh-card-title">{t.settings.cadence}</View>
            <View className="vh-hint">{t.settings.cadenceHint}</View>
            {noticeCategories.map((c) => (
              <View key={c} className="vh-setting-row">
                <View className="vh-label">{t.categories[c]}</View>
                <Choice
                  id={`setting-cadence-${c}`}
                  options={cadences}
                  value={draft.disclosureCadence[c]}
                  label={(v) => t.cadence[v]}
                  onChoose={(v) => update({ disclosureCadence: { ...draft.disclosureCadence, [c]: v } })}
                  disabled={!canChange}
                />
                {lawDefault(
                  draft.disclosureCadence[c] !== view.defaults.disclosureCadence[c],
                  t.cadence[view.defaults.disclosureCadence[c]],
                )}
                <FieldError message={errors[`disclosureCadence.${c}`]} />
              </View>
            ))}
          </View>

          <View className="vh-card">
            <View className="vh-card-title">{t.settings.dueSoon}</View>
            <View className="vh-hint">{t.settings.dueSoonHint}</View>
            <Input
              id="setting-due-soon"
              className="vh-input"
              type="number"
              disabled={!canChange}
              value={String(draft.disclosureDueSoonDays)}
              onInput={(e) => update({ disclosureDueSoonDays: Number(e.detail.value) })}
            />
            {lawDefault(
              draft.disclosureDueSoonDays !== view.defaults.disclosureDueSoonDays,
              String(view.defaults.disclosureDueSoonDays),
            )}
            <FieldError message={errors.disclosureDueSoonDays} />
          </View>

          <View className="vh-card">
            <View className="vh-card-title">{t.settings.votes}</View>
            <View className="vh-hint">{t.settings.votesHint}</View>
            {bodies.map((b) =>
              (['turnout', 'majority'] as const).map((part) => {
                const value = presetOf(draft.voteRules[b][part]);
                const law = presetOf(view.defaults.voteRules[b][part]);
                return (
                  <View key={`${b}-${part}`} className="vh-setting-row">
                    <View className="vh-label">{`${t.settings.bodies[b]} · ${t.settings[part]}`}</View>
                    <Choice
                      id={`setting-vote-${b}-${part}`}
                      options={['half', 'twoThirds'] as const}
                      value={value}
                      label={(v) => t.settings.shares[v]}
                      onChoose={(v) =>
                        update({
                          voteRules: { ...draft.voteRules, [b]: { ...draft.voteRules[b], [part]: thresholds[v] } },
                        })
                      }
                      disabled={!canChange}
                    />
                    {lawDefault(value !== law, t.settings.shares[law])}
                  </View>
                );
              }),
            )}
          </View>

          <View className="vh-card">
            <View className="vh-card-title">{t.settings.major}</View>
            <View className="vh-hint">{t.settings.majorHint}</View>
            <Choice
              id="setting-major"
              options={[true, false]}
              value={draft.majorMattersProcessMandatory}
              label={(v) => (v ? t.settings.majorOn : t.settings.majorOff)}
              onChoose={(v) => update({ majorMattersProcessMandatory: v })}
              disabled={!canChange}
            />
            {lawDefault(
              draft.majorMattersProcessMandatory !== view.defaults.majorMattersProcessMandatory,
              t.settings.majorOn,
            )}
          </View>

          <View className="vh-card">
            <View className="vh-card-title">{t.settings.proxy}</View>
            <View className="vh-hint">{t.settings.proxyHint}</View>
            <Choice
              id="setting-proxy"
              options={[false, true]}
              value={draft.proxyVotesAllowed}
              label={(v) => (v ? t.settings.proxyOn : t.settings.proxyOff)}
              onChoose={(v) => update({ proxyVotesAllowed: v })}
              disabled={!canChange}
            />
            {lawDefault(draft.proxyVotesAllowed !== view.defaults.proxyVotesAllowed, t.settings.proxyOff)}
          </View>

          <CaseSettings
            draft={draft}
            defaults={view.defaults}
            update={update}
            errors={errors}
            disabled={!canChange}
            lawDefault={lawDefault}
          />
          <InboxSettings
            draft={draft}
            defaults={view.defaults}
            update={update}
            errors={errors}
            disabled={!canChange}
            lawDefault={lawDefault}
          />
          <LimitsSettings
            draft={draft}
            defaults={view.defaults}
            update={update}
            errors={errors}
            disabled={!canChange}
            lawDefault={lawDefault}
          />

          {canChange && (
            <ActionButton id="save-settings" label={t.settings.save} run={save} doneText={t.settings.saved} />
          )}
        </View>
      )}
    </Page>
  );
}
