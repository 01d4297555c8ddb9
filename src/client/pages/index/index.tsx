import { Button, Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { Page } from '../../components/page';
import { useMe } from '../../components/use-me';
import { t } from '../../i18n/zh-CN';
import { isOverseer, isTownship, session } from '../../services/session';

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
        <View
          id="tile-notices"
          className="vh-tile"
          onClick={() => Taro.navigateTo({ url: '/pages/notices/list/index' })}
        >
          <Text className="vh-tile-title">{t.home.notices}</Text>
          <Text className="vh-tile-hint">{t.home.noticesHint}</Text>
        </View>
        {isOverseer(me) && (
          <View
            id="tile-calendar"
            className="vh-tile"
            onClick={() => Taro.navigateTo({ url: '/pages/notices/staff/calendar/index' })}
          >
            <Text className="vh-tile-title">{t.home.calendar}</Text>
            <Text className="vh-tile-hint">{t.home.calendarHint}</Text>
          </View>
        )}
        {isOverseer(me) && (
          <View
            id="tile-questions"
            className="vh-tile"
            onClick={() => Taro.navigateTo({ url: '/pages/notices/staff/questions/index' })}
          >
            <Text className="vh-tile-title">{t.home.openQuestions}</Text>
            <Text className="vh-tile-hint">{t.home.openQuestionsHint}</Text>
          </View>
        )}
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
