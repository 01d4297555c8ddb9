import { Text, View } from '@tarojs/components';

export const COLORS = { mine: '#a31515', needed: '#e65100', all: '#9e9e9e', win: '#2e7d32' };

/** One bar of a chart made of plain views: a label and its number, and a bar as long as its share. */
export function Bar({
  id,
  label,
  value,
  max,
  unit,
  color,
}: {
  id: string;
  label: string;
  value: number;
  max: number;
  unit: string;
  color: string;
}) {
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <View className="vh-bar" id={id} style={{ margin: '10px 0' }}>
      <View className="vh-row" style={{ justifyContent: 'space-between' }}>
        <Text>{label}</Text>
        <Text className="vh-bar-value" style={{ fontWeight: 'bold', textAlign: 'right' }}>
          {value} {unit}
        </Text>
      </View>
      <View style={{ background: '#eee', borderRadius: '6px', height: '22px', overflow: 'hidden' }}>
        <View style={{ background: color, width: `${share}%`, height: '100%' }} />
      </View>
    </View>
  );
}
