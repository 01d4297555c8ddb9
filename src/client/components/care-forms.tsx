import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import {
  type CareRecord,
  type DutyKind,
  dutyLabels,
  type GuardianInput,
  guardianBodyLabels,
  namedDuties,
} from '../../shared/schemas/care';
import type { CaseSummary } from '../../shared/schemas/case';
import { tcare } from '../i18n/care';
import { ApiFailure, call, fieldsOf, newIdempotencyKey } from '../services/api';
import { ActionButton } from './action';
import { CasePhotos, type DraftPhoto, type PhotosState } from './case-photos';
import { Choice } from './choice';
import { TextField } from './field';
import { FieldError, LoadState } from './state';
import { useLoading } from './use-loading';

const F = tcare.forms;
type Where = { personId: string; villageId?: string };

/** Runs a call, showing the fields the server named under their boxes. */
const withFields = async <T,>(setErrors: (e: Record<string, string>) => void, run: () => Promise<T>) => {
  try {
    const r = await run();
    setErrors({});
    return r;
  } catch (e) {
    if (e instanceof ApiFailure) setErrors(fieldsOf(e));
    throw e;
  }
};

/**
 * 更换监护人: the reason, and the new guardian of class Ⅱ (a volunteer the committee approved) or Ⅲ
 * (the committee, or the township's civil-affairs office). A class Ⅰ relative is chosen when registering.
 */
export function ReplaceGuardianForm({ where, onDone }: { where: Where; onDone: (r: CareRecord) => void }) {
  const [kind, setKind] = useState<'volunteer' | 'village_committee' | 'township_civil_affairs'>();
  const [name, setName] = useState('');
  const [approvedOn, setApprovedOn] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const guardian = (): GuardianInput | undefined =>
    kind === 'volunteer'
      ? { guardianClass: 'volunteer', name, organisation: false, approvedBy: 'committee', approvedOn, infirm: false }
      : kind
        ? { guardianClass: 'institution', body: kind, note: note.trim() || undefined }
        : undefined;
  return (
    <View className="vh-form" id="replace-guardian">
      <Choice
        id="replace-kind"
        wrap
        options={['volunteer', 'village_committee', 'township_civil_affairs'] as const}
        value={kind}
        label={(k) => (k === 'volunteer' ? F.volunteer : guardianBodyLabels[k])}
        onChoose={setKind}
      />
      {kind === 'volunteer' && (
        <>
          <TextField id="replace-name" label={F.name} value={name} onChange={setName} error={errors['guardian.name']} />
          <TextField
            id="replace-approved"
            label={F.approvedOn}
            hint={F.dateHint}
            value={approvedOn}
            onChange={setApprovedOn}
            error={errors['guardian.approvedOn']}
          />
        </>
      )}
      {kind === 'township_civil_affairs' && (
        <TextField id="replace-note" label={F.note} value={note} onChange={setNote} error={errors['guardian.note']} />
      )}
      <FieldError message={errors.guardian ?? errors['guardian.guardianClass']} />
      <TextField
        id="replace-reason"
        label={F.reason}
        value={reason}
        textarea
        onChange={setReason}
        error={errors.reason}
      />
      <ActionButton
        id="replace-send"
        label={F.replace}
        run={async () =>
          onDone(
            await withFields(setErrors, () =>
              call('replaceGuardian', {
                params: { personId: where.personId },
                query: { villageId: where.villageId },
                body: { guardian: guardian() as GuardianInput, reason },
              }),
            ),
          )
        }
      />
    </View>
  );
}

/** 监护照料协议: what each named duty means for this person, the dates, and the signed paper photographed. */
export function AgreementForm({ where, onDone }: { where: Where; onDone: (r: CareRecord) => void }) {
  const [duties, setDuties] = useState<Record<DutyKind, string>>({
    daily_watch: '',
    daily_life: '',
    hospital: '',
    village: '',
  });
  const [signedOn, setSignedOn] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [scan, setScan] = useState<DraftPhoto[]>([]);
  const [scanState, setScanState] = useState<PhotosState>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useRef(newIdempotencyKey());
  const kinds: DutyKind[] = [...namedDuties, 'village'];
  return (
    <View className="vh-form" id="agreement-form">
      {kinds.map((k) => (
        <TextField
          key={k}
          id={`duty-${k}`}
          label={dutyLabels[k]}
          value={duties[k]}
          onChange={(text) => setDuties({ ...duties, [k]: text })}
        />
      ))}
      <FieldError message={errors.duties} />
      <TextField
        id="agreement-signed"
        label={F.signedOn}
        hint={F.dateHint}
        value={signedOn}
        onChange={setSignedOn}
        error={errors.signedOn}
      />
      <TextField
        id="agreement-starts"
        label={F.startsOn}
        value={startsOn}
        onChange={setStartsOn}
        error={errors.startsOn}
      />
      <TextField id="agreement-ends" label={F.endsOn} value={endsOn} onChange={setEndsOn} error={errors.endsOn} />
      <View className="vh-label">{F.scan}</View>
      <CasePhotos
        photos={scan}
        onAdd={(p) => setScan([p])}
        onRemove={() => setScan([])}
        onState={setScanState}
        error={errors.scanPhotoId}
      />
      <ActionButton
        id="agreement-send"
        label={F.saveAgreement}
        run={async () => {
          if (scanState === 'busy') throw new Error(tcare.visit.waitPhotos);
          onDone(
            await withFields(setErrors, () =>
              call('addAgreement', {
                params: { personId: where.personId },
                query: { villageId: where.villageId },
                idempotencyKey: key.current,
                body: {
                  duties: kinds.filter((k) => duties[k].trim()).map((k) => ({ kind: k, text: duties[k] })),
                  signedOn,
                  startsOn,
                  endsOn,
                  scanPhotoId: scan[0]?.photoId ?? '',
                },
              }),
            ),
          );
        }}
      />
    </View>
  );
}

/**
 * 关联关爱线索: the caller's open concerns (关爱线索 on their work list, which civil affairs handle) not yet filed
 * with this person; one tap files one with them. The server checks again that the caller may open it.
 */
export function LinkConcernForm({
  personId,
  villageId,
  linked,
  onLinked,
}: {
  personId: string;
  villageId: string;
  linked: string[];
  onLinked: (r: CareRecord) => void;
}) {
  const [concerns, setConcerns] = useState<CaseSummary[]>();
  const { error, track } = useLoading(false);
  const load = () =>
    track(async () => {
      const page = await call('listCases', { query: { view: 'work', villageId, open: 'true', limit: 50 } });
      setConcerns(page.items.filter((c) => c.care));
    });
  if (!concerns)
    return (
      <View>
        <ActionButton id="care-link-open" kind="plain" label={tcare.link.open} doneText="" run={load} />
        <LoadState loading={false} error={error} onRetry={load} />
      </View>
    );
  const open = concerns.filter((c) => !linked.includes(c.caseId));
  return (
    <View id="care-link-form">
      {open.length === 0 && <View className="vh-meta">{tcare.link.none}</View>}
      {open.map((c) => (
        <View key={c.caseId} className="vh-setting-row">
          <View className="vh-body">{c.text.length > 40 ? `${c.text.slice(0, 40)}…` : c.text}</View>
          <ActionButton
            id={`care-link-${c.caseId}`}
            kind="plain"
            label={tcare.link.choose}
            run={async () =>
              onLinked(
                await call('linkCareCase', { params: { personId }, query: { villageId }, body: { caseId: c.caseId } }),
              )
            }
          />
        </View>
      ))}
    </View>
  );
}
