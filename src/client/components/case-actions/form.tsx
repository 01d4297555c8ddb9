import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Case } from '../../../shared/schemas/case';
import { tcs } from '../../i18n/cases-staff';
import { textDraftKey, textDrafts } from '../../services/drafts';
import { ActionButton } from '../action';
import { TextField } from '../field';

export const A = tcs.actions;

export type Errors = Record<string, string>;
export interface FormProps {
  c: Case;
  /** Sends the step; field errors are shown under their fields, the message beside the button. */
  send: (run: () => Promise<Case>, setErrors: (e: Errors) => void) => Promise<void>;
}

export const blankToUndefined = (s: string) => (s.trim() ? s : undefined);
/** Once the server has a step's text, its draft on the phone goes. */
export const sent =
  (boxId: string) =>
  (c: Case): Case => {
    textDrafts.forget(textDraftKey(boxId));
    return c;
  };

/** Which case: township staff act on any of their villages', so the village goes along. */
export const params = (c: Case) => ({ params: { caseId: c.caseId }, query: { villageId: c.villageId } });

/** One box and its button: a note, a reason or the reply. */
export function NoteForm({
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
export function OptionalNote({
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
