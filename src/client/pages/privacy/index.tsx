import { View } from '@tarojs/components';
import { POLICY_TITLE, POLICY_VERSION, policySections } from '../../../shared/rules/privacy';
import { Page } from '../../components/page';
import { tp } from '../../i18n/privacy';

/** 隐私政策: what is collected, why, who sees it, how long it is kept; readable before signing in. */
export default function PrivacyPage() {
  return (
    <Page>
      <View className="vh-title" id="privacy-title">
        {POLICY_TITLE}
      </View>
      <View className="vh-meta" id="privacy-version">
        {tp.version(POLICY_VERSION)}
      </View>
      {policySections.map((s) => (
        <View key={s.id} className="vh-card" id={`privacy-${s.id}`}>
          <View className="vh-card-title">{s.heading}</View>
          {s.paragraphs.map((p) => (
            <View key={p} className="vh-privacy-para">
              {p}
            </View>
          ))}
        </View>
      ))}
    </Page>
  );
}
