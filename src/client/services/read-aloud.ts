import { spoken } from '../../shared/rules/spoken';

/**
 * 朗读: one interface over each platform's text-to-speech. On H5 the browser's
 * speechSynthesis with a zh-CN voice; in the mini-program the 同声传译 plugin
 * (WechatSI) turns text into an audio file that an audio context plays. Where
 * neither exists the app hides the button.
 */
export interface Speaker {
  speak(text: string, onEnd: () => void): void;
  stop(): void;
}

/** What a platform offers, as far as reading aloud goes (passed in, so the choice can be tested). */
export interface SpeechPlatform {
  taroEnv: 'weapp' | 'h5';
  speechSynthesis?: Pick<SpeechSynthesis, 'speak' | 'cancel' | 'getVoices'>;
  Utterance?: new (text: string) => SpeechSynthesisUtterance;
  plugin?: WechatSI;
  audio?: () => { src: string; play(): void; stop(): void; onEnded(cb: () => void): void };
}

/** The part of WeChat's 同声传译 plugin used here. */
export interface WechatSI {
  textToSpeech(o: {
    lang: 'zh_CN';
    content: string;
    success(r: { filename: string }): void;
    fail(e: unknown): void;
  }): void;
}

/** The plugin's text-to-speech takes short pieces: split at sentence ends, under this many characters. */
const PIECE = 200;
export function pieces(text: string): string[] {
  const out: string[] = [];
  for (const sentence of text.match(/[^。！？!?\n]+[。！？!?\n]*/g) ?? []) {
    for (let i = 0; i < sentence.length; i += PIECE) {
      const part = sentence.slice(i, i + PIECE).trim();
      if (part) out.push(part);
    }
  }
  return out;
}

function browserSpeaker(p: Required<Pick<SpeechPlatform, 'speechSynthesis' | 'Utterance'>>): Speaker {
  return {
    speak(text, onEnd) {
      p.speechSynthesis.cancel();
      const u = new p.Utterance(spoken(text));
      u.lang = 'zh-CN';
      const voice = p.speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith('zh'));
      if (voice) u.voice = voice;
      u.rate = 0.9; // a little slower than the default, for older ears
      u.onend = onEnd;
      u.onerror = onEnd;
      p.speechSynthesis.speak(u);
    },
    stop: () => p.speechSynthesis.cancel(),
  };
}

function pluginSpeaker(plugin: WechatSI, audio: NonNullable<SpeechPlatform['audio']>): Speaker {
  let current: ReturnType<typeof audio> | undefined;
  let stopped = false;
  const play = (queue: string[], onEnd: () => void) => {
    const [next, ...rest] = queue;
    if (!next || stopped) return onEnd();
    plugin.textToSpeech({
      lang: 'zh_CN',
      content: next,
      success: ({ filename }) => {
        if (stopped) return;
        current = audio();
        current.src = filename;
        current.onEnded(() => play(rest, onEnd));
        current.play();
      },
      fail: () => onEnd(),
    });
  };
  return {
    speak(text, onEnd) {
      stopped = false;
      play(pieces(spoken(text)), onEnd);
    },
    stop() {
      stopped = true;
      current?.stop();
    },
  };
}

/** The speaker this platform has, if any. */
export function speakerFor(p: SpeechPlatform): Speaker | undefined {
  if (p.taroEnv === 'weapp') return p.plugin && p.audio ? pluginSpeaker(p.plugin, p.audio) : undefined;
  return p.speechSynthesis && p.Utterance
    ? browserSpeaker({ speechSynthesis: p.speechSynthesis, Utterance: p.Utterance })
    : undefined;
}
