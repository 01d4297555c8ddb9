import { Button, Text, View } from '@tarojs/components';
import { t } from '../i18n/zh-CN';

/** Loading, failure with retry, or nothing: every list and page says where it stands. */
export function LoadState({ loading, error, onRetry }: { loading: boolean; error?: string; onRetry?: () => void }) {
  if (loading) return <View className="vh-state">{t.state.loading}</View>;
  if (!error) return null;
  return (
    <View className="vh-state vh-state-error">
      <Text>{error}</Text>
      {onRetry && (
        <Button className="vh-button vh-button-plain" onClick={onRetry}>
          {t.state.retry}
        </Button>
      )}
    </View>
  );
}

export function FieldError({ message }: { message?: string }) {
  return message ? <View className="vh-field-error">{message}</View> : null;
}
