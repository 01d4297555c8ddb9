import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { type PropsWithChildren, useState } from 'react';
import { session } from '../services/session';

/** Every page's frame: applies the remembered large-text setting (适老化). */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [large, setLarge] = useState(session.largeText());
  useDidShow(() => setLarge(session.largeText()));
  return <View className={`vh-page ${large ? 'vh-large' : ''} ${className}`}>{children}</View>;
}
