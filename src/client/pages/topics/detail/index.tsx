import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { openedId } from '../../../../shared/links';
import {
  type Comment as CommentSchema,
  type Stage,
  stageOrder,
  type Topic,
  type Turnout as TurnoutSchema,
} from '../../../../shared/schemas/topic';
import { ActionButton } from '../../../components/action';
import { TextField } from '../../../components/field';
import { NotifyMe } from '../../../components/notify-me';
import { Page } from '../../../components/page';
import { ReadAloud } from '../../../components/read-aloud';
import { ShareButton, useShareCard } from '../../../components/share';
import { FieldError, LoadState } from '../../../components/state';
import { TextForm } from '../../../components/text-form';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { ti } from '../../../i18n/inbox';
import { ts } from '../../../i18n/share';
import { bodyName, choiceLabels, kindName, optionsOf, receiptKey, toggleChoice, tt } from '../../../i18n/topics';
import { call, fieldsOf, messageOf, newIdempotencyKey } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';
import { hasRole, isEditor, isTownship } from '../../../services/session';

type Turnout = z.infer<typeof TurnoutSchema>;
type Comment = z.infer<typeof CommentSchema>;
/** 决议 and 决议公开 are written by the count itself; the others by hand. */
const AUTO_STAGES: Stage[] = ['decision', 'decision_published'];
/** The stages a major matter must have on record before its vote opens (where the village makes it binding). */
const BEFORE_VOTE = stageOrder.slice(0, stageOrder.indexOf('decision'));
const REFRESH_MS = 10_000;
const COLORS = { mine: '#a31515', needed: '#e65100', all: '#9e9e9e', win: '#2e7d32' };

/** One bar of a chart made of plain views: a label and its number, and a bar as long as its share. */
function Bar({
  id,
  label,
  value,
  max,
  unit,
  color,
}: {
  id: string;
  label: string;
  value: number;
  max: number;
  unit: string;
  color: string;
}) {
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <View className="vh-bar" id={id} style={{ margin: '10px 0' }}>
      <View className="vh-row" style={{ justifyContent: 'space-between' }}>
        <Text>{label}</Text>
        <Text className="vh-bar-value" style={{ fontWeight: 'bold', textAlign: 'right' }}>
          {value} {unit}
        </Text>
      </View>
      <View style={{ background: '#eee', borderRadius: '6px', height: '22px', overflow: 'hidden' }}>
        <View style={{ background: color, width: `${share}%`, height: '100%' }} />
      </View>
    </View>
  );
}

