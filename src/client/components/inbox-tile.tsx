import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { ti } from '../i18n/inbox';
import { call } from '../services/api';
import { session } from '../services/session';

/** The home screen's way into 消息, with how many are unread (counted again each time home shows). */
export function InboxTile() {
  const [count, setCount] = useState<{ unread: number; more: boolean }>();
  useDidShow(() => {
    if (session.token())
      call('unreadInbox')
        .then(setCount)
        .catch(() => undefined);
  });
  return (
    <View id="tile-inbox" className="vh-tile" onClick={() => Taro.navigateTo({ url: '/pages/inbox/index' })}>
      <Text className="vh-tile-title">
        {ti.home.inbox}
        {count?.unread ? (
          <Text id="unread-count" className="vh-badge vh-badge-party">
            {count.more ? '99+' : count.unread}
          </Text>
        ) : null}
      </Text>
      <Text className="vh-tile-hint">{count ? ti.home.unread(count.unread, count.more) : ''}</Text>
    </View>
  );
}
