import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { z } from 'zod';
import type { PendingClaim } from '../../../../shared/schemas/binding';
import { ActionButton } from '../../../components/action';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { TextForm } from '../../../components/text-form';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tb } from '../../../i18n/bindings';
import { ApiFailure, call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

type Pending = z.infer<typeof PendingClaim>;

/** TextForm shows the server's word on its `text`; the reject route calls that field `reason`. */
const reasonAsText = (e: unknown) =>
  e instanceof ApiFailure
    ? new ApiFailure(
        e.status,
        e.message,
        e.fields.map((f) => (f.path === 'reason' ? { ...f, path: 'text' } : f)),
      )
    : e;

/** One claim: what the claimant typed (masked), the people of the register it might mean with what agrees, and the two decisions. */
function ClaimCard({ c }: { c: Pending }) {
  const [decided, setDecided] = useState('');
  return (
    <View className="vh-card vh-pending-claim" id={`claim-${c.claimId}`}>
      <View className="vh-card-title">{c.name}</View>
      <View className="vh-meta">{tb.review.submittedAt(formatDateTime(c.createdAt))}</View>
      <View className="vh-label">{tb.review.typed}</View>
      <View className="vh-meta">
        {tb.review.name}：{c.name}
      </View>
      <View className="vh-meta">
        {tb.review.phone}：{c.phone}
      </View>
      {c.note && (
        <View className="vh-meta">
          {tb.review.note}：{c.note}
        </View>
      )}
      {decided ? (
        <View className="vh-banner vh-banner-ok" id={`decided-${c.claimId}`}>
          {decided}
        </View>
      ) : (
        <>
          <View className="vh-label">{tb.review.candidates}</View>
          {!c.candidates.length && <View className="vh-hint">{tb.review.noCandidates}</View>}
          {c.candidates.map((p) => (
            <View key={p.personId} className="vh-question vh-candidate" id={`candidate-${p.personId}`}>
              <View>
                <Text className="vh-person-name">{p.name}</Text>
                {p.groupName && <Text className="vh-meta"> · {p.groupName}</Text>}
              </View>
              {p.relation && <View className="vh-meta">{tb.review.relation(p.relation)}</View>}
              <View className="vh-meta">{tb.review.idTailMatch(p.matches.idTail)}</View>
              <View className="vh-meta">{tb.review.phoneMatch(p.matches.phone)}</View>
              {p.bound && <View className="vh-waiting">{tb.review.boundAlready}</View>}
              <ActionButton
                id={`approve-${c.claimId}-${p.personId}`}
                label={`${tb.review.approve}（${p.name}）`}
                run={async () => {
                  await call('approveClaim', { params: { claimId: c.claimId }, body: { personId: p.personId } });
                  setDecided(tb.review.approved(p.name));
                }}
              />
            </View>
          ))}
          <TextForm
            id={`reject-reason-${c.claimId}`}
            buttonId={`reject-${c.claimId}`}
            className="vh-reject"
            placeholder={tb.review.rejectPlaceholder}
            maxlength={200}
            label={tb.review.reject}
            send={async (reason) => {
              await call('rejectClaim', { params: { claimId: c.claimId }, body: { reason } }).catch((e) => {
                throw reasonAsText(e);
              });
              setDecided(tb.review.rejected);
            }}
          />
        </>
      )}
    </View>
  );
}

/** Claims whose details did not match the register, for the committee to approve as a person or reject. */
export default function ReviewPage() {
  const me = useMe();
  const [items, setItems] = useState<Pending[]>();
  const { loading, error, track } = useLoading();
  const { chosen, choose: setVillageId } = useVillageChoice(me);
  const load = (village = chosen) =>
    track(async () => {
      const r = await call('pendingClaims', { query: { villageId: village } });
      setItems(r.items);
    });
  usePageLoad(me, () => load());
  const chooseVillage = (id: string) => {
    setVillageId(id);
    load(id);
  };
  return (
    <Page>
      <VillagePicker me={me} chosen={chosen} onChoose={chooseVillage} />
      <View className="vh-title">{tb.review.title}</View>
      <View className="vh-hint">{tb.review.hint}</View>
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {items?.length === 0 && <View className="vh-empty">{tb.review.empty}</View>}
      {items?.map((c) => (
        <ClaimCard key={c.claimId} c={c} />
      ))}
    </Page>
  );
}
