import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import dayjs from 'dayjs';
import { useState } from 'react';
import { openedId } from '../../../../shared/links';
import { isOpen } from '../../../../shared/rules/case-flow';
import { type Case, caseRouteLabels, intakeLabels, type Rating } from '../../../../shared/schemas/case';
import { ActionButton } from '../../../components/action';
import { CaseActions } from '../../../components/case-actions';
import { CaseTimeline } from '../../../components/case-timeline';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { NotifyMe } from '../../../components/notify-me';
import { Page } from '../../../components/page';
import { ReadAloud } from '../../../components/read-aloud';
import { ShareButton, useShareCard } from '../../../components/share';
import { FieldError, LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tc } from '../../../i18n/cases';
import { ti } from '../../../i18n/inbox';
import { ts } from '../../../i18n/share';
import { call, fieldsOf } from '../../../services/api';
import { formatDate, formatDateTime, formatLastDay } from '../../../services/format';

const RED = '#b00020';
/** A button for something already done: greyed, whatever attribute value Taro gives `disabled`. */
const DONE = { opacity: 0.6 };

/** A deadline in plain words: a day-counted one ends at local midnight (its last day is shown); an hours one at its hour. */
const until = (iso: string) =>
  tc.detail.until(dayjs(iso).format('HH:mm') === '00:00' ? formatLastDay(iso) : formatDateTime(iso));

/** What the handlers wrote back (the reply, or where the case was handed over), selectable to copy. */
function Answer({ id, title, text, meta }: { id: string; title: string; text: string; meta: string }) {
  return (
    <View className="vh-card" id={id}>
      <View className="vh-card-title">{title}</View>
      <View className="vh-answer">
        <Text className="vh-body" userSelect style={{ margin: 0 }}>
          {text}
        </Text>
        <View className="vh-meta">{meta}</View>
      </View>
      <ReadAloud id={`${id}-read`} text={`${title}。${text}`} />
    </View>
  );
}

function DeadlineRow({
  id,
  label,
  hint,
  at,
  overdue,
}: {
  id: string;
  label: string;
  hint: string;
  at: string;
  overdue: boolean;
}) {
  return (
    <View className="vh-guide-row" id={id}>
      <Text className="vh-label">{label}</Text>
      <View>
        <View>
          <Text>{until(at)}</Text>
          {overdue && (
            <Text className="vh-status vh-status-overdue vh-case-overdue" style={{ marginLeft: '8px', color: RED }}>
              {tc.detail.overdue}
            </Text>
          )}
        </View>
        <View className="vh-meta">{hint}</View>
      </View>
    </View>
  );
}

/** 受理期限 / 办结期限 / 复查请求期限: the clocks that apply to this case now. */
function Deadlines({ c }: { c: Case }) {
  const d = c.deadlines;
  return (
    <View className="vh-card" id="case-deadlines">
      <View className="vh-card-title">{tc.detail.deadlines}</View>
      <DeadlineRow
        id="deadline-accept"
        label={tc.detail.acceptBy}
        hint={tc.detail.acceptByHint}
        at={d.acceptBy}
        overdue={c.overdue === 'accept'}
      />
      {d.resolveBy && (
        <DeadlineRow
          id="deadline-resolve"
          label={tc.detail.resolveBy}
          hint={tc.detail.resolveByHint}
          at={d.resolveBy}
          overdue={c.overdue === 'resolve'}
        />
      )}
      {d.reviewBy && (
        <DeadlineRow
          id="deadline-review"
          label={tc.detail.reviewBy}
          hint={tc.detail.reviewByHint}
          at={d.reviewBy}
          overdue={false}
        />
      )}
      {c.extension && (
        <View className="vh-banner" id="case-extension">
          {tc.detail.extension(c.extension.reason, formatDate(c.extension.at))}
        </View>
      )}
    </View>
  );
}

/** One bar of progress toward a threshold. */
function Progress({
  id,
  label,
  text,
  value,
  max,
}: {
  id: string;
  label: string;
  text: string;
  value: number;
  max: number;
}) {
  const share = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <View id={id} style={{ margin: '10px 0' }}>
      <View className="vh-row" style={{ justifyContent: 'space-between' }}>
        <Text>{label}</Text>
        <Text className="vh-progress-value" style={{ fontWeight: 'bold', textAlign: 'right' }}>
          {text}
        </Text>
      </View>
      <View style={{ background: '#eee', borderRadius: '6px', height: '18px', overflow: 'hidden' }}>
        <View style={{ background: '#a31515', width: `${share}%`, height: '100%' }} />
      </View>
    </View>
  );
}

