import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { BindingOutcome, Claim, VillageDirectory } from '../../../../shared/schemas/binding';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { ConsentSwitches, consentOf, noTicks, type Ticks } from '../../../components/consent';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { FieldError, LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { tb } from '../../../i18n/bindings';
import { tp } from '../../../i18n/privacy';
import { ts } from '../../../i18n/share';
import { ApiFailure, call, fieldsOf } from '../../../services/api';
import { formatDate } from '../../../services/format';
import { goOn } from '../../../services/next';
import { openPrivacyPolicy } from '../../../services/privacy';
import { session } from '../../../services/session';

type Village = z.infer<typeof VillageDirectory>['items'][number];
type Way = 'identity' | 'invite';

/** My claims, newest first, with where each stands and why one was turned down. */
function ClaimList({ claims }: { claims: Claim[] }) {
  if (!claims.length) return null;
  return (
    <View className="vh-card" id="my-claims">
      <View className="vh-card-title">{tb.claim.claims}</View>
      {claims.map((c) => (
        <View key={c.claimId} className="vh-question vh-claim" id={`claim-${c.claimId}`}>
          <View>
            <Text>
              {c.villageName} · {c.name}
            </Text>
            <Text className={`vh-status ${c.status === 'approved' ? 'vh-status-ok' : ''}`}>
              {' '}
              {tb.claim.status[c.status]}
            </Text>
          </View>
          <View className="vh-meta">{tb.claim.submittedAt(formatDate(c.createdAt))}</View>
          {c.reason && <View className="vh-meta vh-claim-reason">{tb.claim.reason(c.reason)}</View>}
        </View>
      ))}
    </View>
  );
}

/**
 * Binding this WeChat account to a person of the village register: by name, the
 * end of the ID number and the phone (bound at once when they match, otherwise the
 * committee reviews it), or by an invite code handed over face to face.
 */
export default function ClaimPage() {
  const me = useMe();
  /** Where the person was going before binding was asked of them: there once bound, else home. */
  const { next } = useRouter().params;
  const [villages, setVillages] = useState<Village[]>([]);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [way, setWay] = useState<Way>('identity');
  const [villageId, setVillageId] = useState('');
  const [form, setForm] = useState({ name: '', idTail: '', phone: '', note: '' });
  const [code, setCode] = useState('');
  const [ticks, setTicks] = useState<Ticks>(noTicks);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [replaced, setReplaced] = useState(false);
  const { loading, error, track } = useLoading();

  const loadClaims = () =>
    call('myClaims')
      .then((r) => setClaims(r.items))
      .catch(() => undefined);
  const load = () =>
    track(async () => {
      const r = await call('villageDirectory');
      setVillages(r.items);
      if (r.items.length === 1) setVillageId(r.items[0].villageId);
    });
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens
  useEffect(() => {
    load();
    loadClaims();
  }, []);

  const townships = [...new Set(villages.map((v) => v.townshipName))];
  const pending = claims.find((c) => c.status === 'pending');
  const set = (k: keyof typeof form) => (value: string) => setForm({ ...form, [k]: value });

  const outcome = async (send: () => Promise<BindingOutcome>) => {
    setErrors({});
    let r: BindingOutcome;
    try {
      r = await send();
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
    if (r.status === 'bound') {
      session.signIn(r.session.token);
      // One person, one account: tell them when their other phone was signed out; otherwise straight on.
      if (r.replacedEarlierAccount) setReplaced(true);
      else goOn(true, next);
    } else {
      await loadClaims();
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    }
  };

  if (replaced || me?.person)
    return (
      <Page>
        <View className="vh-banner vh-banner-ok" id="claim-bound">
          {me?.person && !replaced ? tb.claim.alreadyBound(me.person.name) : tb.claim.replaced}
        </View>
        <Button id="go-home" className="vh-button vh-button-primary" onClick={() => goOn(true, next)}>
          {next ? ts.goOn : tb.claim.goHome}
        </Button>
      </Page>
    );

  return (
    <Page>
      <View className="vh-title">{tb.claim.title}</View>
      {pending && (
        <View className="vh-banner" id="claim-pending">
          <View className="vh-subtitle">{tb.claim.pending}</View>
          <View>{tb.claim.pendingHint}</View>
        </View>
      )}
      <Choice
        id="claim-way"
        options={['identity', 'invite'] as const}
        value={way}
        label={(w) => (w === 'identity' ? tb.claim.byIdentity : tb.claim.byInvite)}
        onChoose={(w) => {
          setWay(w);
          setErrors({});
        }}
        optionId={(w) => `way-${w}`}
      />
      {way === 'identity' ? (
        <View className="vh-card" id="claim-identity">
          <View className="vh-hint">{tb.claim.identityHint}</View>
          <View className="vh-label">{tb.claim.village}</View>
          <LoadState loading={loading} error={error} onRetry={load} />
          {!loading && !error && !villages.length && <View className="vh-hint">{tb.claim.noVillages}</View>}
          {townships.map((township) => (
            <View key={township}>
              {townships.length > 1 && <View className="vh-subtitle">{township}</View>}
              <View className="vh-tabs">
                {villages
                  .filter((v) => v.townshipName === township)
                  .map((v) => (
                    <View
                      key={v.villageId}
                      id={`village-${v.villageId}`}
                      className={`vh-tab vh-village ${villageId === v.villageId ? 'vh-tab-on' : ''}`}
                      onClick={() => setVillageId(v.villageId)}
                    >
                      {v.name}
                    </View>
                  ))}
              </View>
            </View>
          ))}
          <FieldError message={errors.villageId} />

          <TextField
            row
            id="claim-name"
            label={tb.claim.name}
            placeholder={tb.claim.namePlaceholder}
            maxlength={20}
            value={form.name}
            error={errors.name}
            onChange={set('name')}
          />
          <TextField
            row
            id="claim-id-tail"
            label={tb.claim.idTail}
            type="idcard"
            placeholder={tb.claim.idTailPlaceholder}
            maxlength={4}
            value={form.idTail}
            error={errors.idTail}
            onChange={set('idTail')}
          />
          <TextField
            row
            id="claim-phone"
            label={tb.claim.phone}
            type="number"
            placeholder={tb.claim.phonePlaceholder}
            maxlength={20}
            value={form.phone}
            error={errors.phone}
            onChange={set('phone')}
          />
          <TextField
            row
            id="claim-note"
            label={tb.claim.note}
            textarea
            placeholder={tb.claim.notePlaceholder}
            maxlength={100}
            value={form.note}
            error={errors.note}
            onChange={set('note')}
          />
          <ConsentSwitches value={ticks} onChange={setTicks} errors={errors} />
          <ActionButton
            id="claim-submit"
            label={tb.claim.submit}
            doneText={tb.claim.pending}
            run={() =>
              outcome(async () => {
                if (!villageId)
                  throw new ApiFailure(400, tb.claim.chooseVillage, [
                    { path: 'villageId', message: tb.claim.chooseVillage },
                  ]);
                return call('claimPerson', {
                  body: {
                    villageId,
                    name: form.name,
                    idTail: form.idTail,
                    phone: form.phone,
                    note: form.note.trim() || undefined,
                    consent: consentOf(ticks),
                  },
                });
              })
            }
          />
        </View>
      ) : (
        <View className="vh-card" id="claim-invite">
          <View className="vh-hint">{tb.claim.inviteHint}</View>
          <TextField
            row
            id="invite-code"
            label={tb.claim.code}
            placeholder={tb.claim.codePlaceholder}
            maxlength={10}
            value={code}
            error={errors.code}
            onChange={setCode}
          />
          <ConsentSwitches value={ticks} onChange={setTicks} errors={errors} />
          <ActionButton
            id="invite-submit"
            label={tb.claim.redeem}
            run={() => outcome(async () => call('redeemInvite', { body: { code, consent: consentOf(ticks) } }))}
          />
        </View>
      )}
      <ClaimList claims={claims} />
      <Button id="privacy-policy" className="vh-button vh-button-plain" onClick={openPrivacyPolicy}>
        {tp.link}
      </Button>
    </Page>
  );
}
