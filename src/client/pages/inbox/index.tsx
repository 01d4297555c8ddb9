import { Button, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { type InboxItem, inboxPage } from '../../../shared/schemas/inbox';
import { Page } from '../../components/page';
import { LoadState } from '../../components/state';
import { useLoading } from '../../components/use-loading';
import { ti } from '../../i18n/inbox';
import { t } from '../../i18n/zh-CN';
import { call, messageOf } from '../../services/api';
import { formatDateTime } from '../../services/format';

/** 消息: what concerns me, newest first; a tap marks it read and opens what it is about. */
export default function InboxPage() {
  const [items, setItems] = useState<InboxItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState('');
  const { loading, error, track } = useLoading();
  const load = (cursor?: string) =>
    track(async () => {
      const page = await call('listInbox', { query: { limit: 20, ...(cursor ? { cursor } : {}) } });
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
      setLoaded(true);
    });
  useDidShow(() => {
    load();
  });

  const open = async (item: InboxItem) => {
    if (!item.read) {
      setItems((all) => all.map((i) => (i.itemId === item.itemId ? { ...i, read: true } : i)));
      call('readInboxItem', { params: { itemId: item.itemId } }).catch(() => undefined);
    }
    Taro.navigateTo({ url: `/${inboxPage(item.link)}` });
  };
  const readAll = async () => {
    setFailed('');
    try {
      await call('readAllInbox');
      setItems((all) => all.map((i) => ({ ...i, read: true })));
    } catch (e) {
      setFailed(messageOf(e));
    }
  };

  return (
    <Page>
      <View className="vh-card" id="inbox">
        <View className="vh-card-title">{ti.title}</View>
        {items.some((i) => !i.read) && (
          <Button id="inbox-read-all" className="vh-button vh-button-plain" onClick={readAll}>
            {ti.readAll}
          </Button>
        )}
        {failed && <View className="vh-action-failed">{failed}</View>}
        <LoadState loading={loading} error={error} onRetry={() => load()} />
        {loaded && !items.length && <View className="vh-hint">{ti.empty}</View>}
        {items.map((item) => (
          <View
            key={item.itemId}
            id={`inbox-${item.itemId}`}
            className={`vh-notice-row${item.read ? '' : ' vh-unread'}`}
            onClick={() => open(item)}
          >
            <View className="vh-notice-row-meta">
              {!item.read && <View className="vh-badge vh-badge-party">{ti.unreadMark}</View>}
              <View className="vh-card-title">{item.title}</View>
            </View>
            <View>{item.body}</View>
            <View className="vh-meta">{formatDateTime(item.at)}</View>
          </View>
        ))}
        {next && (
          <Button id="inbox-more" className="vh-button vh-button-plain" onClick={() => load(next)}>
            {loading ? t.state.loading : ti.more}
          </Button>
        )}
      </View>
    </Page>
  );
}
