import { View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { type PropsWithChildren, useEffect, useState } from 'react';
import { t } from '../i18n/zh-CN';
import { session } from '../services/session';

const HOME = 'pages/index/index';

/**
 * The H5 app's own bar: the page's title and a way back (WeChat draws its own bar
 * in the mini-program). A page opened from a link or after a submit, with nothing
 * behind it, offers home instead, so back never leads out of the app or to a form.
 */
function H5Bar() {
  const { path } = useRouter();
  const route = (path ?? '').replace(/^\//, '').split('?')[0];
  const [title, setTitle] = useState('');
  // The router sets the page's title (navigationBarTitleText) as the document's once the page shows.
  useDidShow(() => {
    const config = (Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | null)?.config;
    setTimeout(() => setTitle(config?.navigationBarTitleText ?? document.title), 0);
  });
  if (!route || route === HOME) return null;
  const hasBack = Taro.getCurrentPages().length > 1;
  const leave = () => (hasBack ? Taro.navigateBack() : Taro.reLaunch({ url: `/${HOME}` }));
  return (
    <View className="vh-bar" id="page-bar">
      <View className="vh-bar-back" id="page-back" onClick={leave}>
        {hasBack ? t.bar.back : t.bar.home}
      </View>
      <View className="vh-bar-title" id="page-title">
        {title}
      </View>
    </View>
  );
}

/** Every page's frame: the H5 bar, and the remembered large-text setting (适老化), applied at once when it changes. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [large, setLarge] = useState(session.largeText());
  useDidShow(() => setLarge(session.largeText()));
  useEffect(() => session.onLargeText(setLarge), []);
  return (
    <View className={`vh-page ${large ? 'vh-large' : ''} ${className}`}>
      {process.env.TARO_ENV === 'h5' && <H5Bar />}
      {children}
    </View>
  );
}
