import { Button, Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { appPath, h5Link, type SharedItem } from '../../shared/links';
import { ts } from '../i18n/share';

const WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * The card this page makes when shared into a WeChat chat (the ··· menu or the
 * share button): its title and the path that opens it, through sign-in and
 * binding for someone new. The page's config must also set enableShareAppMessage.
 */
export function useShareCard(item: SharedItem | undefined, title: string) {
  useShareAppMessage(() => (item ? { title, path: appPath(item) } : {}));
}

/** This page's address on the H5 site (which routes by hash). */
export const h5LinkOf = (item: SharedItem) => h5Link(`${window.location.origin}${window.location.pathname}`, item);

/**
 * A big button to share: in the mini-program it opens WeChat's chooser of chats;
 * the H5 site has no WeChat menu, so it copies the page's link to paste into a
 * chat, and shows the link to copy by hand if the browser refuses.
 */
export function ShareButton({ item }: { item: SharedItem }) {
  const [shown, setShown] = useState<{ link: string; note: string }>();
  if (WEAPP)
    return (
      <Button id="share" className="vh-button vh-button-plain" openType="share">
        {ts.share}
      </Button>
    );
  const copy = () => {
    const link = h5LinkOf(item);
    Taro.setClipboardData({ data: link })
      .then(() => setShown({ link, note: ts.copied }))
      .catch(() => setShown({ link, note: ts.copyFailed }));
  };
  return (
    <>
      <Button id="copy-link" className="vh-button vh-button-plain" onClick={copy}>
        {ts.copyLink}
      </Button>
      {shown && (
        <View className="vh-banner vh-banner-ok" id="share-link-panel">
          <View>{shown.note}</View>
          <Text userSelect id="share-link" style={{ wordBreak: 'break-all' }}>
            {shown.link}
          </Text>
        </View>
      )}
    </>
  );
}
