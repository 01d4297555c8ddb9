import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { type PropsWithChildren, useEffect, useState } from 'react';
import { session } from '../services/session';

/** Every page's frame: applies the remembered large-text setting (适老化), at once when it changes. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [large, setLarge] = useState(session.largeText());
  useDidShow(() => setLarge(session.largeText()));
  useEffect(() => session.onLargeText(setLarge), []);
  return <View className={`vh-page ${large ? 'vh-large' : ''} ${className}`}>{children}</View>;
}
