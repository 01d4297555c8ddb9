import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Me } from '../../../shared/schemas/person';
import { ConsentBanner } from '../../components/consent';
import { InboxTile } from '../../components/inbox-tile';
import { ElderlyOffer, LargeTextSwitch, useLargeText } from '../../components/large-text';
import { Page } from '../../components/page';
import { PersonCard, placeOf } from '../../components/person-card';
import { useMe } from '../../components/use-me';
import { BIND_PAGE } from '../../components/use-page-load';
import { ta, tl } from '../../i18n/audit';
import { tb } from '../../i18n/bindings';
import { tcare } from '../../i18n/care';
import { tc } from '../../i18n/cases';
import { tcs } from '../../i18n/cases-staff';
import { tov } from '../../i18n/oversight';
import { tp } from '../../i18n/people';
import { tpr } from '../../i18n/privacy';
import { tt } from '../../i18n/topics';
import { tw } from '../../i18n/township';
import { t } from '../../i18n/zh-CN';
import { call } from '../../services/api';
import { hasRole, isOverseer, isTownship, isUnbound, session } from '../../services/session';

/** The big buttons of the home page; staff ones only for those whose role needs them. */
const tiles: { id: string; url: string; title: string; hint: string; shown: (me?: Me) => boolean }[] = [
  {
    id: 'tile-notices',
    url: '/pages/notices/list/index',
    title: t.home.notices,
    hint: t.home.noticesHint,
    shown: () => true,
  },
  {
    id: 'tile-topics',
    url: '/pages/topics/list/index',
    title: tt.home.topics,
    hint: tt.home.topicsHint,
    shown: () => true,
  },
  {
    id: 'tile-cases',
    url: '/pages/cases/list/index',
    title: tc.home.cases,
    hint: tc.home.casesHint,
    shown: () => true,
  },
  { id: 'tile-me', url: '/pages/me/index', title: t.home.me, hint: tb.home.meHint, shown: () => true },
  {
    id: 'tile-review',
    url: '/pages/bindings/review/index',
    title: tb.home.review,
    hint: tb.home.reviewHint,
    shown: (me) => hasRole(me, 'committee'),
  },
  {
    id: 'tile-roster',
    url: '/pages/people/list/index',
    title: tp.home.roster,
    hint: tp.home.rosterHint,
    shown: (me) => hasRole(me, 'committee', 'party_branch', 'supervisor', 'grid_worker', 'township_staff'),
  },
  {
    id: 'tile-calendar',
    url: '/pages/notices/staff/calendar/index',
    title: t.home.calendar,
    hint: t.home.calendarHint,
    shown: isOverseer,
  },
  {
    id: 'tile-settings',
    url: '/pages/villages/settings/index',
    title: t.home.settings,
    hint: t.home.settingsHint,
    shown: isOverseer,
  },
  {
    id: 'tile-questions',
    url: '/pages/notices/staff/questions/index',
    title: t.home.openQuestions,
    hint: t.home.openQuestionsHint,
    shown: isOverseer,
  },
  {
    id: 'tile-case-proxy',
    url: '/pages/cases/staff/proxy/index',
    title: tcs.home.proxy,
    hint: tcs.home.proxyHint,
    shown: (me) => hasRole(me, 'committee', 'grid_worker') && !isTownship(me),
  },
  {
    id: 'tile-case-dashboard',
    url: '/pages/cases/staff/dashboard/index',
    title: tcs.home.dashboard,
    hint: tcs.home.dashboardHint,
    shown: isOverseer,
  },
  {
    id: 'tile-oversight',
    url: '/pages/oversight/index',
    title: tov.home.tile,
    hint: tov.home.hint,
    shown: (me) => hasRole(me, 'supervisor', 'township_staff'),
  },
  {
    id: 'tile-audit',
    url: '/pages/audit/index',
    title: ta.home.tile,
    hint: ta.home.hint,
    shown: (me) => hasRole(me, 'supervisor', 'township_staff'),
  },
  {
    id: 'tile-corrections',
    url: '/pages/people/corrections/index',
    title: tpr.home.tile,
    hint: tpr.home.hint,
    shown: (me) => hasRole(me, 'committee') && !isTownship(me),
  },
  {
    id: 'tile-audit-entries',
    url: '/pages/audit/entries/index',
    title: tl.home.tile,
    hint: tl.home.hint,
    shown: (me) => hasRole(me, 'supervisor', 'township_staff'),
  },
  {
    id: 'tile-case-township',
    url: '/pages/cases/staff/township/index',
    title: tcs.home.township,
    hint: tcs.home.townshipHint,
    shown: isTownship,
  },
  {
    id: 'tile-township-villages',
    url: '/pages/township/villages/index',
    title: tw.home.tile,
    hint: tw.home.hint,
    shown: isTownship,
  },
  {
    id: 'tile-care',
    url: '/pages/care/list/index',
    title: tcare.home.tile,
    hint: tcare.home.hint,
    // The registry's readers: the committee, the 监委会, and township civil affairs (民政).
    shown: (me) =>
      hasRole(me, 'committee', 'supervisor') ||
      (isTownship(me) && Boolean(me?.person?.posts.some((p) => p.includes('民政')))),
  },
];

