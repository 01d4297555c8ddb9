import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { TextForm } from '../../../components/text-form';
import { tt } from '../../../i18n/topics';

/** Ending the vote before its time: a reason is required, and the count follows at once. */
export function CloseEarly({ close }: { close: (reason: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button id="close-early-open" className="vh-button vh-button-danger" onClick={() => setOpen(true)}>
        {tt.detail.closeEarly}
      </Button>
    );
  return (
    <View className="vh-card vh-confirm" id="close-early-panel">
      <View className="vh-banner">{tt.detail.closeWarning}</View>
      <TextForm
        id="close-reason"
        buttonId="close-confirm"
        placeholder={tt.detail.closeReason}
        label={tt.detail.closeConfirm}
        maxlength={200}
        send={close}
      />
      <Button id="close-early-cancel" className="vh-button vh-button-plain" onClick={() => setOpen(false)}>
        {tt.detail.cancel}
      </Button>
    </View>
  );
}
