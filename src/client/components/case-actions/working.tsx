import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { limitText } from '../../i18n/cases-staff';
import { call } from '../../services/api';
import { ActionButton } from '../action';
import { TextField } from '../field';
import { A, type Errors, type FormProps, NoteForm, params, sent } from './form';

export function ProgressForm(p: FormProps) {
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
export function ExtendForm(p: FormProps) {
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
export function ReplyForm({ c, send }: FormProps) {
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
