import { View } from '@tarojs/components';
import { CaseForm } from '../../../components/case-form';
import { Page } from '../../../components/page';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tc } from '../../../i18n/cases';
import { isTownship } from '../../../services/session';

/** 我要提建议 / 反映诉求: the resident's own submission; the form keeps its draft on the phone. */
export default function NewCase() {
  const me = useMe();
  usePageLoad(me, () => undefined); // an account not yet bound is sent to bind first
  return (
    <Page>
      {isTownship(me) ? (
        <View className="vh-banner" id="case-township">
          {tc.form.township}
        </View>
      ) : (
        me?.person && <CaseForm me={me} />
      )}
    </Page>
  );
}
