import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import {
  type CaseSummary,
  CaseTrack,
  caseStatusLabels,
  caseTrackLabels,
  type Handler,
} from '../../../shared/schemas/case';
import { call } from '../../services/api';
import { formatDate } from '../../services/format';
import { ActionButton } from '../action';
import { Choice } from '../choice';
import { TextField } from '../field';
import { FieldError, LoadState } from '../state';
import { useLoading } from '../use-loading';
import { A, blankToUndefined, type Errors, type FormProps, NoteForm, OptionalNote, params } from './form';

export function AcceptForm(p: FormProps) {
  return (
    <NoteForm
      {...p}
      field="note"
      label={A.accept.note}
      placeholder={A.accept.placeholder}
      submit={A.accept.submit}
      required={false}
      run={(note) => call('acceptCase', { ...params(p.c), body: { note } })}
    />
  );
}

export function DeclineForm(p: FormProps) {
  return (
    <NoteForm
      {...p}
      field="reason"
      label={A.decline.reason}
      placeholder={A.decline.placeholder}
      submit={A.decline.submit}
      required
      run={(reason) => call('declineCase', { ...params(p.c), body: { reason: reason ?? '' } })}
    />
  );
}

/** 转办: one of the people the server offers (never the person complained about), and a note. */
export function AssignForm({ c, send }: FormProps) {
  const [handlers, setHandlers] = useState<z.infer<typeof Handler>[]>();
  const [chosen, setChosen] = useState<string>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const list = useLoading();
  const load = () => list.track(async () => setHandlers((await call('caseHandlers', params(c))).items));
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens
  useEffect(() => {
    load();
  }, []);
  const picked = handlers?.find((h) => h.personId === chosen);
  return (
    <View>
      <View className="vh-label">{A.assign.handler}</View>
      <LoadState loading={list.loading} error={list.error} onRetry={load} />
      {handlers && !handlers.length && <View className="vh-meta">{A.assign.none}</View>}
      <View className="vh-tabs" id="case-handlers">
        {handlers?.map((h) => (
          <View
            key={h.personId}
            id={`handler-${h.personId}`}
            className={`vh-tab ${chosen === h.personId ? 'vh-tab-on' : ''}`}
            onClick={() => setChosen(h.personId)}
          >
            {`${h.name}（${[h.role, h.groupName].filter(Boolean).join(' · ')}）`}
          </View>
        ))}
      </View>
      {picked && <View className="vh-meta">{A.assign.chosen(picked.name)}</View>}
      <FieldError message={errors.personId} />
      <OptionalNote caseId={c.caseId} words={A.assign} value={note} max={1000} error={errors.note} onChange={setNote} />
      <ActionButton
        id="case-form-submit"
        label={A.assign.submit}
        run={() => {
          if (!chosen) {
            setErrors({ personId: A.assign.choose });
            return Promise.reject(new Error(A.assign.choose));
          }
          return send(
            () => call('assignCase', { ...params(c), body: { personId: chosen, note: blankToUndefined(note) } }),
            setErrors,
          );
        }}
      />
    </View>
  );
}

/** 合并: the same matter raised twice is handled once; pick the other open case from the work list. */
export function MergeForm({ c, send }: FormProps) {
  const [cases, setCases] = useState<CaseSummary[]>();
  const [chosen, setChosen] = useState<string>();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const list = useLoading();
  const load = () =>
    list.track(async () => {
      const r = await call('listCases', { query: { view: 'work', open: 'true', limit: 50 } });
      setCases(r.items.filter((x) => x.caseId !== c.caseId && x.status !== 'resolved' && x.status !== 'rated'));
    });
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the form opens
  useEffect(() => {
    load();
  }, []);
  return (
    <View>
      <View className="vh-hint">{A.merge.hint}</View>
      <View className="vh-label">{A.merge.into}</View>
      <LoadState loading={list.loading} error={list.error} onRetry={load} />
      {cases && !cases.length && <View className="vh-meta">{A.merge.none}</View>}
      <View id="merge-targets">
        {cases?.map((x) => (
          <View
            key={x.caseId}
            id={`merge-${x.caseId}`}
            className="vh-notice-row"
            style={chosen === x.caseId ? { border: '3px solid #a31515' } : { border: '3px solid transparent' }}
            onClick={() => setChosen(x.caseId)}
          >
            <View className="vh-notice-row-meta">
              <Text className="vh-badge">{x.categoryLabel}</Text>
              <Text className="vh-badge">{caseStatusLabels[x.status]}</Text>
              <Text className="vh-meta">{formatDate(x.createdAt)}</Text>
            </View>
            <View>{x.text.length > 60 ? `${x.text.slice(0, 60)}…` : x.text}</View>
          </View>
        ))}
      </View>
      <FieldError message={errors.intoCaseId} />
      {cases?.length ? (
        <>
          <OptionalNote
            caseId={c.caseId}
            words={A.merge}
            value={note}
            max={500}
            error={errors.note}
            onChange={setNote}
          />
          <ActionButton
            id="case-form-submit"
            kind="danger"
            label={A.merge.submit}
            run={() => {
              if (!chosen) {
                setErrors({ intoCaseId: A.merge.choose });
                return Promise.reject(new Error(A.merge.choose));
              }
              return send(
                () => call('mergeCase', { ...params(c), body: { intoCaseId: chosen, note: blankToUndefined(note) } }),
                setErrors,
              );
            }}
          />
        </>
      ) : null}
    </View>
  );
}

/** 移交: to whom and why; the case closes here and the petitioner sees where it went. */
export function TransferForm({ c, send }: FormProps) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  return (
    <View>
      <View className="vh-hint">{A.transfer.hint}</View>
      <TextField
        id="case-transfer-to"
        label={A.transfer.to}
        placeholder={A.transfer.toPlaceholder}
        value={to}
        maxlength={40}
        error={errors.to}
        onChange={setTo}
      />
      <TextField
        id="case-transfer-reason"
        label={A.transfer.reason}
        textarea
        placeholder={A.transfer.reasonPlaceholder}
        value={reason}
        maxlength={500}
        error={errors.reason}
        onChange={setReason}
      />
      <ActionButton
        id="case-form-submit"
        label={A.transfer.submit}
        kind="danger"
        run={() => send(() => call('transferCase', { ...params(c), body: { to, reason } }), setErrors)}
      />
    </View>
  );
}

/** 分类: done at once, or onto the public needs or project list; a note for the village if wanted. */
export function SortForm({ c, send }: FormProps) {
  const [track, setTrack] = useState<CaseTrack | undefined>(c.track?.kind);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  return (
    <View>
      <View className="vh-hint">{A.sort.hint}</View>
      <View className="vh-label">{A.sort.track}</View>
      <Choice
        id="case-tracks"
        wrap
        options={CaseTrack.options}
        value={track}
        label={(t) => caseTrackLabels[t]}
        onChoose={setTrack}
        optionId={(t) => `case-track-${t}`}
      />
      <FieldError message={errors.track} />
      <OptionalNote caseId={c.caseId} words={A.sort} value={note} max={500} error={errors.note} onChange={setNote} />
      <ActionButton
        id="case-form-submit"
        label={A.sort.submit}
        run={() =>
          send(
            () =>
              call('sortCase', {
                ...params(c),
                // An unchosen track goes as sent, so the server's own message names the field.
                body: { track: track as CaseTrack, note: blankToUndefined(note) },
              }),
            setErrors,
          )
        }
      />
    </View>
  );
}
