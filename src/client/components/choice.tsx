import { View } from '@tarojs/components';

/**
 * One choice among a few, as big buttons (no wheel pickers for elderly hands): a segment bar, or for
 * options with long labels (`wrap`), buttons that flow onto as many lines as they need.
 */
export function Choice<T extends string | boolean>({
  id,
  options,
  value,
  label,
  onChoose,
  disabled = false,
  wrap = false,
  optionId = (o) => `${id}-${String(o)}`,
}: {
  id: string;
  options: readonly T[];
  value: T | undefined;
  label: (v: T) => string;
  onChoose: (v: T) => void;
  disabled?: boolean;
  wrap?: boolean;
  optionId?: (v: T) => string;
}) {
  const look = wrap ? 'vh-tab' : 'vh-segment';
  return (
    <View className={wrap ? 'vh-tabs' : 'vh-segments'} id={id}>
      {options.map((o) => (
        <View
          key={String(o)}
          id={optionId(o)}
          className={`${look} ${value === o ? `${look}-on` : ''}`}
          onClick={() => !disabled && onChoose(o)}
        >
          {label(o)}
        </View>
      ))}
    </View>
  );
}
