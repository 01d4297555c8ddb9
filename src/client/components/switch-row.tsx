import { Switch, Text, View } from '@tarojs/components';

/**
 * A yes/no setting as one wide row: its words and the switch. The whole row takes the
 * tap (a switch alone is 52×32, too small for an old finger); a tap on the switch
 * itself stays the switch's own, so it is not counted twice.
 */
export function SwitchRow({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <View className="vh-setting vh-switch-row" id={`${id}-row`} onClick={() => onChange(!checked)}>
      <Text>{label}</Text>
      <Switch
        id={id}
        checked={checked}
        color="#a31515"
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => onChange(e.detail.value)}
      />
    </View>
  );
}