/** Not bound to a person yet: one big way forward, and where a claim already sent stands. */
function BindCard() {
  const [pending, setPending] = useState(false);
  useEffect(() => {
    call('myClaims')
      .then((r) => setPending(r.items.some((c) => c.status === 'pending')))
      .catch(() => undefined);
  }, []);
  return (
    <View className="vh-card" id="bind-card">
      <View className="vh-card-title">{tb.home.bindTitle}</View>
      <View className="vh-hint">{tb.home.bindHint}</View>
      {pending && <View className="vh-banner">{tb.home.pending}</View>}
      <Button id="go-bind" className="vh-button vh-button-primary" onClick={() => Taro.navigateTo({ url: BIND_PAGE })}>
        {tb.home.bindButton}
      </Button>
    </View>
  );
}

/** The tiles a plain resident has (公告, 议事, 建议, 我的): beyond these, someone has staff work. */
const RESIDENT_TILES = 4;

export default function Home() {
  const me = useMe();
  const [large, setLarge] = useLargeText();
  useDidShow(() => {
    if (!session.token()) Taro.redirectTo({ url: '/pages/auth/sign-in/index' });
  });
  const unbound = isUnbound(me);
  return (
    <Page>
      <View className="vh-hero">
        <View className="vh-hero-place">{placeOf(me)}</View>
        <View className="vh-hero-hello">
          {me?.person ? t.home.hello(me.person.name) : unbound ? tb.home.hello : t.appName}
        </View>
        {me?.person && (
          <View className="vh-hero-roles">
            {me.person.roles.map((r) => t.roles[r]).join(' · ')}
            {me.person.posts.length ? `（${me.person.posts.join('、')}）` : ''}
          </View>
        )}
      </View>
      <ConsentBanner me={me} />
      <ElderlyOffer on={large} onChange={setLarge} />
      {unbound && <BindCard />}
      <View className="vh-tiles">
        <InboxTile />
        {tiles
          .filter((tile) => (unbound ? tile.id === 'tile-me' : tile.shown(me)))
          // 长辈版: a resident gets four large tiles (消息, 公告, 议事, 建议); 我的 stays at the foot of the page.
          .filter((tile, _, shown) => !(large && !unbound && tile.id === 'tile-me' && shown.length <= RESIDENT_TILES))
          .map((tile) => (
            <View key={tile.id} id={tile.id} className="vh-tile" onClick={() => Taro.navigateTo({ url: tile.url })}>
              <Text className="vh-tile-title">{tile.title}</Text>
              <Text className="vh-tile-hint">{tile.hint}</Text>
            </View>
          ))}
      </View>
      <View className="vh-card">
        {me?.person && (
          <>
            <View className="vh-card-title">{t.home.me}</View>
            <PersonCard me={me} />
          </>
        )}
        <LargeTextSwitch on={large} onChange={setLarge} />
        {large && me?.person && (
          <Button
            id="open-me"
            className="vh-button vh-button-plain"
            onClick={() => Taro.navigateTo({ url: '/pages/me/index' })}
          >
            {t.home.openMe}
          </Button>
        )}
      </View>
    </Page>
  );
}
