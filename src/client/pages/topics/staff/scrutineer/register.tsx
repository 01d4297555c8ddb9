import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RosterPerson } from '../../../../../shared/schemas/person';
import type { BallotRegister, Topic } from '../../../../../shared/schemas/topic';
import { ActionButton } from '../../../../components/action';
import { Choice } from '../../../../components/choice';
import { SwitchRow } from '../../../../components/switch-row';
import { tt } from '../../../../i18n/topics';
import { call } from '../../../../services/api';
import { channels, type Recorded } from './open-ballot';
import { isRefusal, Refusal, VoterPicker } from './voter-picker';

/**
 * 第一步 登记领票, on a secret ballot: who received a ballot, from the sign-in sheet.
 * Only the person and the channel; once marked they can't vote in the app, and
 * whoever voted in the app is refused here.
 */
export function RegisterStep({
  topic,
  proxyAllowed,
  onRegister,
}: {
  topic: Topic;
  proxyAllowed: boolean;
  onRegister: (r: BallotRegister) => void;
}) {
  const [person, setPerson] = useState<RosterPerson>();
  const [channel, setChannel] = useState<Recorded>();
  const [proxy, setProxy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [done, setDone] = useState('');
  const [marked, setMarked] = useState<{ personId: string; name: string; channel: Recorded }[]>([]);

  const choosePerson = (p?: RosterPerson) => {
    setPerson(p);
    setRefusal(undefined);
    setDone('');
  };
  const mark = async () => {
    setRefusal(undefined);
    setDone('');
    const missing = !person ? tt.scrutineer.choose : !channel ? tt.scrutineer.chooseChannel : '';
    if (missing || !person || !channel) return setRefusal(missing);
    try {
      onRegister(
        await call('markVoters', {
          params: { topicId: topic.topicId },
          body: { personIds: [person.personId], channel, proxy },
        }),
      );
    } catch (e) {
      if (!isRefusal(e)) throw e; // the network or the server: the button offers to try again
      return setRefusal((e as Error).message);
    }
    setMarked([{ personId: person.personId, name: person.name, channel }, ...marked]);
    setDone(tt.scrutineer.marked(person.name, tt.channels[channel]));
    setPerson(undefined);
    setProxy(false);
  };

  return (
    <View className="vh-card" id="register-form">
      <View className="vh-card-title">{tt.scrutineer.stepRegister}</View>
      <View className="vh-hint">{tt.scrutineer.registerHint}</View>
      <VoterPicker person={person} onPick={choosePerson} />
      <View className="vh-label">{tt.scrutineer.channel}</View>
      <Choice
        id="register-channel"
        options={channels}
        value={channel}
        label={(c) => tt.channels[c]}
        onChoose={setChannel}
        optionId={(c) => `channel-${c}`}
      />
      {proxyAllowed && (
        <SwitchRow id="register-proxy" label={tt.scrutineer.proxy} checked={proxy} onChange={setProxy} />
      )}
      <ActionButton id="mark-voter" label={tt.scrutineer.mark} doneText={done} run={mark} />
      <Refusal id="register-refusal" message={refusal} />
      <View className="vh-subtitle" id="marked">
        {tt.scrutineer.markedSession}（{marked.length}）
      </View>
      {marked.map((m) => (
        <View key={m.personId} className="vh-household-member vh-marked-row">
          <Text>{m.name}</Text>
          <Text className="vh-badge">{tt.channels[m.channel]}</Text>
        </View>
      ))}
    </View>
  );
}
