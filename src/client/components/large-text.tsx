import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { tw } from '../i18n/writing';
import { t } from '../i18n/zh-CN';
import { session } from '../services/session';
import { SwitchRow } from './switch-row';

/** The large-text setting (长辈版, 适老化), remembered on the phone; every page applies it at once. */
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
    <>
      <SwitchRow
        id="large-text"
        label={`${tw.elderly.name}（${t.home.largeText}，${on ? t.home.largeTextOn : t.home.largeTextOff}）`}
        checked={on}
        onChange={onChange}
      />
      <View className="vh-hint">{tw.elderly.switchHint}</View>
    </>
  );
}

const OFFERED = 'vh.elderlyOffered';

/**
 * On first entry, 长辈版 is offered in plain sight (not only as a switch on 我的):
 * two big buttons, and the question goes away once answered either way.
 */
export function ElderlyOffer({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const [open, setOpen] = useState(() => Taro.getStorageSync(OFFERED) !== true);
  if (!open) return null;
  const answer = (large: boolean) => {
    Taro.setStorageSync(OFFERED, true);
    setOpen(false);
    onChange(large);
  };
  return (
    <View className="vh-card vh-offer" id="elderly-offer">
      <View className="vh-card-title">{on ? tw.elderly.offerTitleOn : tw.elderly.offerTitle}</View>
      <View className="vh-hint">{tw.elderly.offerHint}</View>
      <Button id="elderly-yes" className="vh-button vh-button-primary" onClick={() => answer(true)}>
        {tw.elderly.offerYes}
      </Button>
      <Button id="elderly-no" className="vh-button vh-button-plain" onClick={() => answer(false)}>
        {on ? tw.elderly.offerStandard : tw.elderly.offerNo}
      </Button>
    </View>
  );
}
