import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { openedId } from '../../../../shared/links';
import type { Topic } from '../../../../shared/schemas/topic';
import { ActionButton } from '../../../components/action';
import { NotifyMe } from '../../../components/notify-me';
import { Page } from '../../../components/page';
import { ReadAloud } from '../../../components/read-aloud';
import { ShareButton, useShareCard } from '../../../components/share';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { ti } from '../../../i18n/inbox';
import { ts } from '../../../i18n/share';
import { bodyName, kindName, receiptKey, tt } from '../../../i18n/topics';
import { call, messageOf } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';
import { hasRole, isEditor, isTownship } from '../../../services/session';
import { Ballot, notEligibleReason, ReceiptCard } from './ballot';
import { CloseEarly } from './close-early';
import { type Comment, Discussion } from './comments';
import { BEFORE_VOTE, StageTimeline } from './stages';
import { ResultCard, type Turnout, TurnoutCard } from './turnout';

/** Turnout follows an open vote every 10 s; while the electorate is being frozen (seconds, off the request) the topic is re-read every 2 s. */
const REFRESH_MS: Partial<Record<Topic['status'], number>> = { open: 10_000, opening: 2_000 };

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
    if (topic?.status === 'opening') return void load();
    if (topic && Date.now() > new Date(topic.closesAt).getTime())
      call('getTopic', { params: { topicId }, query: { villageId } })
        .then(setTopic)
        .catch(() => undefined);
    loadTurnout();
  };
  const status = topic?.status;
  useEffect(() => {
    const every = status && REFRESH_MS[status];
    if (!shown || !every) return;
    const timer = setInterval(() => tick.current(), every);
    return () => clearInterval(timer);
  }, [shown, status]);

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
          {topic.status === 'draft' && topic.openRefused && (
            <View className="vh-banner vh-banner-withdrawn" id="open-refused">
              {topic.openRefused}
            </View>
          )}
          {topic.status === 'opening' && (
            <View className="vh-banner" id="topic-opening">
              {tt.detail.openingHint}
            </View>
          )}
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
