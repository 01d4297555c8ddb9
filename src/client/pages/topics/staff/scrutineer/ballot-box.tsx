import { Button, Input, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { type BallotRegister, BOX_ENTRY_MAX, type Topic } from '../../../../../shared/schemas/topic';
import { ActionButton } from '../../../../components/action';
import { FieldError } from '../../../../components/state';
import { choiceLabels, optionsOf, toggleChoice, tt } from '../../../../i18n/topics';
import { call, newIdempotencyKey } from '../../../../services/api';
import { isRefusal, Refusal } from './voter-picker';

interface Batch {
  choices: string[];
  count: number;
}

/** The batches to send, at most BOX_ENTRY_MAX ballots a request (a batch larger than that is split). */
function chunks(batches: Batch[]): Batch[][] {
  const out: Batch[][] = [];
  let current: Batch[] = [];
  let room = BOX_ENTRY_MAX;
  for (const b of batches) {
    let left = b.count;
    while (left > 0) {
      const n = Math.min(left, room);
      current.push({ choices: b.choices, count: n });
      left -= n;
      room -= n;
      if (!room) {
        out.push(current);
        current = [];
        room = BOX_ENTRY_MAX;
      }
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * 第二步 录入票箱, on a secret ballot: the box's contents, choices only, as batches
 * (同意 12 张). Nobody's name is asked for; the server refuses more ballots than
 * people marked. Each request keeps its Idempotency-Key until it succeeds, so a
 * retry after a dropped connection never enters a batch twice.
 */
export function BallotBoxStep({
  topic,
  register,
  onRegister,
}: {
  topic: Topic;
  register: BallotRegister;
  onRegister: (r: BallotRegister) => void;
}) {
  const [choices, setChoices] = useState<string[]>([]);
  const [count, setCount] = useState('1');
  const [hint, setHint] = useState<string>();
  const [pending, setPending] = useState<Batch[]>([]);
  const [refusal, setRefusal] = useState<string>();
  const [done, setDone] = useState('');
  const attempt = useRef<{ key: string; body: string }>();

  const pick = (optionId: string) => {
    const next = toggleChoice(topic, choices, optionId);
    if (!next) return setHint(tt.detail.tooMany(topic.maxChoices ?? 1));
    setHint(undefined);
    setChoices(next);
  };
  const add = () => {
    const n = Number(count);
    if (!choices.length) return setHint(tt.scrutineer.chooseBallot);
    if (!Number.isInteger(n) || n < 1) return setHint(tt.scrutineer.badCount);
    setHint(undefined);
    setDone('');
    setPending([...pending, { choices, count: n }]);
    setChoices([]);
    setCount('1');
  };
  const total = pending.reduce((n, b) => n + b.count, 0);

  const enter = async () => {
    setRefusal(undefined);
    setDone('');
    if (!pending.length) return setRefusal(tt.scrutineer.noPending);
    const all = chunks(pending);
    for (const [i, chunk] of all.entries()) {
      const body = JSON.stringify(chunk);
      if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
      try {
        onRegister(
          await call('enterBallots', {
            params: { topicId: topic.topicId },
            body: { ballots: chunk },
            idempotencyKey: attempt.current.key,
          }),
        );
      } catch (e) {
        if (!isRefusal(e)) throw e;
        return setRefusal((e as Error).message);
      }
      attempt.current = undefined;
      setPending(all.slice(i + 1).flat());
    }
    setDone(tt.scrutineer.entered(total));
  };

  return (
    <View className="vh-card" id="box-form">
      <View className="vh-card-title">{tt.scrutineer.stepBox}</View>
      <View className="vh-hint">{tt.scrutineer.boxHint}</View>
      <View className="vh-label">{tt.scrutineer.ballotChoices}</View>
      {topic.kind === 'multiple' && <View className="vh-hint">{tt.detail.chooseUpTo(topic.maxChoices ?? 1)}</View>}
      <View className="vh-tabs" id="box-choices">
        {optionsOf(topic).map((o) => (
          <View
            key={o.optionId}
            id={`box-choice-${o.optionId}`}
            className={`vh-tab ${choices.includes(o.optionId) ? 'vh-tab-on' : ''}`}
            onClick={() => pick(o.optionId)}
          >
            {o.label}
          </View>
        ))}
      </View>
      <View className="vh-label">{tt.scrutineer.count}</View>
      <View className="vh-search">
        <Input
          id="box-count"
          className="vh-input"
          type="number"
          value={count}
          onInput={(e) => setCount(e.detail.value)}
        />
        <Button id="box-add" className="vh-button vh-button-plain vh-search-button" onClick={add}>
          {tt.scrutineer.addBatch}
        </Button>
      </View>
      <FieldError message={hint} />
      <View className="vh-subtitle">
        {tt.scrutineer.pending}（{total}）
      </View>
      {pending.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two batches may hold the same choices
        <View key={i} className="vh-household-member vh-pending-row">
          <Text>{tt.scrutineer.batch(choiceLabels(topic, b.choices), b.count)}</Text>
          <Button
            className="vh-button vh-button-plain vh-button-small"
            onClick={() => setPending(pending.filter((_, j) => j !== i))}
          >
            {tt.scrutineer.removeBatch}
          </Button>
        </View>
      ))}
      {total > register.marked - register.entered && (
        <View className="vh-hint" id="box-over">
          {tt.scrutineer.tooManyPending(register.marked - register.entered)}
        </View>
      )}
      <ActionButton id="enter-ballots" label={tt.scrutineer.enter} doneText={done} run={enter} />
      <Refusal id="box-refusal" message={refusal} />
    </View>
  );
}
