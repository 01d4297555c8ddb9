import { pieces, type SpeechPlatform, speakerFor, type WechatSI } from '../../src/client/services/read-aloud';

/**
 * 朗读's adapter: which speaker a platform gets, and what each is handed. The
 * platforms are stand-ins that record what they were asked (the real ones need a
 * phone or a browser with voices); the text they get is the spoken form.
 */
class Utterance {
  lang = '';
  rate = 1;
  voice?: { lang: string };
  onend?: () => void;
  onerror?: () => void;
  constructor(readonly text: string) {}
}
const browser = () => {
  const said: Utterance[] = [];
  const synth = {
    speak: (u: Utterance) => said.push(u),
    cancel: jest.fn(),
    getVoices: () => [{ lang: 'en-US' }, { lang: 'zh-CN' }],
  };
  const platform = {
    taroEnv: 'h5',
    speechSynthesis: synth,
    Utterance,
  } as unknown as SpeechPlatform;
  return { said, synth, platform };
};

describe('choosing a speaker', () => {
  it('has none where the platform offers no speech (the button is hidden)', () => {
    expect(speakerFor({ taroEnv: 'h5' })).toBeUndefined();
    expect(speakerFor({ taroEnv: 'weapp' })).toBeUndefined();
  });

  it("reads with the browser's Chinese voice, the spoken form of the text, a little slowly", () => {
    const { said, platform } = browser();
    const done = jest.fn();
    speakerFor(platform)?.speak('本月支出 ¥1,234.50', done);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ text: '本月支出 一千二百三十四元五角', lang: 'zh-CN', voice: { lang: 'zh-CN' } });
    expect(said[0].rate).toBeLessThan(1);
    said[0].onend?.();
    expect(done).toHaveBeenCalled();
  });

  it('stops the browser when asked', () => {
    const { synth, platform } = browser();
    speakerFor(platform)?.stop();
    expect(synth.cancel).toHaveBeenCalled();
  });

  it('plays the 同声传译 plugin piece by piece in the mini-program, then says it is done', () => {
    const asked: string[] = [];
    const plugin: WechatSI = {
      textToSpeech: (o) => {
        asked.push(o.content);
        o.success({ filename: `tts-${asked.length}.mp3` });
      },
    };
    const played: string[] = [];
    const audio = () => {
      const a = {
        src: '',
        ended: () => {},
        play: () => {
          played.push(a.src);
          a.ended();
        },
        stop: () => {},
        onEnded: (cb: () => void) => {
          a.ended = cb;
        },
      };
      return a;
    };
    const done = jest.fn();
    speakerFor({ taroEnv: 'weapp', plugin, audio })?.speak('会议定于 2026年12月5日 09:30 召开。请准时参加！', done);
    expect(asked[0]).toContain('九点三十分');
    expect(asked).toHaveLength(2);
    expect(played).toEqual(['tts-1.mp3', 'tts-2.mp3']);
    expect(done).toHaveBeenCalledTimes(1);
  });
});

describe('pieces for the plugin', () => {
  it('splits at sentence ends and never exceeds 200 characters', () => {
    const long = `${'很'.repeat(450)}。好的！`;
    const parts = pieces(long);
    expect(parts.every((p) => p.length <= 200)).toBe(true);
    expect(parts.join('')).toBe(long);
  });
});