/** Who may vote on this topic, said simply, for someone not on its list. */
function notEligibleReason(topic: Topic) {
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
function Ballot({ topic, onVoted }: { topic: Topic; onVoted: (receipt: string) => void }) {
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
function ReceiptCard({ topicId, receipt, justVoted }: { topicId: string; receipt: string; justVoted: boolean }) {
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

/** How many took part, against how many are needed and how many may: bars, numbers, and who took part. */
function TurnoutCard({ topic, turnout }: { topic: Topic; turnout: Turnout }) {
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
function ResultCard({ topic, villageId }: { topic: Topic; villageId?: string }) {
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

/** Ending the vote before its time: a reason is required, and the count follows at once. */
function CloseEarly({ close }: { close: (reason: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button id="close-early-open" className="vh-button vh-button-danger" onClick={() => setOpen(true)}>
        {tt.detail.closeEarly}
      </Button>
    );
  return (
    <View className="vh-card vh-confirm" id="close-early-panel">
      <View className="vh-banner">{tt.detail.closeWarning}</View>
      <TextForm
        id="close-reason"
        buttonId="close-confirm"
        placeholder={tt.detail.closeReason}
        label={tt.detail.closeConfirm}
        maxlength={200}
        send={close}
      />
      <Button id="close-early-cancel" className="vh-button vh-button-plain" onClick={() => setOpen(false)}>
        {tt.detail.cancel}
      </Button>
    </View>
  );
}

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
function StageTimeline({
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

/**
 * 讨论: what people said before the vote, names masked for others; a hidden remark stays
 * in its place with the reason. One Idempotency-Key per attempt at a remark, so a retry
 * after the network dropped posts it once; a different text is a new attempt.
 */
function Discussion({
  topic,
  comments,
  canPost,
  canModerate,
  onChanged,
}: {
  topic: Topic;
  comments: Comment[];
  canPost: boolean;
  canModerate: boolean;
  onChanged: (c: Comment) => void;
}) {
  const [hiding, setHiding] = useState<string>();
  const attempt = useRef<{ key: string; text: string }>();
  const post = async (text: string) => {
    if (attempt.current?.text !== text) attempt.current = { key: newIdempotencyKey(), text };
    const c = await call('postComment', {
      params: { topicId: topic.topicId },
      body: { text },
      idempotencyKey: attempt.current.key,
    });
    attempt.current = undefined;
    onChanged(c);
  };
  const hide = async (commentId: string, reason: string) => {
    onChanged(await call('hideComment', { params: { topicId: topic.topicId, commentId }, body: { reason } }));
    setHiding(undefined);
  };
  return (
    <View className="vh-card" id="discussion">
      <View className="vh-card-title">{tt.discussion.title(comments.length)}</View>
      {!comments.length && <View className="vh-meta">{tt.discussion.empty}</View>}
      {comments.map((c) => (
        <View key={c.commentId} className="vh-question vh-comment" id={`comment-${c.commentId}`}>
          {c.hidden ? (
            <View className="vh-waiting vh-comment-hidden">{tt.discussion.hidden(c.hidden.reason)}</View>
          ) : (
            <Text className="vh-body vh-comment-text" userSelect>
              {c.text}
            </Text>
          )}
          <View className="vh-meta">
            {c.by.name}
            {c.by.isMe ? tt.discussion.me : ''} · {formatDateTime(c.at)}
          </View>
          {canModerate && !c.hidden && hiding !== c.commentId && (
            <Button
              id={`hide-open-${c.commentId}`}
              className="vh-button vh-button-plain vh-button-small"
              onClick={() => setHiding(c.commentId)}
            >
              {tt.discussion.hide}
            </Button>
          )}
          {canModerate && !c.hidden && hiding === c.commentId && (
            <View className="vh-card vh-confirm">
              <TextForm
                id={`hide-reason-${c.commentId}`}
                buttonId={`hide-${c.commentId}`}
                placeholder={tt.discussion.hideReason}
                label={tt.discussion.hideConfirm}
                maxlength={200}
                send={(reason) => hide(c.commentId, reason)}
              />
              <Button className="vh-button vh-button-plain" onClick={() => setHiding(undefined)}>
                {tt.discussion.cancel}
              </Button>
            </View>
          )}
        </View>
      ))}
      {topic.status === 'closed' ? (
        <View className="vh-hint" id="comment-closed">
          {tt.discussion.closed}
        </View>
      ) : (
        canPost && (
          <TextForm
            id="comment-text"
            buttonId="post-comment"
            placeholder={tt.discussion.placeholder}
            label={tt.discussion.post}
            send={post}
          />
        )
      )}
    </View>
  );
}

/** One topic: what is put to the vote, the ballot or the receipt, live turnout, the result, and the committee's steps. */
export default function TopicDetail() {
  const { params } = useRouter();
  const topicId = openedId(params);
  const villageId = params.villageId || undefined;
  const me = useMe();
  const [topic, setTopic] = useState<Topic>();
  const [turnout, setTurnout] = useState<Turnout>();
  const [receipt, setReceipt] = useState<string>(() => Taro.getStorageSync(receiptKey(topicId)) || '');
  const [justVoted, setJustVoted] = useState(false);
  const [message, setMessage] = useState('');
  const [shown, setShown] = useState(true);
  const [comments, setComments] = useState<Comment[]>([]);
  const [commentsError, setCommentsError] = useState('');
  const [mandatory, setMandatory] = useState(true); // the law's default, until the village's setting is read
  const { loading, error, track } = useLoading();
  const committee = hasRole(me, 'committee') && !isTownship(me);
  const scrutineer = hasRole(me, 'committee', 'supervisor') && !isTownship(me);
  const twoCommittees = isEditor(me) && !isTownship(me); // 村“两委”: committee and party branch

  const loadTurnout = () =>
    call('turnout', { params: { topicId }, query: { villageId } })
      .then(setTurnout)
      .catch(() => undefined); // the last numbers stay up; the next refresh tries again
  const loadComments = () =>
    call('listComments', { params: { topicId }, query: { villageId } })
      .then((r) => {
        setComments(r.items);
        setCommentsError('');
      })
      .catch((e) => setCommentsError(messageOf(e)));
  const load = () =>
    track(async () => {
      const t = await call('getTopic', { params: { topicId }, query: { villageId } });
      setTopic(t);
      const more: Promise<unknown>[] = [loadComments()];
      if (t.status !== 'draft') more.push(loadTurnout());
      if (committee && t.major && t.status === 'draft')
        more.push(
          call('villageSettings', { query: { villageId } })
            .then((v) => setMandatory(v.settings.majorMattersProcessMandatory))
            .catch(() => undefined), // the server decides in any case; its refusal shows on the button
        );
      await Promise.all(more);
    });
  usePageLoad(me, load);
  const shared =
    topic && topic.status !== 'draft'
      ? ({ kind: 'topic', id: topicId, villageId: topic.villageId } as const)
      : undefined;
  useShareCard(shared, ts.card.topic(topic?.title ?? ''));

  // Live turnout while the page is in view and voting is open; once past closing time the topic itself is re-read.
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  const tick = useRef<() => void>(() => undefined);
  tick.current = () => {
    if (topic && Date.now() > new Date(topic.closesAt).getTime())
      call('getTopic', { params: { topicId }, query: { villageId } })
        .then(setTopic)
        .catch(() => undefined);
    loadTurnout();
  };
  useEffect(() => {
    if (!shown || topic?.status !== 'open') return;
    const timer = setInterval(() => tick.current(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [shown, topic?.status]);

  const commented = (c: Comment) =>
    setComments((all) =>
      all.some((x) => x.commentId === c.commentId)
        ? all.map((x) => (x.commentId === c.commentId ? c : x))
        : [...all, c],
    );
  const missingBeforeVote = topic?.major
    ? BEFORE_VOTE.filter((s) => !topic.stages.some((r) => r.stage === s)).map((s) => tt.stages.labels[s])
    : [];
  const voted = async (code: string) => {
    Taro.setStorageSync(receiptKey(topicId), code);
    setReceipt(code);
    setJustVoted(true);
    const t = await call('getTopic', { params: { topicId }, query: { villageId } }).catch(() => undefined);
    if (t) setTopic(t);
    loadTurnout();
  };

  return (
    <Page>
      <LoadState loading={loading && !topic} error={error} onRetry={load} />
      {topic && (
        <View>
          <View className="vh-title" id="topic-title">
            {topic.title}
          </View>
          <View className="vh-notice-row-meta">
            <Text
              id="topic-status"
              className={`vh-badge ${topic.status === 'open' ? 'vh-badge-major' : topic.status === 'closed' ? 'vh-badge-withdrawn' : ''}`}
            >
              {tt.status[topic.status]}
            </Text>
            <Text className="vh-badge vh-badge-village" id="topic-body">
              {bodyName(topic)}
            </Text>
            <Text className="vh-badge" id="topic-secret">
              {topic.secret ? tt.secret : tt.open}
            </Text>
            {topic.perHousehold && <Text className="vh-badge">{tt.perHousehold}</Text>}
            {topic.major && (
              <Text className="vh-badge vh-badge-major" id="topic-major">
                {tt.major}
              </Text>
            )}
          </View>
          <View className="vh-guide-row">
            <Text className="vh-label">{tt.detail.kind}</Text>
            <Text id="topic-kind">{kindName(topic)}</Text>
          </View>
          <View className="vh-meta" id="topic-closes">
            {tt.closesAt(formatDateTime(topic.closesAt))}
          </View>
          {topic.openedAt && <View className="vh-meta">{tt.detail.openedAt(formatDateTime(topic.openedAt))}</View>}
          {topic.closedAt && <View className="vh-meta">{tt.detail.closedAt(formatDateTime(topic.closedAt))}</View>}
          <View className="vh-meta">{tt.detail.proposedBy(topic.createdBy.name, formatDate(topic.createdAt))}</View>
          {topic.closedEarlyReason && (
            <View className="vh-banner vh-banner-withdrawn" id="closed-early">
              {tt.detail.closedEarly(topic.closedEarlyReason)}
            </View>
          )}
          {message && <View className="vh-banner vh-banner-ok">{message}</View>}
          {shared && (
            <View className="vh-links">
              <ShareButton item={shared} />
              <Button
                id="print-link"
                className="vh-button vh-button-plain"
                onClick={() =>
                  Taro.navigateTo({ url: `/pages/topics/print/index?id=${topicId}&villageId=${topic.villageId}` })
                }
              >
                {ts.topicPrint.link}
              </Button>
            </View>
          )}

          <View className="vh-subtitle">{tt.detail.background}</View>
          <Text className="vh-body" userSelect id="topic-background">
            {topic.background}
          </Text>
          <ReadAloud id="read-topic" text={`${topic.title}。${topic.background}`} />
          {topic.attachments.length > 0 && (
            <View className="vh-attachments" id="topic-attachments">
              <View className="vh-label">{tt.attachments}</View>
              {topic.attachments.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two attachments may share a name
                <View key={i} className="vh-attachment">
                  {i + 1}. {a.name}
                </View>
              ))}
            </View>
          )}

          {topic.major && <StageTimeline topic={topic} canRecord={twoCommittees} onRecorded={setTopic} />}

          {topic.status === 'draft' && <View className="vh-banner">{tt.detail.draftHint}</View>}
          {committee && topic.status === 'draft' && (
            <View className="vh-actions">
              <View className="vh-hint">{tt.detail.openHint}</View>
              {mandatory && missingBeforeVote.length > 0 && (
                <View className="vh-banner vh-banner-withdrawn" id="stages-needed">
                  {tt.stages.needed(missingBeforeVote.join('、'))}
                </View>
              )}
              <ActionButton
                key={topic.stages.length} // a refusal for missing stages goes once they are recorded
                id="open-voting"
                label={tt.detail.openVoting}
                run={async () => {
                  setTopic(await call('openVoting', { params: { topicId } }));
                  setMessage(tt.detail.openedNow);
                  await loadTurnout();
                }}
              />
            </View>
          )}

          {/* Before voting opens anyone may ask to hear of it; once open, only a voter who has not voted yet. */}
          {topic.me &&
            (topic.status === 'draft' || (topic.status === 'open' && topic.me.eligible && !topic.me.voted)) && (
              <NotifyMe
                id="notify-vote"
                label={ti.notify.vote}
                keys={topic.status === 'draft' ? ['vote', 'vote_closing'] : ['vote_closing']}
              />
            )}
          {/* A receipt kept on this phone by someone else signed in earlier is not theirs to show. */}
          {receipt && topic.me?.voted !== false ? (
            <ReceiptCard topicId={topicId} receipt={receipt} justVoted={justVoted} />
          ) : topic.status === 'open' && topic.me?.voted ? (
            <View className="vh-banner vh-banner-ok" id="household-voted">
              {tt.detail.householdVoted}
            </View>
          ) : topic.status === 'open' && topic.me?.eligible ? (
            <Ballot topic={topic} onVoted={voted} />
          ) : topic.status === 'open' && topic.me ? (
            <View className="vh-banner vh-banner-withdrawn" id="not-eligible">
              <View>{notEligibleReason(topic)}</View>
              <View className="vh-meta">{tt.detail.frozenHint}</View>
            </View>
          ) : null}

          {topic.status === 'closed' && <ResultCard topic={topic} villageId={villageId} />}
          {topic.status !== 'draft' && turnout && <TurnoutCard topic={topic} turnout={turnout} />}

          {topic.status === 'open' && (scrutineer || committee) && (
            <View className="vh-actions">
              {scrutineer && (
                <Button
                  id="scrutineer-link"
                  className="vh-button vh-button-plain"
                  onClick={() => Taro.navigateTo({ url: `/pages/topics/staff/scrutineer/index?id=${topicId}` })}
                >
                  {tt.detail.scrutineer}
                </Button>
              )}
              {committee && (
                <CloseEarly
                  close={async (reason) => {
                    setTopic(await call('closeVoting', { params: { topicId }, body: { reason } }));
                    setMessage('');
                    await loadTurnout();
                  }}
                />
              )}
            </View>
          )}

          <LoadState loading={false} error={commentsError} onRetry={loadComments} />
          {!commentsError && (
            <Discussion
              topic={topic}
              comments={comments}
              canPost={!isTownship(me)}
              canModerate={committee}
              onChanged={commented}
            />
          )}
        </View>
      )}
    </Page>
  );
}
