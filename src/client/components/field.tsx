import { Input, Textarea, View } from '@tarojs/components';
import type { ComponentProps } from 'react';
import { FieldError } from './state';

/**
 * Only the props that were given: a Taro H5 box takes an undefined prop as a value
 * (an id of "undefined", no length limit), where one left out keeps its default.
 */
const given = <T extends object>(props: T): Partial<T> =>
  Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A box to type in: its label and hint above it, the server's word about it underneath.
 * The box keeps the id it is given (the browser tests find it by that id); with `row`
 * the whole field sits in a `vh-setting-row` whose id is the box's id and `-field`.
 */
export function TextField({
  id,
  label,
  hint,
  value,
  placeholder,
  maxlength,
  type,
  textarea,
  tall,
  row,
  error,
  onChange,
}: {
  id?: string;
  label?: string;
  hint?: string;
  value: string;
  placeholder?: string;
  maxlength?: number;
  type?: ComponentProps<typeof Input>['type'];
  /** A Textarea rather than an Input; `tall` makes it the tall one. */
  textarea?: boolean;
  tall?: boolean;
  row?: boolean;
  error?: string;
  onChange: (value: string) => void;
}) {
  const onInput = (e: { detail: { value: string } }) => onChange(e.detail.value);
  const field = (
    <>
      {label && <View className="vh-label">{label}</View>}
      {hint && <View className="vh-hint">{hint}</View>}
      {textarea ? (
        <Textarea
          {...given({ id, placeholder, maxlength })}
          className={tall ? 'vh-textarea vh-textarea-tall' : 'vh-textarea'}
          value={value}
          onInput={onInput}
        />
      ) : (
        <Input {...given({ id, type, placeholder, maxlength })} className="vh-input" value={value} onInput={onInput} />
      )}
      <FieldError message={error} />
    </>
  );
  return row ? (
    <View className="vh-setting-row" id={`${id}-field`}>
      {field}
    </View>
  ) : (
    field
  );
}
