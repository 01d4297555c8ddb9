import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BallotRegister, Topic } from '../../../../../shared/schemas/topic';
import { Page } from '../../../../components/page';
import { LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { tt } from '../../../../i18n/topics';
import { call } from '../../../../services/api';
import { BallotBoxStep } from './ballot-box';
import { OpenBallotForm } from './open-ballot';
import { RegisterStep } from './register';

/**
 * 监票人录入. An open (记名) ballot is recorded person by person with their choice.
 * A secret one in two steps that never meet: 登记领票 (who received a ballot) and
 * 录入票箱 (what the box holds), so nothing entered here joins a voter to a choice.
 */
export default function Scrutineer() {
  const { params } = useRouter();
  const topicId = params.id ?? '';
  const me = useMe();
  const [topic, setTopic] = useState<Topic>();
  const [register, setRegister] = useState<BallotRegister>();
  const page = useLoading();
  /** Proxy votes (委托投票) only where the village's own rules allow them. */
  const [proxyAllowed, setProxyAllowed] = useState(false);
  const load = () => {
    call('villageSettings')
      .then((s) => setProxyAllowed(s.settings.proxyVotesAllowed))
      .catch(() => setProxyAllowed(false));
    return page.track(async () => {
      const t = await call('getTopic', { params: { topicId } });
      setTopic(t);
      if (t.secret) setRegister(await call('ballotRegister', { params: { topicId } }));
    });
  };
  usePageLoad(me, load);

  return (
    <Page>
      <LoadState loading={page.loading} error={page.error} onRetry={load} />
      {topic && (
        <View>
          <View className="vh-title" id="scrutineer-topic">
            {topic.title}
          </View>
          <View className="vh-hint">{topic.secret ? tt.scrutineer.secretHint : tt.scrutineer.hint}</View>
          {topic.status !== 'open' ? (
            <View className="vh-banner vh-banner-withdrawn" id="not-open">
              {tt.scrutineer.notOpen}
            </View>
          ) : !topic.secret ? (
            <OpenBallotForm topic={topic} proxyAllowed={proxyAllowed} />
          ) : (
            register && (
              <>
                <View className="vh-banner" id="register-counts">
                  {tt.scrutineer.register(register.marked, register.entered)}
                </View>
                <RegisterStep topic={topic} proxyAllowed={proxyAllowed} onRegister={setRegister} />
                <BallotBoxStep topic={topic} register={register} onRegister={setRegister} />
              </>
            )
          )}
        </View>
      )}
    </Page>
  );
}
