import { Input, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BallotKind, CreateTopicRequest, DecidingBody } from '../../shared/schemas/topic';
import { tt } from '../i18n/topics';
import { fieldsOf } from '../services/api';
import { ActionButton } from './action';
import { Choice } from './choice';
import { TextField } from './field';
import { ListEditor } from './list-editor';
import { FieldError } from './state';
import { SwitchRow } from './switch-row';

const bodies: DecidingBody[] = ['villagers_meeting', 'representatives', 'party_members', 'custom'];
const kinds: BallotKind[] = ['motion', 'single', 'multiple'];

/** The form as typed: text boxes hold strings, turned into a request on submit. */
interface Form {
  title: string;
  background: string;
  body: DecidingBody;
  perHousehold: boolean;
  customBody: string;
  kind: BallotKind;
  options: string[];
  maxChoices: string;
  secret: boolean;
  major: boolean;
  attachments: string[];
  date: string;
  time: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "9:30" or "9：30" (typed with a Chinese keyboard) → "09:30". */
const cleanTime = (s: string) => {
  const t = s.trim().replace('：', ':');
  return /^\d:\d{2}$/.test(t) ? `0${t}` : t;
};
/** The closing moment, in Beijing time, as the API takes it; empty when the boxes are not filled in right. */
const closesAtOf = (f: Form) =>
  DATE.test(f.date.trim()) && TIME.test(cleanTime(f.time)) ? `${f.date.trim()}T${cleanTime(f.time)}:00+08:00` : '';

function toRequest(f: Form): CreateTopicRequest {
  const choosing = f.kind !== 'motion';
  return {
    title: f.title,
    background: f.background,
    body: f.body,
    perHousehold: f.body === 'villagers_meeting' && f.perHousehold,
    customBody: f.body === 'custom' ? f.customBody.trim() || undefined : undefined,
    kind: f.kind,
    options: choosing ? f.options : [],
    maxChoices: f.kind === 'multiple' && f.maxChoices.trim() ? Number(f.maxChoices) : undefined,
    secret: f.secret,
    major: f.major,
    attachments: f.attachments.map((name) => ({ name })),
    closesAt: closesAtOf(f),
  };
}

/**
 * A topic as proposed (提出议题): what is to be decided, by which body, how the
 * ballot reads, secret or not, and until when. Used to propose a topic, and to
 * turn an adopted suggestion into one (`compact`: without 按户, 重大事项 and attachments).
 */
export function TopicForm(p: {
  background?: string;
  closesInDays: number;
  compact?: boolean;
  backgroundLabel?: string;
  submitId: string;
  submitLabel: string;
  doneText?: string;
  /** Said just above the button: what saving does. */
  note?: string;
  save: (req: CreateTopicRequest) => Promise<unknown>;
}) {
  const [form, setForm] = useState<Form>({
    title: '',
    background: p.background ?? '',
    body: 'villagers_meeting',
    perHousehold: false,
    customBody: '',
    kind: 'motion',
    options: ['', ''],
    maxChoices: '',
    secret: true,
    major: false,
    attachments: [],
    date: dayjs().add(p.closesInDays, 'day').format('YYYY-MM-DD'),
    time: '18:00',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const err = (path: string) => errors[path];

  const submit = async () => {
    const local: Record<string, string> = {};
    if (!DATE.test(form.date.trim())) local.date = tt.edit.badDate;
    if (!TIME.test(cleanTime(form.time))) local.time = tt.edit.badTime;
    setErrors(local);
    if (Object.keys(local).length) throw new Error(local.date ?? local.time);
    try {
      await p.save(toRequest(form));
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };

  return (
    <View className="vh-form" id="topic-form">
      <TextField
        id="topic-title-input"
        label={tt.edit.topicTitle}
        placeholder={tt.edit.titlePlaceholder}
        value={form.title}
        maxlength={60}
        error={err('title')}
        onChange={(title) => update({ title })}
      />

      <TextField
        id="topic-background-input"
        label={p.backgroundLabel ?? tt.edit.background}
        textarea
        tall
        placeholder={tt.edit.backgroundPlaceholder}
        value={form.background}
        maxlength={5000}
        error={err('background')}
        onChange={(background) => update({ background })}
      />

      <View className="vh-label">{tt.edit.body}</View>
      <Choice
        id="topic-body-choice"
        wrap
        options={bodies}
        value={form.body}
        label={(b) => tt.bodies[b]}
        onChoose={(body) => update({ body })}
        optionId={(b) => `body-${b}`}
      />
      <FieldError message={err('body')} />
      {form.body === 'villagers_meeting' && !p.compact && (
        <SwitchRow
          id="per-household"
          label={tt.edit.perHousehold}
          checked={form.perHousehold}
          onChange={(perHousehold) => update({ perHousehold })}
        />
      )}
      <FieldError message={err('perHousehold')} />
      {form.body === 'custom' && (
        <TextField
          id="custom-body"
          label={tt.edit.customBody}
          placeholder={tt.edit.customBodyPlaceholder}
          value={form.customBody}
          maxlength={20}
          error={err('customBody')}
          onChange={(customBody) => update({ customBody })}
        />
      )}

      <View className="vh-label">{tt.edit.kind}</View>
      <Choice
        id="topic-kind-choice"
        wrap
        options={kinds}
        value={form.kind}
        label={(k) => tt.kinds[k]}
        onChoose={(kind) => update({ kind })}
        optionId={(k) => `kind-${k}`}
      />
      <View className="vh-hint">{tt.edit.kindHints[form.kind]}</View>
      <FieldError message={err('kind')} />

      {form.kind !== 'motion' && (
        <View className="vh-card" id="options-editor">
          <View className="vh-card-title">{tt.edit.options}</View>
          <ListEditor
            removeLabel={tt.edit.removeOption}
            id="option"
            items={form.options}
            onChange={(options) => update({ options })}
            placeholder={tt.edit.option}
            addLabel={tt.edit.addOption}
            maxlength={40}
            errorAt={(i) => err(`options.${i}`)}
          />
          <FieldError message={err('options')} />
          {form.kind === 'multiple' && (
            <TextField
              id="max-choices"
              label={tt.edit.maxChoices}
              type="number"
              value={form.maxChoices}
              maxlength={2}
              error={err('maxChoices')}
              onChange={(maxChoices) => update({ maxChoices })}
            />
          )}
        </View>
      )}

      <SwitchRow
        id="topic-secret-switch"
        label={tt.edit.secret}
        checked={form.secret}
        onChange={(secret) => update({ secret })}
      />
      <FieldError message={err('secret')} />

      {!p.compact && (
        <>
          <SwitchRow
            id="topic-major-switch"
            label={tt.edit.major}
            checked={form.major}
            onChange={(major) => update({ major })}
          />
          {form.major && (
            <View className="vh-hint" id="topic-major-hint">
              {tt.edit.majorHint}
            </View>
          )}
          <FieldError message={err('major')} />

          <View className="vh-label">{tt.edit.attachments}</View>
          <ListEditor
            removeLabel={tt.edit.removeOption}
            id="attachment"
            items={form.attachments}
            onChange={(attachments) => update({ attachments })}
            placeholder={tt.edit.attachment}
            addLabel={tt.edit.addAttachment}
            maxlength={80}
            errorAt={(i) => err(`attachments.${i}.name`) ?? err(`attachments.${i}`)}
          />
          <FieldError message={err('attachments')} />
        </>
      )}

      <View className="vh-label">{tt.edit.closes}</View>
      <View className="vh-hint">
        {tt.edit.date}　{tt.edit.time}
      </View>
      <View className="vh-row">
        <Input
          id="closes-date"
          className="vh-input"
          placeholder={tt.edit.date}
          value={form.date}
          maxlength={10}
          onInput={(e) => update({ date: e.detail.value })}
        />
        <Input
          id="closes-time"
          className="vh-input"
          placeholder={tt.edit.time}
          value={form.time}
          maxlength={5}
          onInput={(e) => update({ time: e.detail.value })}
        />
      </View>
      <FieldError message={err('date') ?? err('time') ?? err('closesAt')} />

      {p.note && <View className="vh-hint">{p.note}</View>}
      <ActionButton id={p.submitId} label={p.submitLabel} doneText={p.doneText} run={submit} />
    </View>
  );
}
