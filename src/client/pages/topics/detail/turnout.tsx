import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import type { Topic, Turnout as TurnoutSchema } from '../../../../shared/schemas/topic';
import { choiceLabels, optionsOf, tt } from '../../../i18n/topics';
import { Bar, COLORS } from './chart';

export type Turnout = z.infer<typeof TurnoutSchema>;

/** How many took part, against how many are needed and how many may: bars, numbers, and who took part. */
export function TurnoutCard({ topic, turnout }: { topic: Topic; turnout: Turnout }) {
  const { electorate, participants, needed, unit } = turnout;
  return (
    <View className="vh-card" id="turnout">
      <View className="vh-card-title">
        <Text>{tt.detail.turnout}</Text>
        {topic.status === 'open' && <Text className="vh-meta">{tt.detail.refreshHint}</Text>}
      </View>
      <Bar
        id="bar-participants"
        label={tt.detail.participants}
        value={participants}
        max={electorate}
        unit={unit}
        color={COLORS.mine}
      />
      <Bar id="bar-needed" label={tt.detail.needed} value={needed} max={electorate} unit={unit} color={COLORS.needed} />
      <Bar
        id="bar-electorate"
        label={tt.detail.electorate}
        value={electorate}
        max={electorate}
        unit={unit}
        color={COLORS.all}
      />
      {topic.status === 'open' && (
        <View className="vh-hint" id="turnout-note">
          {participants >= needed ? tt.detail.enough : tt.detail.stillNeeded(needed - participants, unit)}
        </View>
      )}
      {turnout.voters ? (
        <VoterList topic={topic} voters={turnout.voters} />
      ) : (
        <View className="vh-hint" id="voters-hidden">
          {tt.detail.votersHidden}
        </View>
      )}
    </View>
  );
}

/** Who took part, by name and channel; on an open (记名) ballot also what they chose. */
function VoterList({ topic, voters }: { topic: Topic; voters: NonNullable<Turnout['voters']> }) {
  const labels = (choices?: string[]) => (choices?.length ? choiceLabels(topic, choices) : '');
  return (
    <View>
      <View className="vh-subtitle">
        {tt.detail.voters}（{voters.length}）
      </View>
      {topic.secret && <View className="vh-hint">{tt.detail.votersSecretHint}</View>}
      {!voters.length && <View className="vh-meta">{tt.detail.noVoters}</View>}
      <View id="voters">
        {voters.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two voters may share a name
          <View key={i} className="vh-household-member vh-voter">
            <Text>{v.name}</Text>
            <Text className="vh-badge">{tt.channels[v.channel]}</Text>
            {!topic.secret && labels(v.choices) && <Text className="vh-meta">{labels(v.choices)}</Text>}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The counted result: in words, the votes as bars, valid or not, passed or not, and the notice that published it. */
export function ResultCard({ topic, villageId }: { topic: Topic; villageId?: string }) {
  const result = topic.result;
  if (!result) return null;
  const most = Math.max(result.participants, ...result.tallies.map((t) => t.votes), 1);
  return (
    <View className="vh-card" id="result">
      <View className="vh-card-title">{tt.detail.result}</View>
      <View className="vh-notice-row-meta">
        <Text id="result-valid" className={`vh-status ${result.valid ? 'vh-status-ok' : 'vh-status-overdue'}`}>
          {result.valid ? tt.detail.valid : tt.detail.invalid}
        </Text>
        <Text id="result-passed" className={`vh-status ${result.passed ? 'vh-status-ok' : 'vh-status-overdue'}`}>
          {result.passed ? tt.detail.passed : tt.detail.notPassed}
        </Text>
      </View>
      <Text className="vh-body" id="result-explanation">
        {result.explanation}
      </Text>
      {optionsOf(topic).map((o) => {
        const votes = result.tallies.find((t) => t.optionId === o.optionId)?.votes ?? 0;
        const won = topic.kind !== 'motion' && result.winners.includes(o.optionId);
        return (
          <Bar
            key={o.optionId}
            id={`tally-${o.optionId}`}
            label={won ? `${o.label}（${tt.detail.winner}）` : o.label}
            value={votes}
            max={most}
            unit="票"
            color={won ? COLORS.win : COLORS.mine}
          />
        );
      })}
      {topic.resultNoticeId && (
        <Button
          id="result-notice"
          className="vh-button vh-button-plain"
          onClick={() =>
            Taro.navigateTo({
              url: `/pages/notices/detail/index?id=${topic.resultNoticeId}${villageId ? `&villageId=${villageId}` : ''}`,
            })
          }
        >
          {tt.detail.resultNotice}
        </Button>
      )}
    </View>
  );
}
