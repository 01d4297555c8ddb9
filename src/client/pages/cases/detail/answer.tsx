import { Text, View } from '@tarojs/components';
import { ReadAloud } from '../../../components/read-aloud';

/** What the handlers wrote back (the reply, or where the case was handed over), selectable to copy. */
export function Answer({ id, title, text, meta }: { id: string; title: string; text: string; meta: string }) {
  return (
    <View className="vh-card" id={id}>
      <View className="vh-card-title">{title}</View>
      <View className="vh-answer">
        <Text className="vh-body" userSelect style={{ margin: 0 }}>
          {text}
        </Text>
        <View className="vh-meta">{meta}</View>
      </View>
      <ReadAloud id={`${id}-read`} text={`${title}。${text}`} />
    </View>
  );
}
