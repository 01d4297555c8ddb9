import { Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { RosterPerson } from '../../../../../shared/schemas/person';
import type { Channel, Topic } from '../../../../../shared/schemas/topic';
import { ActionButton } from '../../../../components/action';
import { Choice } from '../../../../components/choice';
import { FieldError } from '../../../../components/state';
import { SwitchRow } from '../../../../components/switch-row';
import { choiceLabels, optionsOf, toggleChoice, tt } from '../../../../i18n/topics';
import { call } from '../../../../services/api';
import { isRefusal, Refusal, VoterPicker } from './voter-picker';

export type Recorded = Exclude<Channel, 'app'>;
export const channels: Recorded[] = ['meeting', 'paper'];

interface Entry {
  name: string;
  channel: Recorded;
  choices: string;
  at: string;
  receipt: string;
}

/**
 * An open (记名) ballot, one voter at a time: find the voter by name, the channel, the
 * choices, 录入. The server counts each voter (or household) once across every channel
 * and says so when one is already in.
 */
export function OpenBallotForm({ topic, proxyAllowed }: { topic: Topic; proxyAllowed: boolean }) {
  const [person, setPerson] = useState<RosterPerson>();
  const [channel, setChannel] = useState<Recorded>();
  const [choices, setChoices] = useState<string[]>([]);
  const [proxy, setProxy] = useState(false);
  const [hint, setHint] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [done, setDone] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);

  const choosePerson = (p?: RosterPerson) => {
    setPerson(p);
    setRefusal(undefined);
    setDone('');
  };
  const pick = (optionId: string) => {
    const next = toggleChoice(topic, choices, optionId);
    if (!next) return setHint(tt.detail.tooMany(topic.maxChoices ?? 1));
    setHint(undefined);
    setChoices(next);
  };

  const record = async () => {
    setRefusal(undefined);
    setDone('');
    const missing = !person
      ? tt.scrutineer.choose
      : !channel
        ? tt.scrutineer.chooseChannel
        : !choices.length
          ? tt.detail.chooseFirst
          : '';
    if (missing || !person || !channel) return setRefusal(missing);
    let receipt: string;
    try {
      ({ receipt } = await call('recordBallot', {
        params: { topicId: topic.topicId },
        body: { personId: person.personId, channel, choices, proxy },
      }));
    } catch (e) {
      if (!isRefusal(e)) throw e; // the network or the server: the button offers to try again
      return setRefusal((e as Error).message);
    }
    const entry = { name: person.name, channel, choices: choiceLabels(topic, choices), at: dayjs().format('HH:mm') };
    setEntries([{ ...entry, receipt }, ...entries]);
    setDone(tt.scrutineer.recorded(person.name, tt.channels[channel]));
    setPerson(undefined);
    setChoices([]);
    setProxy(false);
  };

  return (
    <>
      <View className="vh-card" id="record-form">
        <VoterPicker person={person} onPick={choosePerson} />
        <View className="vh-label">{tt.scrutineer.channel}</View>
        <Choice
          id="record-channel"
          options={channels}
          value={channel}
          label={(c) => tt.channels[c]}
          onChoose={setChannel}
          optionId={(c) => `channel-${c}`}
        />
        <View className="vh-label">{tt.scrutineer.choices}</View>
        {topic.kind === 'multiple' && <View className="vh-hint">{tt.detail.chooseUpTo(topic.maxChoices ?? 1)}</View>}
        <View className="vh-tabs" id="record-choices">
          {optionsOf(topic).map((o) => (
            <View
              key={o.optionId}
              id={`record-choice-${o.optionId}`}
              className={`vh-tab ${choices.includes(o.optionId) ? 'vh-tab-on' : ''}`}
              onClick={() => pick(o.optionId)}
            >
              {o.label}
            </View>
          ))}
        </View>
        <FieldError message={hint} />
        {proxyAllowed && (
          <SwitchRow id="record-proxy" label={tt.scrutineer.proxy} checked={proxy} onChange={setProxy} />
        )}
        <ActionButton id="record-ballot" label={tt.scrutineer.record} doneText={done} run={record} />
        <Refusal id="record-refusal" message={refusal} />
      </View>

      <View className="vh-card" id="recorded">
        <View className="vh-card-title">
          {tt.scrutineer.session}（{entries.length}）
        </View>
        {!entries.length && <View className="vh-meta">{tt.scrutineer.none}</View>}
        {entries.map((e) => (
          <View key={e.receipt} className="vh-household-member vh-recorded-row">
            <Text className="vh-meta">{e.at}</Text>
            <Text>{e.name}</Text>
            <Text className="vh-badge">{tt.channels[e.channel]}</Text>
            <Text className="vh-meta">{e.choices}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
