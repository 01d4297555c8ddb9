import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import {
  type Case,
  type CaseAction,
  type CaseSummary,
  CaseTrack,
  caseStatusLabels,
  caseTrackLabels,
  type Handler,
  meetingLabels,
} from '../../shared/schemas/case';
import { limitText, tcs } from '../i18n/cases-staff';
import { call, fieldsOf, newIdempotencyKey } from '../services/api';
import { textDraftKey, textDrafts } from '../services/drafts';
import { formatDate } from '../services/format';
import { ActionButton } from './action';
import { Choice } from './choice';
import { TextField } from './field';
import { FieldError, LoadState } from './state';
import { TopicForm } from './topic-form';
import { useLoading } from './use-loading';

type StaffAction = Exclude<CaseAction, 'rate' | 'second' | 'cosign'>;
/** The handling steps, in the order a case goes through them; the petitioner's own (rate, 附议, 联名) are not here. */
const ORDER: StaffAction[] = [
  'accept',
  'decline',
  'assign',
  'progress',
  'extend',
  'reply',
  'merge',
  'topic',
  'meeting',
  'sort',
  'transfer',
];
const DANGER: StaffAction[] = ['decline', 'merge', 'transfer'];
const A = tcs.actions;

type Errors = Record<string, string>;
interface FormProps {
  c: Case;
  /** Sends the step; field errors are shown under their fields, the message beside the button. */
  send: (run: () => Promise<Case>, setErrors: (e: Errors) => void) => Promise<void>;
}

const blankToUndefined = (s: string) => (s.trim() ? s : undefined);
/** Once the server has a step's text, its draft on the phone goes. */
const sent =
  (boxId: string) =>
  (c: Case): Case => {
    textDrafts.forget(textDraftKey(boxId));
    return c;
  };

/**
 * The staff's steps on a case (受理, 转办, 答复…): one big button for each step the
 * server says the caller may take now (`me.actions`), each opening its small form.
 * The answer (the case as it now stands) goes to `onChanged`.
 */
