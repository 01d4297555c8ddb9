import { Button, Input, Switch, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { RosterPerson } from '../../../../../shared/schemas/person';
import type { Channel, Topic } from '../../../../../shared/schemas/topic';
import { ActionButton } from '../../../../components/action';
import { Choice } from '../../../../components/choice';
import { Page } from '../../../../components/page';
import { FieldError, LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { choiceLabels, optionsOf, toggleChoice, tt } from '../../../../i18n/topics';
import { ApiFailure, call } from '../../../../services/api';

type Recorded = Exclude<Channel, 'app'>;
const channels: Recorded[] = ['meeting', 'paper'];
interface Entry {
  name: string;
  channel: Recorded;
  choices: string;
  at: string;
  receipt: string;
}

/** A refusal of the ballot itself (already voted, not on the list): said plainly, not offered as "try again". */
const isRefusal = (e: unknown) => e instanceof ApiFailure && e.status >= 400 && e.status < 500 && e.status !== 429;

/**
 * 监票人录入: a scrutineer enters the ballots cast at the meeting or on paper, one voter
 * at a time: find the voter by name, the channel, the choices, 录入. The server counts
 * each voter (or household) once across every channel and says so when one is already in.
 */
export default function Scrutineer() {
  const { params } = useRouter();
  const topicId = params.id ?? '';
  const me = useMe();
  const [topic, setTopic] = useState<Topic>();
  const page = useLoading();
  /** Proxy votes (委托投票) only where the village's own rules allow them. */
  const [proxyAllowed, setProxyAllowed] = useState(false);
  const load = () => {
    call('villageSettings')
      .then((s) => setProxyAllowed(s.settings.proxyVotesAllowed))
      .catch(() => setProxyAllowed(false));
    return page.track(async () => setTopic(await call('getTopic', { params: { topicId } })));
  };
  usePageLoad(me, load);

  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<RosterPerson[]>();
  const search = useLoading(false);
  const [person, setPerson] = useState<RosterPerson>();
  const [channel, setChannel] = useState<Recorded>();
  const [choices, setChoices] = useState<string[]>([]);
  const [proxy, setProxy] = useState(false);
  const [hint, setHint] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [done, setDone] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);

  const find = () =>
    search.track(async () => {
      setFound(
        (await call('listPeople', { query: { q: typed.trim() || undefined, status: 'active', limit: 20 } })).items,
      );
    });
  const choosePerson = (p?: RosterPerson) => {
    setPerson(p);
    setFound(undefined);
    setRefusal(undefined);
    setDone('');
  };
  const pick = (optionId: string) => {
    if (!topic) return;
    const next = toggleChoice(topic, choices, optionId);
    if (!next) return setHint(tt.detail.tooMany(topic.maxChoices ?? 1));
    setHint(undefined);
    setChoices(next);
  };

  const record = async () => {
    setRefusal(undefined);
    setDone('');
    if (!topic) return;
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
        params: { topicId },
        body: { personId: person.personId, channel, choices, proxy },
      }));
    } catch (e) {
      if (!isRefusal(e)) throw e; // the network or the server: the button offers to try again
      return setRefusal((e as Error).message);
    }
    const entry: Entry = {
      name: person.name,
      channel,
      choices: topic.secret ? '' : choiceLabels(topic, choices),
      at: dayjs().format('HH:mm'),
      receipt,
    };
    setEntries([entry, ...entries]);
    setDone(tt.scrutineer.recorded(person.name, tt.channels[channel]));
    setPerson(undefined);
    setChoices([]);
    setProxy(false);
    setTyped('');
  };

  return (
    <Page>
      <LoadState loading={page.loading} error={page.error} onRetry={load} />
      {topic && (
        <View>
          <View className="vh-title" id="scrutineer-topic">
            {topic.title}
          </View>
          <View className="vh-hint">{tt.scrutineer.hint}</View>
          {topic.status !== 'open' ? (
            <View className="vh-banner vh-banner-withdrawn" id="not-open">
              {tt.scrutineer.notOpen}
            </View>
          ) : (
            <View className="vh-card" id="record-form">
              {person ? (
                <View className="vh-row" style={{ justifyContent: 'space-between' }}>
                  <Text className="vh-person-name" id="chosen-voter">
                    {tt.scrutineer.chosen(person.name)}
                  </Text>
                  <Button
                    id="rechoose-voter"
                    className="vh-button vh-button-plain vh-button-small"
                    onClick={() => choosePerson(undefined)}
                  >
                    {tt.scrutineer.rechoose}
                  </Button>
                </View>
              ) : (
                <>
                  <View className="vh-search">
                    <Input
                      id="voter-search"
                      className="vh-input"
                      placeholder={tt.scrutineer.search}
                      value={typed}
                      confirmType="search"
                      onInput={(e) => setTyped(e.detail.value)}
                      onConfirm={find}
                    />
                    <Button
                      id="voter-search-button"
                      className="vh-button vh-button-plain vh-search-button"
                      onClick={find}
                    >
                      {tt.scrutineer.searchButton}
                    </Button>
                  </View>
                  <LoadState loading={search.loading} error={search.error} onRetry={find} />
                  {found && !found.length && <View className="vh-meta">{tt.scrutineer.noPeople}</View>}
                  {found?.map((p) => (
                    <View
                      key={p.personId}
                      id={`voter-${p.personId}`}
                      className="vh-person vh-voter-row"
                      onClick={() => choosePerson(p)}
                    >
                      <Text className="vh-person-name">{p.name}</Text>
                      <View className="vh-meta">
                        {[p.groupName, p.householdId, p.relation].filter(Boolean).join(' · ')}
                      </View>
                    </View>
                  ))}
                </>
              )}

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
              {topic.kind === 'multiple' && (
                <View className="vh-hint">{tt.detail.chooseUpTo(topic.maxChoices ?? 1)}</View>
              )}
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
                <View className="vh-setting">
                  <Text>{tt.scrutineer.proxy}</Text>
                  <Switch
                    id="record-proxy"
                    checked={proxy}
                    onChange={(e) => setProxy(e.detail.value)}
                    color="#a31515"
                  />
                </View>
              )}

              <ActionButton id="record-ballot" label={tt.scrutineer.record} doneText={done} run={record} />
              {refusal && (
                <View
                  id="record-refusal"
                  className="vh-banner"
                  style={{ background: '#ffebee', borderLeftColor: '#b00020', color: '#b00020', fontWeight: 'bold' }}
                >
                  {refusal}
                </View>
              )}
            </View>
          )}

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
                {e.choices && <Text className="vh-meta">{e.choices}</Text>}
              </View>
            ))}
          </View>
        </View>
      )}
    </Page>
  );
}