/** 联名: how many have co-signed against what the law asks, the duty once reached, and the button. */
function CoSigning({ c, onChanged }: { c: Case; onChanged: (c: Case) => void }) {
  const s = c.coSigning;
  if (!s) return null;
  const meeting = tc.meetings[s.asksFor];
  const canSign = c.me.actions.includes('cosign');
  return (
    <View className="vh-card" id="case-cosigning">
      <View className="vh-card-title">{tc.detail.coSigning(meeting)}</View>
      <Progress
        id="cosign-adults"
        label={tc.detail.coSigners}
        text={tc.detail.coSignersOf(s.coSigners, s.adultsNeeded)}
        value={s.coSigners}
        max={s.adultsNeeded ?? s.coSigners}
      />
      <Progress
        id="cosign-representatives"
        label={tc.detail.representatives}
        text={tc.detail.representativesOf(s.representatives, s.representativesNeeded)}
        value={s.representatives}
        max={s.representativesNeeded}
      />
      {s.adultsNeeded !== undefined && <View className="vh-hint">{tc.detail.coSignRule}</View>}
      {c.duty && (
        <View className="vh-banner vh-banner-withdrawn" id="case-duty" style={{ borderLeftColor: '#a31515' }}>
          <View style={{ fontWeight: 'bold' }}>{tc.detail.duty(tc.meetings[c.duty.body], c.duty.noticeDays)}</View>
          <View>{c.duty.basis}</View>
          <View className="vh-meta">{tc.detail.dutyReached(formatDate(c.duty.reachedAt))}</View>
          <View id="case-duty-convened">
            {c.duty.convened ? tc.detail.convened(c.duty.convened.on, c.duty.convened.place) : tc.detail.notConvened}
          </View>
        </View>
      )}
      {c.me.coSigned ? (
        <Button id="cosign-case" className="vh-button vh-button-plain" disabled style={DONE}>
          {tc.detail.coSigned}
        </Button>
      ) : (
        canSign && (
          <ActionButton
            id="cosign-case"
            label={tc.detail.coSign}
            doneText={tc.detail.coSignDone}
            run={async () => onChanged(await call('coSignCase', { params: { caseId: c.caseId } }))}
          />
        )
      )}
    </View>
  );
}

/** 附议: how many support this suggestion, and "me too" for those who may. */
function Seconds({ c, onSeconded }: { c: Case; onSeconded: (seconds: number) => void }) {
  const can = c.me.actions.includes('second');
  return (
    <View className="vh-card" id="case-seconds">
      <View className="vh-subtitle" id="case-seconds-count">
        {tc.detail.seconds(c.seconds)}
      </View>
      {c.me.seconded ? (
        <Button id="second-case" className="vh-button vh-button-plain" disabled style={DONE}>
          {tc.detail.seconded}
        </Button>
      ) : (
        can && (
          <ActionButton
            id="second-case"
            label={tc.detail.second}
            doneText={tc.detail.secondDone}
            run={async () => onSeconded((await call('secondCase', { params: { caseId: c.caseId } })).seconds)}
          />
        )
      )}
    </View>
  );
}

