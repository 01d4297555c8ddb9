import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { type Stage, stageOrder, type Topic } from '../../../../shared/schemas/topic';
import { ActionButton } from '../../../components/action';
import { TextField } from '../../../components/field';
import { tt } from '../../../i18n/topics';
import { call, fieldsOf } from '../../../services/api';
import { formatDate } from '../../../services/format';

/** 决议 and 决议公开 are written by the count itself; the others by hand. */
const AUTO_STAGES: Stage[] = ['decision', 'decision_published'];
/** The stages a major matter must have on record before its vote opens (where the village makes it binding). */
export const BEFORE_VOTE = stageOrder.slice(0, stageOrder.indexOf('decision'));

/** The stage to record next by hand: none while the vote is still to come, or once all are on record. */
function nextStage(topic: Topic): Stage | undefined {
  const done = new Set(topic.stages.map((s) => s.stage));
  const next = stageOrder.find((s) => !done.has(s) && !AUTO_STAGES.includes(s));
  return next === 'result_published' && topic.status !== 'closed' ? undefined : next;
}

/** 记录一个环节: its date typed as 2026-06-30, the minutes in short, the conclusion. */
function StageForm({ topic, stage, onRecorded }: { topic: Topic; stage: Stage; onRecorded: (t: Topic) => void }) {
  const [on, setOn] = useState('');
  const [minutes, setMinutes] = useState('');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = async () => {
    setErrors({});
    try {
      const body = { stage, on: on.trim(), minutes, outcome };
      onRecorded(await call('recordStage', { params: { topicId: topic.topicId }, body }));
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  return (
    <View className="vh-card vh-confirm" id="stage-form">
      <View className="vh-card-title" id="stage-form-title">
        {tt.stages.record(tt.stages.labels[stage])}
      </View>
      <TextField
        id="stage-on"
        label={tt.stages.date}
        placeholder="2026-06-30"
        value={on}
        maxlength={10}
        error={errors.on}
        onChange={setOn}
      />
      <TextField
        id="stage-minutes"
        label={tt.stages.minutes}
        textarea
        placeholder={tt.stages.minutesPlaceholder}
        value={minutes}
        maxlength={2000}
        error={errors.minutes}
        onChange={setMinutes}
      />
      <TextField
        id="stage-outcome"
        label={tt.stages.outcome}
        placeholder={tt.stages.outcomePlaceholder}
        value={outcome}
        maxlength={200}
        error={errors.outcome ?? errors.stage}
        onChange={setOutcome}
      />
      <ActionButton id="record-stage" label={tt.stages.save} run={record} />
    </View>
  );
}

/** 四议两公开: the six stages in order, each done (when, what, concluded, by whom) or still waiting. */
export function StageTimeline({
  topic,
  canRecord,
  onRecorded,
}: {
  topic: Topic;
  canRecord: boolean;
  onRecorded: (t: Topic) => void;
}) {
  const [justRecorded, setJustRecorded] = useState<Stage>();
  const next = nextStage(topic);
  const before = BEFORE_VOTE.every((s) => topic.stages.some((r) => r.stage === s));
  return (
    <View className="vh-card" id="stages">
      <View className="vh-card-title">{tt.stages.title}</View>
      {stageOrder.map((stage, i) => {
        const r = topic.stages.find((x) => x.stage === stage);
        return (
          <View key={stage} className="vh-question vh-stage" id={`stage-${stage}`}>
            <View className="vh-row" style={{ justifyContent: 'space-between' }}>
              <Text className="vh-question-text">
                {i + 1}. {tt.stages.labels[stage]}
              </Text>
              <Text className={`vh-status ${r ? 'vh-status-ok' : 'vh-status-due'}`} style={{ flex: 'none' }}>
                {r ? tt.stages.done : tt.stages.waiting}
              </Text>
            </View>
            {r ? (
              <View className="vh-answer">
                <View className="vh-meta">{tt.stages.on(formatDate(r.on))}</View>
                <View>
                  {tt.stages.minutes}：{r.minutes}
                </View>
                <View>
                  {tt.stages.outcome}：{r.outcome}
                </View>
                <View className="vh-meta">{tt.stages.recordedBy(r.recordedBy.name)}</View>
              </View>
            ) : (
              AUTO_STAGES.includes(stage) && <View className="vh-meta">{tt.stages.auto}</View>
            )}
          </View>
        );
      })}
      {justRecorded && (
        <View className="vh-banner vh-banner-ok" id="stage-recorded">
          {tt.stages.saved(tt.stages.labels[justRecorded])}
        </View>
      )}
      {canRecord && next && (
        <StageForm
          key={next}
          topic={topic}
          stage={next}
          onRecorded={(t) => {
            setJustRecorded(next);
            onRecorded(t);
          }}
        />
      )}
      {canRecord && !next && topic.status !== 'closed' && before && (
        <View className="vh-hint" id="stages-before-vote-done">
          {tt.stages.afterVote}
        </View>
      )}
    </View>
  );
}
