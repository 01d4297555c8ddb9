import { Button, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { MyHousehold } from '../../components/my-household';
import { Page } from '../../components/page';
import { useMe } from '../../components/use-me';
import { t } from '../../i18n/zh-CN';
import { isOverseer, isTownship, session } from '../../services/session';

/** The big buttons of the home page; staff ones only for those who oversee the board. */
const tiles = [
  {
    id: 'tile-notices',
    url: '/pages/notices/list/index',
    title: t.home.notices,
    hint: t.home.noticesHint,
    staff: false,
  },
  {
    id: 'tile-calendar',
    url: '/pages/notices/staff/calendar/index',
    title: t.home.calendar,
    hint: t.home.calendarHint,
    staff: true,
  },
  {
    id: 'tile-settings',
    url: '/pages/villages/settings/index',
    title: t.home.settings,
    hint: t.home.settingsHint,
    staff: true,
  },
  {
    id: 'tile-questions',
    url: '/pages/notices/staff/questions/index',
    title: t.home.openQuestions,
    hint: t.home.openQuestionsHint,
    staff: true,
  },
];

export default function Home() {
  const me = useMe();
  const [large, setLarge] = useState(session.largeText());
  useDidShow(() => {
    if (!session.token()) Taro.redirectTo({ url: '/pages/auth/sign-in/index' });
  });
  const place = me?.villages.length === 1 ? me.villages[0].name : me?.township.name;
  const toggleLarge = (on: boolean) => {
    session.setLargeText(on);
    setLarge(on);
  };
  return (
    <Page className={large ? 'vh-large' : ''}>
      <View className="vh-hero">
        <View className="vh-hero-place">{place}</View>
        <View className="vh-hero-hello">{me ? t.home.hello(me.person.name) : t.appName}</View>
        {me && (
          <View className="vh-hero-roles">
            {me.person.roles.map((r) => t.roles[r]).join(' · ')}
            {me.person.posts.length ? `（${me.person.posts.join('、')}）` : ''}
          </View>
        )}
      </View>
      <View className="vh-tiles">
        {tiles
          .filter((tile) => !tile.staff || isOverseer(me))
          .map((tile) => (
            <View key={tile.id} id={tile.id} className="vh-tile" onClick={() => Taro.navigateTo({ url: tile.url })}>
              <Text className="vh-tile-title">{tile.title}</Text>
              <Text className="vh-tile-hint">{tile.hint}</Text>
            </View>
          ))}
      </View>
      <View className="vh-card">
        <View className="vh-card-title">{t.home.me}</View>
        {me && (
          <View id="me-card">
            <View className="vh-person-name">{me.person.name}</View>
            <View className="vh-meta">
              {t.home.roles}：{me.person.roles.map((r) => t.roles[r]).join('、')}
              {me.person.posts.length ? `（${me.person.posts.join('、')}）` : ''}
            </View>
            <View className="vh-meta">
              {isTownship(me) ? t.home.township : t.home.village}：{place}
              {me.person.groupName ? ` · ${me.person.groupName}` : ''}
            </View>
            <MyHousehold personId={me.person.personId} />
          </View>
        )}
        <View className="vh-setting">
          <Text>
            {t.home.largeText}（{large ? t.home.largeTextOn : t.home.largeTextOff}）
          </Text>
          <Switch id="large-text" checked={large} onChange={(e) => toggleLarge(e.detail.value)} color="#a31515" />
        </View>
        <Button
          id="sign-out"
          className="vh-button vh-button-plain"
          onClick={() => {
            session.signOut();
            Taro.reLaunch({ url: '/pages/auth/sign-in/index' });
          }}
        >
          {t.home.signOut}
        </Button>
      </View>
    </Page>
  );
}
