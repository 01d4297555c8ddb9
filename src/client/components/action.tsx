import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { t } from '../i18n/zh-CN';
import { messageOf } from '../services/api';

type Phase = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * A button whose action shows its state: 提交中… while sending, 已提交 when done,
 * and the reason plus "tap to retry" when it fails. A second tap while sending does nothing.
 */
export function ActionButton({
  label,
  run,
  kind = 'primary',
  id,
  doneText = t.state.sent,
}: {
  label: string;
  run: () => Promise<unknown>;
  kind?: 'primary' | 'plain' | 'danger';
  id?: string;
  doneText?: string;
}) {
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState('');
  const go = async () => {
    if (phase === 'sending') return;
    setPhase('sending');
    try {
      await run();
      setPhase('sent');
    } catch (e) {
      setError(messageOf(e));
      setPhase('failed');
    }
  };
  return (
    <View className="vh-action">
      <Button
        id={id}
        className={`vh-button vh-button-${kind}`}
        disabled={phase === 'sending' || undefined}
        onClick={go}
      >
        {phase === 'sending' ? t.state.sending : label}
      </Button>
      {phase === 'sent' && <View className="vh-action-done">{doneText}</View>}
      {phase === 'failed' && (
        <View className="vh-action-failed" onClick={go}>
          {error}（{t.state.failed}）
        </View>
      )}
    </View>
  );
}
