/**
 * Saying instead of typing (语音输入), behind one small interface: in the mini-program
 * WeChat's 同声传译 plugin (WechatSI) and its record-recognition manager, on H5 the
 * browser's speech recognition. Where neither exists there is no recognizer, and the
 * box shows no microphone rather than one that cannot work.
 */
export interface Recognizer {
  /** Starts listening; `onText` gets what was said once the speaker stops (nothing heard: not called). */
  start(listener: VoiceListener): void;
  /** Stops listening; what was heard so far still arrives through `onText`. */
  stop(): void;
}
export interface VoiceListener {
  onText(text: string): void;
  /** A reason a person can read (no microphone permission, nothing heard, no network). */
  onError(message: string): void;
  /** Listening is over, whether text came or not. */
  onEnd(): void;
}

/** The WechatSI plugin's record-recognition manager (https://mp.weixin.qq.com/wxopen/plugindevdoc?appid=wx069ba97219f66d99). */
interface WechatSiManager {
  start(options: { duration: number; lang: string }): void;
  stop(): void;
  onStop: ((res: { result?: string }) => void) | null;
  onError: ((res: { retcode?: number; msg?: string }) => void) | null;
}
interface WechatSiPlugin {
  getRecordRecognitionManager(): WechatSiManager;
}

/** The Web Speech API's recognizer, as much of it as is used here. */
interface WebRecognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type WebRecognitionClass = new () => WebRecognition;

/** What the platform offers; passed in so the choice is testable without a phone or a browser. */
export interface VoicePlatform {
  env: 'weapp' | 'h5' | string;
  /** The mini-program's requirePlugin, when there is one. */
  requirePlugin?: (name: string) => unknown;
  /** The browser's global object, when there is one. */
  browser?: { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown };
}

/** The longest a person may speak into one box at a time; the plugin's own limit is 60 s. */
const LISTEN_MS = 60_000;

const sorry = {
  failed: '没有听清，请再说一次，或者直接打字',
  denied: '没有得到使用话筒的允许，请在设置里打开，或者直接打字',
};

function wechatSi(plugin: WechatSiPlugin): Recognizer {
  const manager = plugin.getRecordRecognitionManager();
  let listener: VoiceListener | undefined;
  manager.onStop = (res) => {
    const text = res.result?.trim();
    if (text) listener?.onText(text);
    listener?.onEnd();
  };
  manager.onError = (res) => {
    // -30001: the recorder could not start, which is mostly the microphone permission refused.
    listener?.onError(res.retcode === -30_001 ? sorry.denied : sorry.failed);
    listener?.onEnd();
  };
  return {
    start(l) {
      listener = l;
      manager.start({ duration: LISTEN_MS, lang: 'zh_CN' });
    },
    stop: () => manager.stop(),
  };
}

function webSpeech(Recognition: WebRecognitionClass): Recognizer {
  let current: WebRecognition | undefined;
  return {
    start(listener) {
      const r = new Recognition();
      current = r;
      r.lang = 'zh-CN';
      r.continuous = true;
      r.interimResults = false;
      let heard = '';
      r.onresult = (e) => {
        heard = Array.from(e.results, (alternatives) => alternatives[0]?.transcript ?? '').join('');
      };
      r.onerror = (e) =>
        listener.onError(e.error === 'not-allowed' || e.error === 'service-not-allowed' ? sorry.denied : sorry.failed);
      r.onend = () => {
        current = undefined;
        if (heard.trim()) listener.onText(heard.trim());
        listener.onEnd();
      };
      r.start();
    },
    stop: () => current?.stop(),
  };
}

/** The recognizer this platform has, or none: the plugin in WeChat, the browser's own on H5. */
export function pickRecognizer(platform: VoicePlatform): Recognizer | undefined {
  if (platform.env === 'weapp') {
    if (typeof platform.requirePlugin !== 'function') return undefined;
    try {
      // A mini-program without the plugin declared (or a simulator) throws here: no voice, not a broken page.
      const plugin = platform.requirePlugin('WechatSI') as Partial<WechatSiPlugin> | undefined;
      return typeof plugin?.getRecordRecognitionManager === 'function' ? wechatSi(plugin as WechatSiPlugin) : undefined;
    } catch {
      return undefined;
    }
  }
  if (platform.env === 'h5') {
    const Recognition = platform.browser?.SpeechRecognition ?? platform.browser?.webkitSpeechRecognition;
    return typeof Recognition === 'function' ? webSpeech(Recognition as WebRecognitionClass) : undefined;
  }
  return undefined;
}
