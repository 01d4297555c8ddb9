import { View } from '@tarojs/components';
import { useState } from 'react';
import { fieldsOf } from '../services/api';
import { textDraftKey, textDrafts } from '../services/drafts';
import { ActionButton } from './action';
import { FieldError } from './state';
import { TextBox } from './text-box';

/**
 * A box to write in and a button to send it (a question, an answer, a comment): the
 * server's message about the text shows under the box. What is typed stays on the phone
 * until the server has it (leave the page, come back, it is there); once sent the box empties.
 */
export function TextForm({
  id,
  buttonId,
  className,
  placeholder,
  label,
  maxlength = 1000,
  send,
}: {
  id: string;
  buttonId: string;
  className?: string;
  placeholder: string;
  label: string;
  /** The server's limit for this text (questions and comments: 1000). */
  maxlength?: number;
  send: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  return (
    <View className={className}>
      <TextBox id={id} textarea draft placeholder={placeholder} maxlength={maxlength} value={text} onChange={setText} />
      <FieldError message={error} />
      <ActionButton
        id={buttonId}
        label={label}
        run={async () => {
          try {
            setError(undefined);
            await send(text);
            textDrafts.forget(textDraftKey(id));
            setText('');
          } catch (e) {
            setError(fieldsOf(e).text);
            throw e;
          }
        }}
      />
    </View>
  );
}
