import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { openedId } from '../../../../shared/links';
import { isOpen } from '../../../../shared/rules/case-flow';
import { type Case, caseRouteLabels, intakeLabels } from '../../../../shared/schemas/case';
import { CaseActions } from '../../../components/case-actions';
import { CaseTimeline } from '../../../components/case-timeline';
import { NotifyMe } from '../../../components/notify-me';
import { Page } from '../../../components/page';
import { ShareButton, useShareCard } from '../../../components/share';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tc } from '../../../i18n/cases';
import { ti } from '../../../i18n/inbox';
import { ts } from '../../../i18n/share';
import { call } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';
import { Answer } from './answer';
import { Deadlines } from './deadlines';
import { RateForm } from './rate-form';
import { CoSigning, Seconds } from './support';

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
          {c.careFile && (
            <View className="vh-banner">
              <Text
                id="case-care-file"
                className="vh-link"
                onClick={() => go(`/pages/care/detail/index?id=${c.careFile?.personId}&villageId=${c.villageId}`)}
              >
                {tc.detail.careFile}
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

          {/* Staff actions (accept, assign, reply, …): written in components/case-actions/. */}
          <View id="case-staff-actions">
            <CaseActions caseView={c} onChanged={setCase} />
          </View>

          <CaseTimeline entries={c.timeline} />
        </View>
      )}
    </Page>
  );
}