/** "服务谁、谁评价": the petitioner rates the answer; 不满意 reopens it or sends it to the township. */
function RateForm({ c, onRated }: { c: Case; onRated: (c: Case) => void }) {
  const [rating, setRating] = useState<Rating>();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async () => {
    if (!rating) {
      setErrors({ rating: tc.detail.rateChoose });
      throw new Error(tc.detail.rateChoose);
    }
    setErrors({});
    try {
      onRated(
        await call('rateCase', {
          params: { caseId: c.caseId },
          body: { rating, comment: comment.trim() || undefined },
        }),
      );
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  return (
    <View className="vh-card" id="case-rate">
      <View className="vh-card-title">{tc.detail.rate}</View>
      <View className="vh-hint">{tc.detail.rateHint}</View>
      <Choice
        id="rating"
        options={['satisfied', 'basically', 'unsatisfied'] as const}
        value={rating}
        label={(r) => tc.ratings[r]}
        onChoose={setRating}
      />
      <FieldError message={errors.rating} />
      <TextField
        id="rate-comment"
        label={tc.detail.rateComment}
        textarea
        placeholder={tc.detail.rateCommentPlaceholder}
        value={comment}
        maxlength={500}
        error={errors.comment}
        onChange={setComment}
      />
      <ActionButton id="send-rating" label={tc.detail.rateSend} doneText={tc.detail.rateDone} run={send} />
    </View>
  );
}

/** One suggestion or petition: what was asked, where it stands, the clocks, the answer, support, and its history. */
export default function CaseDetail() {
  const { params } = useRouter();
  const caseId = openedId(params);
  const villageId = params.villageId || undefined;
  const me = useMe();
  const [c, setCase] = useState<Case>();
  const [justRated, setJustRated] = useState(false);
  const { loading, error, track } = useLoading();

  const load = () =>
    track(async () => {
      setCase(await call('getCase', { params: { caseId }, query: { villageId } }));
    });
  usePageLoad(me, load);
  // What the village may read may be shared into its chat: a public suggestion, a petition asking for co-signers.
  const shared = c?.public ? ({ kind: 'case', id: caseId, villageId: c.villageId } as const) : undefined;
  useShareCard(shared, ts.card.case(c ? tc.kinds[c.kind] : '', c?.text ?? ''));

  const go = (url: string) => Taro.navigateTo({ url });
  const photoUrls = c?.photos.map((p) => p.url) ?? [];
  const confidential = Boolean(c?.submitter && !c.me.isSubmitter && (c.anonymous || !c.public));

  return (
    <Page>
      <LoadState loading={loading && !c} error={error} onRetry={load} />
      {c && (
        <View id="case-detail">
          <View className="vh-notice-row-meta">
            <Text className={`vh-badge ${c.kind === 'petition' ? 'vh-badge-government' : 'vh-badge-village'}`}>
              {tc.kinds[c.kind]}
            </Text>
            <Text className="vh-badge" id="case-category">
              {c.categoryLabel}
            </Text>
            {c.overdue && <Text className="vh-badge vh-badge-major vh-case-overdue">{tc.list.overdue[c.overdue]}</Text>}
            {c.track && (
              <Text className="vh-badge vh-badge-corrected" id="case-track">
                {tc.tracks[c.track.kind]}
              </Text>
            )}
          </View>
          <View className="vh-title" id="case-status">
            {tc.status[c.status]}
          </View>
          {c.escalation && (
            <View className="vh-banner vh-banner-corrected" id="case-escalation">
              {tc.detail.escalation[c.escalation.reason]}（{formatDate(c.escalation.at)}）
            </View>
          )}
          {justRated && (c.status === 'reopened' || c.status === 'escalated') && (
            <View className="vh-banner" id="case-unsatisfied">
              {tc.detail.unsatisfiedAfter[c.status]}
            </View>
          )}

          <Text className="vh-body" userSelect id="case-text">
            {c.text}
          </Text>
          {c.me.isSubmitter && isOpen(c.status) && (
            <NotifyMe id="notify-case" label={ti.notify.caseReply} keys={['case_progress']} />
          )}
          {c.place && (
            <View className="vh-guide-row" id="case-place">
              <Text className="vh-label">{tc.detail.place}</Text>
              <Text>{c.place}</Text>
            </View>
          )}
          {c.contactPhone && (
            <View className="vh-guide-row" id="case-contact-phone">
              <Text className="vh-label">{tc.detail.contactPhone}</Text>
              <Text userSelect>{c.contactPhone}</Text>
            </View>
          )}
          {c.photos.length > 0 && (
            <View id="case-photos-view">
              <View className="vh-label">{tc.detail.photos}</View>
              <View style={{ display: 'flex', flexWrap: 'wrap' }}>
                {c.photos.map((p, i) => (
                  <Image
                    key={p.photoId}
                    id={`case-photo-view-${i}`}
                    className="vh-case-photo-view"
                    src={p.url}
                    mode="aspectFill"
                    style={{ width: '104px', height: '104px', borderRadius: '8px', margin: '0 8px 8px 0' }}
                    onClick={() => Taro.previewImage({ current: p.url, urls: photoUrls }).catch(() => undefined)}
                  />
                ))}
              </View>
              <View className="vh-hint">{tc.detail.photoHint}</View>
            </View>
          )}

          <View className="vh-guide-row" id="case-author">
            {/* Handlers know who asked even when the village does not: said so beside the name. */}
            <Text className="vh-label">{confidential ? tc.detail.submitter : tc.detail.author}</Text>
            <Text>
              {confidential && c.submitter ? c.submitter.name : c.author}
              {c.groupName ? `（${c.groupName}）` : ''}
            </Text>
          </View>
          {c.enteredBy && (
            <View className="vh-meta" id="case-entered-by">
              {tc.detail.enteredBy(c.enteredBy.name, intakeLabels[c.enteredBy.intake])}
            </View>
          )}
          {c.about && (
            <View className="vh-guide-row" id="case-about">
              <Text className="vh-label">{tc.detail.about}</Text>
              <Text>
                {tc.about[c.about.kind]}
                {c.about.name ? ` ${c.about.name}` : ''}
              </Text>
            </View>
          )}
          {c.route !== 'committee' && (
            <View className="vh-guide-row" id="case-route">
              <Text className="vh-label">{tc.detail.route}</Text>
              <Text>{caseRouteLabels[c.route]}</Text>
            </View>
          )}
          {c.assignee && (
            <View className="vh-guide-row" id="case-assignee">
              <Text className="vh-label">{tc.detail.assignee}</Text>
              <Text>{c.assignee.name}</Text>
            </View>
          )}
          <View className="vh-meta">
            {tc.detail.submittedAt(formatDateTime(c.createdAt))}
            {!c.public ? ` · ${tc.detail.private}` : ''}
            {c.anonymous ? ` · ${tc.detail.anonymous}` : ''}
          </View>
          {c.care && <View className="vh-banner">{tc.detail.care}</View>}

          {c.mergedInto && (
            <View className="vh-banner">
              <Text
                id="case-merged-into"
                className="vh-link"
                onClick={() =>
                  go(`/pages/cases/detail/index?id=${c.mergedInto}${villageId ? `&villageId=${villageId}` : ''}`)
                }
              >
                {tc.detail.mergedInto}
              </Text>
            </View>
          )}
          {c.merged.length > 0 && <View className="vh-meta">{tc.detail.merged(c.merged.length)}</View>}
          {c.topicId && (
            <View className="vh-banner vh-banner-ok">
              <Text
                id="case-topic"
                className="vh-link"
                onClick={() =>
                  go(`/pages/topics/detail/index?id=${c.topicId}${villageId ? `&villageId=${villageId}` : ''}`)
                }
              >
                {tc.detail.topic}
              </Text>
            </View>
          )}

          {c.reply && (
            <Answer
              id="case-reply"
              title={tc.detail.reply}
              text={c.reply.text}
              meta={tc.detail.replyBy(c.reply.by, formatDateTime(c.reply.at))}
            />
          )}
          {c.transfer && (
            <Answer
              id="case-transfer"
              title={tc.detail.transfer(c.transfer.to)}
              text={c.transfer.reason}
              meta={tc.detail.transferBy(c.transfer.by, formatDateTime(c.transfer.at))}
            />
          )}
          {c.rating && (
            <View className="vh-card" id="case-rating">
              <View className="vh-card-title">{tc.detail.rating}</View>
              <View className="vh-subtitle">{tc.ratings[c.rating.rating]}</View>
              {c.rating.comment && <View>{c.rating.comment}</View>}
              <View className="vh-meta">{tc.detail.ratedAt(formatDateTime(c.rating.at))}</View>
            </View>
          )}
          {c.me.actions.includes('rate') && (
            <RateForm
              c={c}
              onRated={(next) => {
                setCase(next);
                setJustRated(true);
              }}
            />
          )}

          {c.kind === 'suggestion' && c.public && (
            <Seconds
              c={c}
              onSeconded={(seconds) =>
                setCase({
                  ...c,
                  seconds,
                  me: { ...c.me, seconded: true, actions: c.me.actions.filter((a) => a !== 'second') },
                })
              }
            />
          )}
          <CoSigning c={c} onChanged={setCase} />
          {shared && (
            <View className="vh-links">
              <ShareButton item={shared} />
            </View>
          )}

          <Deadlines c={c} />

          {/* Staff actions (accept, assign, reply, …): written in components/case-actions.tsx. */}
          <View id="case-staff-actions">
            <CaseActions caseView={c} onChanged={setCase} />
          </View>

          <CaseTimeline entries={c.timeline} />
        </View>
      )}
    </Page>
  );
}
