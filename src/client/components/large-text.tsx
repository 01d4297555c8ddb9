import { Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { t } from '../i18n/zh-CN';
import { session } from '../services/session';

/** The large-text setting (适老化), remembered on the phone; the page applies it at once. */
export function useLargeText() {
  const [large, setLarge] = useState(session.largeText());
  const change = (on: boolean) => {
    session.setLargeText(on);
    setLarge(on);
  };
  return [large, change] as const;
}

export function LargeTextSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="vh-setting">
      <Text>
        {t.home.largeText}（{on ? t.home.largeTextOn : t.home.largeTextOff}）
      </Text>
      <Switch id="large-text" checked={on} onChange={(e) => onChange(e.detail.value)} color="#a31515" />
    </View>
  );
}