export function CaseActions({ caseView, onChanged }: { caseView: Case; onChanged: (c: Case) => void }) {
  const [open, setOpen] = useState<StaffAction>();
  const [done, setDone] = useState('');
  const actions = ORDER.filter((a) => caseView.me.actions.includes(a));
  // A new state of the case (from here or a reload) closes whatever form no longer applies.
  useEffect(() => {
    if (open && !caseView.me.actions.includes(open)) setOpen(undefined);
  }, [caseView, open]);
  if (!actions.length) return null;

  const send: FormProps['send'] = async (run, setErrors) => {
    setErrors({});
    try {
      const next = await run();
      const label = open ? A.labels[open] : '';
      setOpen(undefined);
      setDone(`${label}：${A.done}`);
      onChanged(next);
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  const props = { c: caseView, send };
  const forms: Record<StaffAction, () => JSX.Element> = {
    accept: () => <AcceptForm {...props} />,
    decline: () => <DeclineForm {...props} />,
    assign: () => <AssignForm {...props} />,
    progress: () => <ProgressForm {...props} />,
    extend: () => <ExtendForm {...props} />,
    reply: () => <ReplyForm {...props} />,
    merge: () => <MergeForm {...props} />,
    topic: () => <TopicFromCase c={caseView} onChanged={onChanged} />,
    meeting: () => <MeetingForm {...props} />,
    transfer: () => <TransferForm {...props} />,
    sort: () => <SortForm {...props} />,
  };

  return (
    <View className="vh-card" id="case-actions">
      <View className="vh-card-title">{A.title}</View>
      {done && (
        <View className="vh-banner vh-banner-ok" id="case-action-done">
          {done}
        </View>
      )}
      {open ? (
        <View id={`case-form-${open}`}>
          <View className="vh-subtitle">{A.labels[open]}</View>
          {forms[open]()}
          <Button id="case-form-cancel" className="vh-button vh-button-plain" onClick={() => setOpen(undefined)}>
            {A.cancel}
          </Button>
        </View>
      ) : (
        <>
          <View className="vh-hint">{A.hint}</View>
          {actions.map((a) => (
            <Button
              key={a}
              id={`case-action-${a}`}
              className={`vh-button ${DANGER.includes(a) ? 'vh-button-danger' : a === actions[0] ? 'vh-button-primary' : 'vh-button-plain'}`}
              onClick={() => {
                setDone('');
                setOpen(a);
              }}
            >
              {A.labels[a]}
            </Button>
          ))}
        </>
      )}
    </View>
  );
}

/** One box and its button: a note, a reason or the reply. */
function NoteForm({
  c,
  send,
  field,
  label,
  placeholder,
  hint,
  submit,
  required,
  tall,
  run,
}: FormProps & {
  field: string;
  label: string;
  placeholder: string;
  hint?: string;
  submit: string;
  required: boolean;
  tall?: boolean;
  run: (text: string | undefined) => Promise<Case>;
}) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  return (
    <View>
      <TextField
        id={`case-${field}-${c.caseId}`}
        label={label}
        hint={hint}
        textarea
        draft
        tall={tall}
        placeholder={placeholder}
        value={text}
        maxlength={3000}
        error={errors[field]}
        onChange={setText}
      />
      <ActionButton
        id="case-form-submit"
        label={submit}
        run={() =>
          send(() => run(required ? text : blankToUndefined(text)).then(sent(`case-${field}-${c.caseId}`)), setErrors)
        }
      />
    </View>
  );
}

/** A note a step may carry (转办、合并、分类): optional, and shown to the petitioner with the step. */
function OptionalNote({
  caseId,
  words,
  value,
  max,
  error,
  onChange,
}: {
  caseId: string;
  words: { note: string; placeholder: string };
  value: string;
  max: number;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <TextField
      id={`case-note-${caseId}`}
      label={words.note}
      textarea
      placeholder={words.placeholder}
      value={value}
      maxlength={max}
      error={error}
      onChange={onChange}
    />
  );
}

/** Which case: township staff act on any of their villages', so the village goes along. */
const params = (c: Case) => ({ params: { caseId: c.caseId }, query: { villageId: c.villageId } });

function AcceptForm(p: FormProps) {
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

function DeclineForm(p: FormProps) {
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

function ProgressForm(p: FormProps) {
  return (
    <NoteForm
      {...p}
      field="note"
      label={A.progress.note}
      placeholder={A.progress.placeholder}
      submit={A.progress.submit}
      required
      run={(note) => call('caseProgress', { ...params(p.c), body: { note: note ?? '' } })}
    />
  );
}

/** 延期: once, with a reason; how long comes from the case's category (30 days by law). */
function ExtendForm(p: FormProps) {
  const [extension, setExtension] = useState<string>();
  useEffect(() => {
    call('caseCategories', { query: { villageId: p.c.villageId } })
      .then((r) => {
        const limit = r.items.find((x) => x.categoryId === p.c.categoryId)?.limits.extension;
        if (limit) setExtension(limitText(limit));
      })
      .catch(() => undefined);
  }, [p.c.villageId, p.c.categoryId]);
  return (
    <NoteForm
      {...p}
      field="reason"
      label={A.extend.reason}
      hint={`${A.extend.once}${extension ? A.extend.amount(extension) : ''}`}
      placeholder={A.extend.placeholder}
      submit={A.extend.submit}
      required
      run={(reason) => call('extendCase', { ...params(p.c), body: { reason: reason ?? '' } })}
    />
  );
}

/** 书面答复: at least 10 characters; the petitioner reads it and may rate it. */
function ReplyForm({ c, send }: FormProps) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  return (
    <View>
      <TextField
        id={`case-text-${c.caseId}`}
        label={A.reply.text}
        textarea
        draft
        tall
        placeholder={A.reply.placeholder}
        value={text}
        maxlength={3000}
        error={errors.text}
        onChange={setText}
      />
      <View className="vh-meta" id="case-reply-count">
        {A.reply.count(text.trim().length)}
      </View>
      <ActionButton
        id="case-form-submit"
        label={A.reply.submit}
        run={() =>
          send(() => call('replyCase', { ...params(c), body: { text } }).then(sent(`case-text-${c.caseId}`)), setErrors)
        }
      />
    </View>
  );
}

/** 转办: one of the people the server offers (never the person complained about), and a note. */
function AssignForm({ c, send }: FormProps) {
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
function MergeForm({ c, send }: FormProps) {
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

/** 转为议题: a short topic form, its background taken from the suggestion; saved as a draft, then opened. */
function TopicFromCase({ c, onChanged }: { c: Case; onChanged: (c: Case) => void }) {
  const [key] = useState(newIdempotencyKey());
  return (
    <View id="case-topic-form">
      <View className="vh-hint">{A.topic.hint}</View>
      <TopicForm
        compact
        background={c.text}
        backgroundLabel={A.topic.background}
        closesInDays={7}
        submitId="case-form-submit"
        submitLabel={A.topic.submit}
        save={async (body) => {
          const topic = await call('caseToTopic', { ...params(c), idempotencyKey: key, body });
          // The case now points at its topic: refresh it for when the user comes back, then open the topic.
          call('getCase', params(c))
            .then(onChanged)
            .catch(() => undefined);
          Taro.navigateTo({ url: `/pages/topics/detail/index?id=${topic.topicId}` });
        }}
      />
    </View>
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 召集会议: the meeting a co-signed petition obliges, no sooner than the notice the law asks. */
function MeetingForm({ c, send }: FormProps) {
  const duty = c.duty;
  const noticeDays = duty?.noticeDays ?? 10;
  const earliest = dayjs().add(noticeDays, 'day').format('YYYY-MM-DD');
  const [on, setOn] = useState(earliest);
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  return (
    <View>
      {duty && <View className="vh-hint">{A.meeting.hint(meetingLabels[duty.body], noticeDays, earliest)}</View>}
      <TextField
        id="case-meeting-date"
        label={A.meeting.date}
        value={on}
        maxlength={10}
        error={errors.on}
        onChange={setOn}
      />
      <TextField
        id="case-meeting-place"
        label={A.meeting.place}
        placeholder={A.meeting.placePlaceholder}
        value={place}
        maxlength={60}
        error={errors.place}
        onChange={setPlace}
      />
      <ActionButton
        id="case-form-submit"
        label={A.meeting.submit}
        run={() => {
          const day = on.trim();
          const local = !DATE.test(day) ? A.meeting.badDate : day < earliest ? A.meeting.tooSoon(earliest) : '';
          if (local) {
            setErrors({ on: local });
            return Promise.reject(new Error(local));
          }
          return send(() => call('conveneCase', { ...params(c), body: { on: day, place } }), setErrors);
        }}
      />
    </View>
  );
}

/** 移交: to whom and why; the case closes here and the petitioner sees where it went. */
function TransferForm({ c, send }: FormProps) {
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
function SortForm({ c, send }: FormProps) {
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
