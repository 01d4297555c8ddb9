import { Button, Text, View } from '@tarojs/components';
import { consentOutdated, POLICY_VERSION } from '../../shared/rules/policy-version';
import { consentTexts } from '../../shared/rules/privacy';
import type { Consent } from '../../shared/schemas/consent';
import type { Me } from '../../shared/schemas/person';
import { tp } from '../i18n/privacy';
import { openPrivacyPolicy } from '../services/privacy';
import { FieldError } from './state';
import { SwitchRow } from './switch-row';

export interface Ticks {
  policy: boolean;
  idNumber: boolean;
}
export const noTicks: Ticks = { policy: false, idNumber: false };

/**
 * The agreement a binding (or a new policy version) asks for: the policy, and on its
 * own row the ID number, which PIPL counts as sensitive and wants agreed to separately.
 */
export function ConsentSwitches({
  value,
  onChange,
  errors,
  at = 'consent.',
}: {
  value: Ticks;
  onChange: (t: Ticks) => void;
  errors: Record<string, string>;
  /** Where the consent sits in the request body: inside a claim, or the whole body of POST /me/consent. */
  at?: 'consent.' | '';
}) {
  return (
    <View className="vh-consent" id="consent">
      <View className="vh-hint">{tp.consentHint}</View>
      <Text className="vh-link" id="consent-read" onClick={openPrivacyPolicy}>
        {tp.readPolicy}
      </Text>
      <SwitchRow
        id="consent-policy"
        label={consentTexts.policy}
        checked={value.policy}
        onChange={(policy) => onChange({ ...value, policy })}
      />
      <FieldError message={errors[`${at}policy`] ?? errors[`${at}policyVersion`]} />
      <SwitchRow
        id="consent-id-number"
        label={consentTexts.idNumber}
        checked={value.idNumber}
        onChange={(idNumber) => onChange({ ...value, idNumber })}
      />
      <FieldError message={errors[`${at}idNumber`]} />
    </View>
  );
}

/**
 * The consent as ticked. An unticked row goes as false on purpose: the shared schema
 * then names it beside any other field's problem, before anything leaves the phone.
 */
export const consentOf = (t: Ticks) =>
  ({ policyVersion: POLICY_VERSION, policy: t.policy, idNumber: t.idNumber }) as Consent;

/**
 * A bound person whose consent is older than the policy (or missing, as for an account
 * bound before consent was recorded) is asked again; the policy page takes the agreement.
 * A Me remembered from an older app has no consent field yet: nothing is asked until /me answers.
 */
export const mustAgreeAgain = (me: Me | undefined) =>
  Boolean(me?.person) && me?.consent !== undefined && consentOutdated(me?.consent?.policyVersion);

export function ConsentBanner({ me }: { me: Me | undefined }) {
  if (!mustAgreeAgain(me)) return null;
  return (
    <View className="vh-banner" id="consent-banner">
      <View className="vh-subtitle">{tp.updated}</View>
      <View>{tp.updatedHint}</View>
      <Button id="consent-open" className="vh-button vh-button-primary" onClick={openPrivacyPolicy}>
        {tp.agreeTitle}
      </Button>
    </View>
  );
}
