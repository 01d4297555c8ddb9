import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { openedId } from '../../../../shared/links';
import type { Notice, Question } from '../../../../shared/schemas/notice';
import { ActionButton } from '../../../components/action';
import { NoticeContent } from '../../../components/notice-content';
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
import { tov } from '../../../i18n/oversight';
import { ts } from '../../../i18n/share';
import { t } from '../../../i18n/zh-CN';
import { call, fieldsOf, newIdempotencyKey } from '../../../services/api';
import { daysSince, formatDate, formatDateTime } from '../../../services/format';
import { hasRole, isEditor, isOverseer, isTownship } from '../../../services/session';
import { NoticeRatingCounts, RateNotice } from './rating';

/** What the committee is told when publishing leads to a review rather than to the notice board. */
const submittedNote: Partial<Record<Notice['status'], string>> = {
  pending_review: t.detail.submitted,
  pending_signoff: t.detail.submittedForSignOff,
};

/** Asks for a reason before a step that needs one (withdraw, send back). */
function ReasonAction({
  id,
  label,
  placeholder,
  warning,
  run,
}: {
  id: string;
  label: string;
  placeholder: string;
  warning?: string;
  run: (reason: string) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  if (!open)
    return (
      <Button id={`${id}-open`} className="vh-button vh-button-plain" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <View className="vh-card vh-confirm" id={`${id}-panel`}>
      {warning && <View className="vh-banner">{warning}</View>}
      <Textarea
        id={`${id}-reason`}
        className="vh-textarea"
        placeholder={placeholder}
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      <FieldError message={error} />
      <ActionButton
        id={`${id}-confirm`}
        label={`${t.detail.confirm}${label}`}
        kind="danger"
        run={() =>
          run(reason).catch((e) => {
            setError(fieldsOf(e).reason);
            throw e;
          })
        }
      />
      <Button className="vh-button vh-button-plain" onClick={() => setOpen(false)}>
        {t.detail.cancel}
      </Button>
    </View>
  );
}

function QuestionItem({
  q,
  canAnswer,
  onAnswered,
  noticeId,
}: {
  q: Question;
  canAnswer: boolean;
  onAnswered: () => void;
  noticeId: string;
}) {
  return (
    <View className="vh-question">
      <View className="vh-question-text">{q.text}</View>
      <View className="vh-meta">
        {q.askedBy.name}
        {q.askedBy.isMe ? t.detail.me : ''} · {formatDateTime(q.askedAt)}
      </View>
      {q.answer ? (
        <View className="vh-answer">
          <View>{q.answer.text}</View>
          <View className="vh-meta">
            {t.detail.answeredBy(q.answer.answeredBy.name)} · {formatDateTime(q.answer.answeredAt)}
          </View>
        </View>
      ) : (
        <View className="vh-waiting">{t.detail.waiting(daysSince(q.askedAt))}</View>
      )}
      {!q.answer && canAnswer && (
        <TextForm
          id={`answer-text-${q.questionId}`}
          buttonId={`answer-${q.questionId}`}
          placeholder={t.detail.answerPlaceholder}
          label={t.detail.answer}
          maxlength={2000}
          send={async (text) => {
            await call('answerQuestion', { params: { noticeId, questionId: q.questionId }, body: { text } });
            onAnswered();
          }}
        />
      )}
    </View>
  );
}

export default function NoticeDetail() {
  const { params } = useRouter();
  const noticeId = openedId(params);
  const villageId = params.villageId || undefined;
  const me = useMe();
  const [notice, setNotice] = useState<Notice>();
  const [questions, setQuestions] = useState<Question[]>([]);
  const [asked, setAsked] = useState(false);
  const { loading, error, track } = useLoading();
  const [askKey, setAskKey] = useState(newIdempotencyKey());
  const [message, setMessage] = useState('');

  const load = () =>
    track(async () => {
      const n = await call('getNotice', { params: { noticeId }, query: { villageId } });
      setNotice(n);
      Taro.setNavigationBarTitle({ title: t.categories[n.category] });
      if (n.status === 'published' || n.status === 'withdrawn')
        setQuestions((await call('listQuestions', { params: { noticeId }, query: { villageId } })).items);
    });
  // Opened from a share card or a poster by someone signed out or not yet bound: sign-in and binding come back here.
  usePageLoad(me, load);
  const shared = notice && (notice.status === 'published' || notice.status === 'withdrawn');
  useShareCard(
    shared ? { kind: 'notice', id: noticeId, villageId: notice.villageId } : undefined,
    ts.card.notice(notice?.title ?? ''),
  );

  const editor = isEditor(me) && !isTownship(me);
  const go = (url: string) => Taro.navigateTo({ url });
  const changed = (n: Notice, note = '') => {
    setNotice(n);
    setMessage(note);
  };

  return (
    <Page>
      <LoadState loading={loading && !notice} error={error} onRetry={load} />
      {notice && (
        <View>
          <View className="vh-title" id="notice-title-text">
            {notice.title}
          </View>
          <View className="vh-notice-row-meta">
            <Text className={`vh-badge vh-badge-${notice.category}`}>{t.categories[notice.category]}</Text>
            {notice.major && <Text className="vh-badge vh-badge-major">{t.list.major}</Text>}
            <Text className="vh-badge">{t.statuses[notice.status]}</Text>
            {notice.publishedAt && (
              <Text className="vh-date">
                {t.detail.published}：{formatDateTime(notice.publishedAt)}
              </Text>
            )}
          </View>
          {notice.version > 1 && notice.correctedAt && (
            <View
              className="vh-banner vh-banner-corrected"
              onClick={() => go(`/pages/notices/versions/index?id=${noticeId}`)}
            >
              {t.detail.corrected(formatDate(notice.correctedAt), notice.version)} ›
            </View>
          )}
          {notice.status === 'withdrawn' && (
            <View className="vh-banner vh-banner-withdrawn">
              {t.detail.withdrawn(formatDate(notice.withdrawnAt), notice.withdrawReason ?? '')}
            </View>
          )}
          {notice.status === 'pending_review' && <View className="vh-banner">{t.detail.pendingReview}</View>}
          {notice.status === 'pending_signoff' && (
            <View className="vh-banner" id="pending-signoff">
              {t.detail.pendingSignOff}
            </View>
          )}
          {notice.correctionUnreviewed && (
            <View className="vh-banner" id="correction-unreviewed">
              {t.detail.correctionUnreviewed}
            </View>
          )}
          {notice.signedOffBy && (
            <View className="vh-meta" id="signed-off-by">
              {t.detail.signedOffBy(notice.signedOffBy.name, formatDate(notice.signedOffAt))}
            </View>
          )}
          {notice.reviewNote && notice.status === 'draft' && (
            <View className="vh-banner vh-banner-withdrawn">{t.detail.reviewNote(notice.reviewNote)}</View>
          )}
          {message && <View className="vh-banner vh-banner-ok">{message}</View>}
          <NoticeContent notice={notice} />
          <ReadAloud id="read-notice" text={`${notice.title}。${notice.body}`} />

          <View className="vh-links">
            {shared && <ShareButton item={{ kind: 'notice', id: noticeId, villageId: notice.villageId }} />}
            {shared && (
              <Button
                id="print-link"
                className="vh-button vh-button-plain"
                onClick={() => go(`/pages/notices/print/index?id=${noticeId}&villageId=${notice.villageId}`)}
              >
                {t.detail.print}
              </Button>
            )}
            {notice.version > 1 && (
              <Button
                id="versions-link"
                className="vh-button vh-button-plain"
                onClick={() => go(`/pages/notices/versions/index?id=${noticeId}`)}
              >
                {t.detail.versions}
              </Button>
            )}
            {isOverseer(me) && notice.status !== 'draft' && notice.status !== 'pending_review' && (
              <Button
                id="readers-link"
                className="vh-button vh-button-plain"
                onClick={() =>
                  go(`/pages/notices/staff/readers/index?id=${noticeId}${villageId ? `&villageId=${villageId}` : ''}`)
                }
              >
                {t.detail.readers}
              </Button>
            )}
          </View>

          {editor && notice.status === 'draft' && (
            <View className="vh-actions">
              <Button
                id="edit-draft"
                className="vh-button vh-button-plain"
                onClick={() => go(`/pages/notices/staff/edit/index?id=${noticeId}`)}
              >
                {t.detail.edit}
              </Button>
              <ActionButton
                id="publish"
                label={t.detail.publish}
                run={async () => {
                  const n = await call('publishNotice', { params: { noticeId } });
                  changed(n, submittedNote[n.status] ?? t.detail.publishedNow);
                }}
              />
              <ActionButton
                id="delete-draft"
                label={t.detail.deleteDraft}
                kind="danger"
                run={async () => {
                  await call('deleteDraft', { params: { noticeId } });
                  Taro.navigateBack();
                }}
              />
            </View>
          )}
          {editor && notice.status === 'pending_review' && notice.createdBy.personId === me?.person?.personId && (
            <View className="vh-hint" id="review-by-other">
              {t.detail.reviewByOther}
            </View>
          )}
          {editor && notice.status === 'pending_review' && notice.createdBy.personId !== me?.person?.personId && (
            <View className="vh-actions">
              <ActionButton
                id="approve"
                label={t.detail.approve}
                run={async () => {
                  const n = await call('approveNotice', { params: { noticeId } });
                  changed(n, submittedNote[n.status] ?? t.detail.publishedNow);
                }}
              />
              <ReasonAction
                id="reject"
                label={t.detail.reject}
                placeholder={t.detail.rejectReason}
                warning={t.detail.rejectWarning}
                run={async (reason) => changed(await call('rejectNotice', { params: { noticeId }, body: { reason } }))}
              />
            </View>
          )}
          {hasRole(me, 'supervisor') && !isTownship(me) && notice.status === 'pending_signoff' && (
            <View className="vh-actions">
              <ActionButton
                id="sign-off"
                label={t.detail.signOff}
                run={async () => changed(await call('signOffNotice', { params: { noticeId } }), t.detail.publishedNow)}
              />
              <ReasonAction
                id="return"
                label={t.detail.returnToDraft}
                placeholder={t.detail.returnReason}
                warning={t.detail.returnWarning}
                run={async (reason) => changed(await call('returnNotice', { params: { noticeId }, body: { reason } }))}
              />
            </View>
          )}
          {hasRole(me, 'supervisor') && !isTownship(me) && notice.correctionUnreviewed && (
            <View className="vh-actions">
              <ActionButton
                id="sign-off-correction"
                label={t.detail.signOffCorrection}
                run={async () => changed(await call('signOffNotice', { params: { noticeId } }), t.detail.signedOffNow)}
              />
            </View>
          )}
          {hasRole(me, 'supervisor') && !isTownship(me) && (
            <Button
              id="inquire"
              className="vh-button vh-button-plain"
              onClick={() => go(`/pages/oversight/inquiries/index?subject=notice&refId=${noticeId}`)}
            >
              {tov.inquiry.askAbout}
            </Button>
          )}
          {editor && notice.status === 'published' && (
            <View className="vh-actions">
              <Button
                id="correct"
                className="vh-button vh-button-plain"
                onClick={() => go(`/pages/notices/staff/edit/index?id=${noticeId}&mode=correct`)}
              >
                {t.detail.correct}
              </Button>
              <ReasonAction
                id="withdraw"
                label={t.detail.withdraw}
                placeholder={t.detail.withdrawReason}
                warning={t.detail.withdrawWarning}
                run={async (reason) =>
                  changed(await call('withdrawNotice', { params: { noticeId }, body: { reason } }))
                }
              />
            </View>
          )}

          {notice.status === 'published' && me?.person && !isTownship(me) && <RateNotice noticeId={noticeId} />}
          {isOverseer(me) && shared && <NoticeRatingCounts noticeId={noticeId} villageId={villageId} />}
          {(notice.status === 'published' || notice.status === 'withdrawn') && (
            <View className="vh-card" id="questions">
              <View className="vh-card-title">{t.detail.questions}</View>
              {questions.length === 0 && <View className="vh-hint">{t.detail.noQuestions}</View>}
              {questions.map((q) => (
                <QuestionItem key={q.questionId} q={q} noticeId={noticeId} canAnswer={editor} onAnswered={load} />
              ))}
              {notice.status === 'published' && !isTownship(me) && (
                <TextForm
                  id="question-text"
                  buttonId="ask"
                  className="vh-ask"
                  placeholder={t.detail.askPlaceholder}
                  label={t.detail.ask}
                  send={async (text) => {
                    const q = await call('askQuestion', {
                      params: { noticeId },
                      body: { text },
                      idempotencyKey: askKey,
                    });
                    setQuestions([...questions, q]);
                    setAskKey(newIdempotencyKey());
                    setAsked(true);
                  }}
                />
              )}
              {asked && <NotifyMe id="notify-question" label={ti.notify.questionAnswer} keys={['question_answered']} />}
            </View>
          )}
        </View>
      )}
    </Page>
  );
}
