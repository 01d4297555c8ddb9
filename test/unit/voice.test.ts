import { LARGE_FROM_PX, wantsLargeText } from '../../src/client/services/elderly';
import { pickRecognizer, type VoiceListener } from '../../src/client/services/voice';

/** 说话输入: which recognizer a phone gets, and what each hands to the box. */

const listener = () => {
  const got = { text: [] as string[], errors: [] as string[], ends: 0 };
  const l: VoiceListener = {
    onText: (t) => got.text.push(t),
    onError: (e) => got.errors.push(e),
    onEnd: () => {
      got.ends += 1;
    },
  };
  return { got, l };
};

/** WechatSI's record-recognition manager as the plugin documents it: callbacks set as properties. */
function fakeWechatSi() {
  const manager = {
    started: [] as unknown[],
    stopped: 0,
    onStop: null as null | ((r: { result?: string }) => void),
    onError: null as null | ((r: { retcode?: number; msg?: string }) => void),
    start(o: unknown) {
      this.started.push(o);
    },
    stop() {
      this.stopped += 1;
    },
  };
  const asked: string[] = [];
  const requirePlugin = (name: string) => {
    asked.push(name);
    if (name !== 'WechatSI') throw new Error(`plugin ${name} is not defined`);
    return { getRecordRecognitionManager: () => manager };
  };
  return { manager, asked, requirePlugin };
}

describe('the mini-program: WeChat 同声传译 (WechatSI)', () => {
  it('uses the plugin when it is declared, in Chinese, and hands over what was heard', () => {
    const si = fakeWechatSi();
    const r = pickRecognizer({ env: 'weapp', requirePlugin: si.requirePlugin });
    expect(si.asked).toEqual(['WechatSI']);
    const { got, l } = listener();
    r?.start(l);
    expect(si.manager.started).toEqual([{ duration: 60_000, lang: 'zh_CN' }]);
    r?.stop();
    expect(si.manager.stopped).toBe(1);
    si.manager.onStop?.({ result: ' 村口的路灯坏了 ' });
    expect(got).toEqual({ text: ['村口的路灯坏了'], errors: [], ends: 1 });
  });

  it('says nothing was heard without putting an empty text in the box', () => {
    const si = fakeWechatSi();
    const { got, l } = listener();
    pickRecognizer({ env: 'weapp', requirePlugin: si.requirePlugin })?.start(l);
    si.manager.onStop?.({ result: '' });
    expect(got).toEqual({ text: [], errors: [], ends: 1 });
  });

  it('a refused microphone is said as such, other failures ask to try again', () => {
    const si = fakeWechatSi();
    const { got, l } = listener();
    pickRecognizer({ env: 'weapp', requirePlugin: si.requirePlugin })?.start(l);
    si.manager.onError?.({ retcode: -30001, msg: 'record error' });
    si.manager.onError?.({ retcode: -30003 });
    expect(got.errors[0]).toContain('话筒');
    expect(got.errors[1]).toContain('没有听清');
    expect(got.ends).toBe(2);
  });

  it('no plugin declared (requirePlugin throws), or no requirePlugin at all: no voice input, no crash', () => {
    const throwing = () => {
      throw new Error('plugin WechatSI is not defined');
    };
    expect(pickRecognizer({ env: 'weapp', requirePlugin: throwing })).toBeUndefined();
    expect(pickRecognizer({ env: 'weapp', requirePlugin: () => undefined })).toBeUndefined();
    expect(pickRecognizer({ env: 'weapp' })).toBeUndefined();
  });

  it('the browser API is never used inside WeChat', () => {
    class SpeechRecognition {}
    expect(pickRecognizer({ env: 'weapp', browser: { SpeechRecognition } })).toBeUndefined();
  });
});

/** The Web Speech API's recognizer, as Chrome has it. */
function fakeWebSpeech() {
  const made: any[] = [];
  class Recognition {
    lang = '';
    continuous = false;
    interimResults = true;
    onresult: any = null;
    onerror: any = null;
    onend: any = null;
    started = 0;
    stopped = 0;
    constructor() {
      made.push(this);
    }
    start() {
      this.started += 1;
    }
    stop() {
      this.stopped += 1;
    }
  }
  return { made, Recognition };
}

describe('H5: the browser speech recognition', () => {
  it('uses SpeechRecognition, or the webkit-prefixed one, in zh-CN', () => {
    for (const key of ['SpeechRecognition', 'webkitSpeechRecognition'] as const) {
      const web = fakeWebSpeech();
      const r = pickRecognizer({ env: 'h5', browser: { [key]: web.Recognition } });
      expect(r).toBeDefined();
      const { got, l } = listener();
      r?.start(l);
      const rec = web.made[0];
      expect([rec.lang, rec.started, rec.interimResults]).toEqual(['zh-CN', 1, false]);
      rec.onresult({ results: [[{ transcript: '三组的路' }], [{ transcript: '需要修' }]] });
      r?.stop();
      expect(rec.stopped).toBe(1);
      rec.onend();
      expect(got).toEqual({ text: ['三组的路需要修'], errors: [], ends: 1 });
    }
  });

  it('a blocked microphone is said as such', () => {
    const web = fakeWebSpeech();
    const { got, l } = listener();
    pickRecognizer({ env: 'h5', browser: { webkitSpeechRecognition: web.Recognition } })?.start(l);
    web.made[0].onerror({ error: 'not-allowed' });
    web.made[0].onend();
    expect(got.errors).toHaveLength(1);
    expect(got.errors[0]).toContain('话筒');
    expect(got.text).toEqual([]);
  });

  it('a browser without speech recognition (Firefox, most WebViews) gets none: the button is hidden', () => {
    expect(pickRecognizer({ env: 'h5', browser: {} })).toBeUndefined();
    expect(pickRecognizer({ env: 'h5' })).toBeUndefined();
    expect(pickRecognizer({ env: 'h5', browser: { SpeechRecognition: 'not a constructor' } })).toBeUndefined();
  });
});

describe('长辈版 on first open follows the phone text size', () => {
  it.each([
    [undefined, false],
    [Number.NaN, false], // Taro's H5 getSystemInfoSync
    [16, false], // 标准 on Android
    [17, false], // 标准 on iOS
    [LARGE_FROM_PX, true],
    [20, true],
    [23.8, true],
  ])('fontSizeSetting %p → large %p', (px, large) => {
    expect(wantsLargeText(px)).toBe(large);
  });
});
