import { Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { t } from '../i18n/zh-CN';
import { type SpeechPlatform, speakerFor, type WechatSI } from '../services/read-aloud';

/** This device's platform: the plugin only where the mini-program declared it, the browser's voices only where it has them. */
function currentPlatform(): SpeechPlatform {
  if (process.env.TARO_ENV === 'weapp') {
    let plugin: WechatSI | undefined;
    try {
      plugin = typeof requirePlugin === 'function' ? (requirePlugin('WechatSI') as WechatSI) : undefined;
    } catch {
      plugin = undefined; // not declared in app.config: no reading aloud
    }
    return { taroEnv: 'weapp', plugin, audio: () => Taro.createInnerAudioContext() };
  }
  const w = typeof window === 'undefined' ? undefined : window;
  return { taroEnv: 'h5', speechSynthesis: w?.speechSynthesis, Utterance: w?.SpeechSynthesisUtterance };
}

/** 朗读: reads a notice, a topic or a reply aloud, numbers and dates as a person says them; hidden where the phone can't. */
export function ReadAloud({ id, text }: { id: string; text: string }) {
  const speaker = useMemo(() => speakerFor(currentPlatform()), []);
  const [reading, setReading] = useState(false);
  useEffect(() => () => speaker?.stop(), [speaker]);
  if (!speaker) return null;
  const toggle = () => {
    if (reading) {
      speaker.stop();
      setReading(false);
      return;
    }
    setReading(true);
    speaker.speak(text, () => setReading(false));
  };
  return (
    <Button id={id} className="vh-button vh-button-plain vh-read-aloud" onClick={toggle}>
      {reading ? t.readAloud.stop : t.readAloud.start}
    </Button>
  );
}
