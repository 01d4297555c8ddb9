import { Button, Input, View } from '@tarojs/components';
import { FieldError } from './state';

/** A list of short texts edited row by row (materials, attachments, ballot options), each row with its own error. */
export function ListEditor({
  id,
  items,
  onChange,
  placeholder,
  addLabel,
  removeLabel,
  maxlength,
  errorAt,
}: {
  id: string;
  items: string[];
  onChange: (items: string[]) => void;
  placeholder: string | ((n: number) => string);
  addLabel: string;
  removeLabel: string;
  maxlength?: number;
  errorAt: (i: number) => string | undefined;
}) {
  return (
    <View className="vh-list-edit" id={`${id}-list`}>
      {items.map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their position
        <View key={i} className="vh-list-edit-item">
          <View className="vh-row">
            <Input
              id={`${id}-${i}`}
              className="vh-input"
              placeholder={typeof placeholder === 'string' ? placeholder : placeholder(i + 1)}
              value={value}
              maxlength={maxlength}
              onInput={(e) => onChange(items.map((v, k) => (k === i ? e.detail.value : v)))}
            />
            <Button
              id={`${id}-remove-${i}`}
              className="vh-button vh-button-plain vh-button-small"
              onClick={() => onChange(items.filter((_, k) => k !== i))}
            >
              {removeLabel}
            </Button>
          </View>
          <FieldError message={errorAt(i)} />
        </View>
      ))}
      <Button id={`${id}-add`} className="vh-button vh-button-plain" onClick={() => onChange([...items, ''])}>
        {addLabel}
      </Button>
    </View>
  );
}
