import { View } from '@tarojs/components';

/** One choice among a few, as big buttons (no wheel pickers for elderly hands). */
export function Choice<T extends string | boolean>({
  id,
  options,
  value,
  label,
  onChoose,
  disabled = false,
  optionId = (o) => `${id}-${String(o)}`,
}: {
  id: string;
  options: readonly T[];
  value: T | undefined;
  label: (v: T) => string;
  onChoose: (v: T) => void;
  disabled?: boolean;
  optionId?: (v: T) => string;
}) {
  return (
    <View className="vh-segments" id={id}>
      {options.map((o) => (
        <View
          key={String(o)}
          id={optionId(o)}
          className={`vh-segment ${value === o ? 'vh-segment-on' : ''}`}
          onClick={() => !disabled && onChoose(o)}
        >
          {label(o)}
        </View>
      ))}
    </View>
  );
}
