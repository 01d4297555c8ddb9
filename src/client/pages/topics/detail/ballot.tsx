import { Button, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Topic } from '../../../../shared/schemas/topic';
import { ActionButton } from '../../../components/action';
import { FieldError } from '../../../components/state';
import { bodyName, choiceLabels, optionsOf, toggleChoice, tt } from '../../../i18n/topics';
import { call, newIdempotencyKey } from '../../../services/api';
import { COLORS } from './chart';

/** Who may vote on this topic, said simply, for someone not on its list. */
export function notEligibleReason(topic: Topic) {
  const r = tt.detail.notEligible;
  if (topic.body === 'custom') return r.custom(bodyName(topic));
  if (topic.body === 'villagers_meeting' && topic.perHousehold) return r.perHousehold;
  return r[topic.body];
}

/**
 * The ballot: big buttons for a motion, one-of or up-to-N options, then 投票 and a
 * confirmation. One Idempotency-Key per ballot attempt, so a retry after the network
 * dropped is the same ballot, not a second one; choosing differently starts a new attempt.
 */
export function Ballot({ topic, onVoted }: { topic: Topic; onVoted: (receipt: string) => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [hint, setHint] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const attempt = useRef<{ key: string; choices: string }>();
  const max = topic.kind === 'multiple' ? (topic.maxChoices ?? optionsOf(topic).length) : 1;

  const pick = (optionId: string) => {
    const next = toggleChoice(topic, chosen, optionId);
    if (!next) return setHint(tt.detail.tooMany(max));
    setHint(undefined);
    setChosen(next);
    setConfirming(false);
  };
  const cast = async () => {
    const signature = [...chosen].sort().join(',');
    if (attempt.current?.choices !== signature) attempt.current = { key: newIdempotencyKey(), choices: signature };
    const r = await call('castBallot', {
      params: { topicId: topic.topicId },
      body: { choices: chosen },
      idempotencyKey: attempt.current.key,
    });
    onVoted(r.receipt);
  };
  const mark = (on: boolean) =>
    topic.kind === 'multiple' ? (on ? '☑ ' : '☐ ') : topic.kind === 'single' ? (on ? '◉ ' : '○ ') : '';

  return (
    <View className="vh-card" id="ballot">
      <View className="vh-card-title">{tt.detail.yourBallot}</View>
      {topic.kind === 'single' && <View className="vh-hint">{tt.detail.chooseOne}</View>}
      {topic.kind === 'multiple' && (
        <View className="vh-hint" id="ballot-max">
          {tt.detail.chooseUpTo(max)}
        </View>
      )}
      {optionsOf(topic).map((o) => {
        const on = chosen.includes(o.optionId);
        return (
          <Button
            key={o.optionId}
            id={`choice-${o.optionId}`}
            className={`vh-button vh-choice ${on ? 'vh-button-primary vh-choice-on' : 'vh-button-plain'}`}
            onClick={() => pick(o.optionId)}
          >
            {mark(on)}
            {o.label}
          </Button>
        );
      })}
      <FieldError message={hint} />
      {!confirming ? (
        <Button
          id="cast-ballot"
          className="vh-button vh-button-primary"
          style={{ marginTop: '16px' }}
          onClick={() => (chosen.length ? setConfirming(true) : setHint(tt.detail.chooseFirst))}
        >
          {tt.detail.vote}
        </Button>
      ) : (
        <View className="vh-card vh-confirm" id="ballot-confirm">
          <View className="vh-card-title">{tt.detail.confirmTitle}</View>
          <View className="vh-subtitle" id="ballot-confirm-choice">
            {tt.detail.youChose(choiceLabels(topic, chosen))}
          </View>
          {!topic.secret && (
            <View className="vh-banner vh-banner-withdrawn" id="open-ballot-warning">
              {tt.detail.openBallotWarning}
            </View>
          )}
          <View className="vh-banner">{tt.detail.cannotChange}</View>
          <ActionButton id="confirm-ballot" label={tt.detail.confirmVote} doneText={tt.detail.voted} run={cast} />
          <Button id="cancel-ballot" className="vh-button vh-button-plain" onClick={() => setConfirming(false)}>
            {tt.detail.cancelVote}
          </Button>
        </View>
      )}
    </View>
  );
}

/** The voter's receipt, kept on the phone: shows their ballot is in the count, never how they voted. */
export function ReceiptCard({ topicId, receipt, justVoted }: { topicId: string; receipt: string; justVoted: boolean }) {
  const [counted, setCounted] = useState<boolean>();
  return (
    <View className="vh-card" id="receipt-card">
      {justVoted && <View className="vh-banner vh-banner-ok">{tt.detail.voted}</View>}
      <View className="vh-card-title">{tt.detail.votedAlready}</View>
      <View className="vh-label">{tt.detail.receipt}</View>
      <Text
        id="receipt-code"
        userSelect
        style={{
          display: 'block',
          fontSize: '28px',
          fontWeight: 'bold',
          color: COLORS.mine,
          wordBreak: 'break-all',
          letterSpacing: '1px',
          margin: '6px 0',
        }}
      >
        {receipt}
      </Text>
      <View className="vh-hint">{tt.detail.receiptHint}</View>
      <ActionButton
        id="check-receipt"
        kind="plain"
        label={tt.detail.checkReceipt}
        doneText={tt.detail.checked}
        run={async () => {
          setCounted(undefined);
          setCounted((await call('checkReceipt', { params: { topicId, receipt } })).counted);
        }}
      />
      {counted !== undefined && (
        <View id="receipt-status" className={`vh-banner ${counted ? 'vh-banner-ok' : 'vh-banner-withdrawn'}`}>
          {counted ? tt.detail.counted : tt.detail.notCounted}
        </View>
      )}
    </View>
  );
}
