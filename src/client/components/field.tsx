import { View } from '@tarojs/components';
import { FieldError } from './state';
import { TextBox, type TextBoxProps } from './text-box';

/**
 * A box to type in: its label and hint above it, the server's word about it underneath.
 * The box keeps the id it is given (the browser tests find it by that id); with `row`
 * the whole field sits in a `vh-setting-row` whose id is the box's id and `-field`.
 */
export function TextField({
  label,
  hint,
  row,
  error,
  ...box
}: TextBoxProps & {
  label?: string;
  hint?: string;
  row?: boolean;
  error?: string;
}) {
  const { id } = box;
  const field = (
    <>
      {label && <View className="vh-label">{label}</View>}
      {hint && <View className="vh-hint">{hint}</View>}
      <TextBox {...box} />
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
