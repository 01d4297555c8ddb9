import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { fieldsOf } from '../services/api';
import { ActionButton } from './action';
import { FieldError } from './state';

/**
 * A box to write in and a button to send it (a question, an answer): the server's
 * message about the text shows under the box, and the box empties once sent.
 */
export function TextForm({
  id,
  buttonId,
  className,
  placeholder,
  label,
  send,
}: {
  id: string;
  buttonId: string;
  className?: string;
  placeholder: string;
  label: string;
  send: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  return (
    <View className={className}>
      <Textarea
        id={id}
        className="vh-textarea"
        placeholder={placeholder}
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <FieldError message={error} />
      <ActionButton
        id={buttonId}
        label={label}
        run={async () => {
          try {
            setError(undefined);
            await send(text);
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
