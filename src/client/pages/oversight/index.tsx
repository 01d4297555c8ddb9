import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Page } from '../../components/page';
import { tov } from '../../i18n/oversight';

const links = [
  {
    id: 'ws-inquiries',
    url: '/pages/oversight/inquiries/index',
    title: tov.workspace.inquiries,
    hint: tov.workspace.inquiriesHint,
  },
  {
    id: 'ws-check-list',
    url: '/pages/oversight/check-list/index',
    title: tov.workspace.checkList,
    hint: tov.workspace.checkListHint,
  },
  { id: 'ws-audit', url: '/pages/audit/index', title: tov.workspace.audit, hint: tov.workspace.auditHint },
];

/** 监委会工作台: where the supervision committee (and the township) does its own work. */
export default function Workspace() {
  return (
    <Page>
      <View className="vh-title">{tov.workspace.title}</View>
      <View className="vh-hint">{tov.workspace.intro}</View>
      <View className="vh-tiles">
        {links.map((l) => (
          <View key={l.id} id={l.id} className="vh-tile" onClick={() => Taro.navigateTo({ url: l.url })}>
            <Text className="vh-tile-title">{l.title}</Text>
            <Text className="vh-tile-hint">{l.hint}</Text>
          </View>
        ))}
      </View>
    </Page>
  );
}
