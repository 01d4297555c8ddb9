import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { POLICY_VERSION } from '../../../shared/rules/policy-version';
import { POLICY_TITLE, policySections } from '../../../shared/rules/privacy';
import type { ConsentRecord } from '../../../shared/schemas/consent';
import { ActionButton } from '../../components/action';
import { ConsentSwitches, consentOf, mustAgreeAgain, noTicks, type Ticks } from '../../components/consent';
import { Page } from '../../components/page';
import { useMe } from '../../components/use-me';
import { tp } from '../../i18n/privacy';
import { call, fieldsOf } from '../../services/api';
import { formatDate } from '../../services/format';
import { session } from '../../services/session';

/** A bound person asked again after the policy changed: agree here, or go back and keep reading notices. */
function AgreeAgain({ onAgreed }: { onAgreed: (c: ConsentRecord) => void }) {
  const [ticks, setTicks] = useState<Ticks>(noTicks);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const agree = async () => {
    setErrors({});
    let agreed: ConsentRecord;
    try {
      agreed = await call('agreeToPolicy', { body: consentOf(ticks) });
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
    onAgreed(agreed);
  };
  return (
    <View className="vh-card" id="privacy-agree">
      <View className="vh-card-title">{tp.agreeTitle}</View>
      <ConsentSwitches value={ticks} onChange={setTicks} errors={errors} at="" />
      <ActionButton id="privacy-agree-submit" label={tp.agree} doneText={tp.agreed} run={agree} />
      <View className="vh-hint">{tp.notNowHint}</View>
      <Button id="privacy-not-now" className="vh-button vh-button-plain" onClick={() => Taro.navigateBack()}>
        {tp.notNow}
      </Button>
    </View>
  );
}

/**
 * 隐私政策: what is collected, why, who sees it, how long it is kept; readable before
 * signing in. A bound person whose consent is out of date agrees to it at the end.
 */
export default function PrivacyPage() {
  const me = useMe();
  const [agreedNow, setAgreedNow] = useState<ConsentRecord>();
  const ask = session.token() && mustAgreeAgain(me) && !agreedNow;
  const consent = agreedNow ?? me?.consent;
  return (
    <Page>
      <View className="vh-title" id="privacy-title">
        {POLICY_TITLE}
      </View>
      <View className="vh-meta" id="privacy-version">
        {tp.version(POLICY_VERSION)}
      </View>
      {consent && !ask && (
        <View className="vh-meta" id="privacy-agreed-on">
          {tp.agreedOn(formatDate(consent.agreedAt), consent.policyVersion)}
        </View>
      )}
      {policySections.map((s) => (
        <View key={s.id} className="vh-card" id={`privacy-${s.id}`}>
          <View className="vh-card-title">{s.heading}</View>
          {s.paragraphs.map((p) => (
            <View key={p} className="vh-privacy-para">
              {p}
            </View>
          ))}
        </View>
      ))}
      {ask && (
        <AgreeAgain
          onAgreed={(c) => {
            setAgreedNow(c);
            call('me')
              .then((m) => session.remember(m))
              .catch(() => undefined);
          }}
        />
      )}
    </Page>
  );
}
