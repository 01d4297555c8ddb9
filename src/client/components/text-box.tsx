import { Button, Input, Textarea, View } from '@tarojs/components';
import { type ComponentProps, useEffect, useRef, useState } from 'react';
import { tp } from '../i18n/privacy';
import { tw } from '../i18n/writing';
import { textDraftKey, textDrafts } from '../services/drafts';
import { privacyAgreed } from '../services/privacy';
import { pickRecognizer, type Recognizer, type VoicePlatform } from '../services/voice';

/**
 * Only the props that were given: a Taro H5 box takes an undefined prop as a value
 * (an id of "undefined"), where one left out keeps its default.
 */
const given = <T extends object>(props: T): Partial<T> =>
  Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The box itself never cuts: a native limit drops the end of a paste without a word.
 * The box takes it all, and the limit is applied here, saying how much did not fit.
 */
const NATIVE_LIMIT = 1_000_000;
/** The counter shows once this share of the limit is used (and always in its last 50 characters). */
const COUNT_FROM = 0.8;
/** A Taro Textarea (H5 and mini-program) allows 140 characters when no limit is given. */
const TEXTAREA_DEFAULT_MAX = 140;

export interface TextBoxProps {
  id?: string;
  value: string;
  placeholder?: string;
  maxlength?: number;
  type?: ComponentProps<typeof Input>['type'];
  /** Long text: a box that grows with what is written, and voice input where the phone has it. */
  textarea?: boolean;
  tall?: boolean;
  /** Keep what is typed on the phone until it is sent (see services/drafts.ts); needs an id. */
  draft?: boolean;
  onChange: (value: string) => void;
}

/**
 * A box to type in, fit for an old hand and eye: the whole box takes the tap, the text is
 * body size, a long text grows the box (it shows from its start, never a scrolled strip),
 * a counter near the limit, a word when a paste was cut, and 说话输入 for long text.
 */
export function TextBox({ id, value, placeholder, maxlength, type, textarea, tall, draft, onChange }: TextBoxProps) {
  const max = maxlength ?? (textarea ? TEXTAREA_DEFAULT_MAX : undefined);
  const [cut, setCut] = useState(0);
  const [restored, setRestored] = useState(false);
  const draftKey = useRef<string>();
  if (draft && id && draftKey.current === undefined) draftKey.current = textDraftKey(id);

  const change = (text: string) => {
    const over = max !== undefined && max > 0 ? Math.max(0, text.length - max) : 0;
    const kept = over ? text.slice(0, max) : text;
    setCut(over);
    if (draftKey.current) textDrafts.save(draftKey.current, kept);
    onChange(kept);
  };

  // A draft left on this phone comes back into an empty box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the box appears
  useEffect(() => {
    if (!draftKey.current || value) return;
    const saved = textDrafts.load(draftKey.current);
    if (!saved) return;
    onChange(saved);
    setRestored(true);
  }, []);

  const length = value.length;
  const counting = max !== undefined && max > 0 && (length >= max * COUNT_FROM || max - length <= 50);
  const onInput = (e: { detail: { value: string } }) => change(e.detail.value);
  const box = textarea ? (
    <Textarea
      {...given({ id, placeholder })}
      className={tall ? 'vh-textarea vh-textarea-tall' : 'vh-textarea'}
      placeholderClass="vh-placeholder"
      value={value}
      maxlength={NATIVE_LIMIT}
      autoHeight
      onInput={onInput}
    />
  ) : (
    <Input
      {...given({ id, type, placeholder })}
      className="vh-input"
      placeholderClass="vh-placeholder"
      value={value}
      maxlength={NATIVE_LIMIT}
      onInput={onInput}
    />
  );
  return (
    <>
      {restored && (
        <View className="vh-hint" id={id && `${id}-restored`}>
          {tw.box.restored}
        </View>
      )}
      {box}
      {cut > 0 && max !== undefined && (
        <View className="vh-field-error" id={id && `${id}-cut`}>
          {tw.box.cut(cut, max)}
        </View>
      )}
      {counting && max !== undefined && (
        <View className="vh-meta vh-count" id={id && `${id}-count`}>
          {length >= max ? tw.box.full(max) : tw.box.left(max - length, max)}
        </View>
      )}
      {textarea && <VoiceInput id={id} onText={(said) => change(value ? `${value}${said}` : said)} />}
    </>
  );
}

let phoneRecognizer: Recognizer | undefined | null = null;
/** This phone's recognizer, picked once: WechatSI in the mini-program, the browser's own on H5. */
function recognizer(): Recognizer | undefined {
  if (phoneRecognizer === null) {
    phoneRecognizer =
      process.env.TARO_ENV === 'weapp'
        ? pickRecognizer({
            env: 'weapp',
            requirePlugin: typeof requirePlugin === 'function' ? requirePlugin : undefined,
          })
        : pickRecognizer({
            env: 'h5',
            browser: typeof window === 'undefined' ? undefined : (window as VoicePlatform['browser']),
          });
  }
  return phoneRecognizer;
}

/** 说话输入: tap, speak, tap again; what was heard is added to the box. Absent where the phone can't listen. */
function VoiceInput({ id, onText }: { id?: string; onText: (text: string) => void }) {
  const [listening, setListening] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const voice = recognizer();
  const latest = useRef(onText);
  latest.current = onText;
  if (!voice) return null;
  const toggle = async () => {
    if (listening) {
      voice.stop();
      return;
    }
    setNote('');
    setError('');
    if (!(await privacyAgreed())) {
      setError(tp.declinedVoice);
      return;
    }
    setListening(true);
    voice.start({
      onText: (text) => {
        latest.current(text);
        setNote(tw.voice.heard);
      },
      onError: setError,
      onEnd: () => setListening(false),
    });
  };
  return (
    <View className="vh-voice">
      {/* voice-<box>, not <box>-voice: a prefix selector for the box's own buttons never catches it */}
      <Button
        id={id && `voice-${id}`}
        className={`vh-button ${listening ? 'vh-button-primary' : 'vh-button-plain'}`}
        onClick={toggle}
      >
        {listening ? tw.voice.listening : tw.voice.start}
      </Button>
      {note && <View className="vh-action-done">{note}</View>}
      {error && <View className="vh-field-error">{error}</View>}
    </View>
  );
}
