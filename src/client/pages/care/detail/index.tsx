import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  type CareRecord,
  careReasonLabels,
  checkAreaLabels,
  checkAreas,
  disabilityLabels,
  dutyLabels,
  type Guardian,
  guardianClassLabels,
  kinshipLabels,
  satisfactionLabels,
  supportModeLabels,
} from '../../../../shared/schemas/care';
import { ActionButton } from '../../../components/action';
import { AgreementForm, LinkConcernForm, ReplaceGuardianForm } from '../../../components/care-forms';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tcare } from '../../../i18n/care';
import { call } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';

const D = tcare.detail;

function Row({ label, value }: { label: string; value?: string }) {
  if (!value) return null;
  return (
    <View className="vh-meta">
      <Text style={{ fontWeight: 'bold' }}>{`${label}：`}</Text>
      <Text>{value}</Text>
    </View>
  );
}

function GuardianCard({ g, id }: { g: Guardian; id: string }) {
  return (
    <View id={id}>
      <View className="vh-notice-row-title">{g.name}</View>
      <View className="vh-meta">
        {guardianClassLabels[g.guardianClass]}
        {g.kinship ? ` · ${kinshipLabels[g.kinship]}` : ''}
      </View>
      {(g.elderly || g.infirm) && (
        <View className="vh-waiting" id={`${id}-flag`}>
          {[g.elderly && D.elderly, g.infirm && D.infirm].filter(Boolean).join('，')}
        </View>
      )}
      {g.until && <View className="vh-meta">{D.replaced(formatDate(g.until), g.endReason ?? '')}</View>}
    </View>
  );
}

/** A problem a visit found: open ones can be marked resolved, with what was done. */
function ProblemRow({
  p,
  onResolve,
}: {
  p: CareRecord['problems'][number];
  onResolve: (text: string) => Promise<unknown>;
}) {
  const [text, setText] = useState('');
  return (
    <View className="vh-card" id={`problem-${p.problemId}`}>
      <View className="vh-notice-row-meta">
        <Text className="vh-badge">{checkAreaLabels[p.area]}</Text>
        {p.overdue && <Text className="vh-status vh-status-overdue">{D.overdue}</Text>}
      </View>
      <View>{p.note}</View>
      <View className="vh-meta">{D.owner(p.owner.name)}</View>
      {p.status === 'open' ? (
        <>
          <View className={p.overdue ? 'vh-field-error' : 'vh-meta'}>{D.due(formatDateTime(p.dueAt))}</View>
          <TextField id={`resolution-${p.problemId}`} label={D.resolution} value={text} onChange={setText} />
          <ActionButton id={`resolve-${p.problemId}`} label={D.resolve} run={() => onResolve(text)} />
        </>
      ) : (
        <View className="vh-meta">{D.resolved(formatDateTime(p.resolvedAt), p.resolution ?? '')}</View>
      )}
    </View>
  );
}

/** 监护照料档案: one person's registry entry, guardian and history, agreements, visits and problems. */
export default function CareDetailPage() {
  const me = useMe();
  const { params } = useRouter();
  const personId = params.id ?? '';
  const villageId = params.villageId;
  const [r, setRecord] = useState<CareRecord>();
  const [form, setForm] = useState<'guardian' | 'agreement'>();
  const done = (next: CareRecord) => {
    setRecord(next);
    setForm(undefined);
  };
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setRecord(await call('getCare', { params: { personId }, query: { villageId } }));
    });
  usePageLoad(me, load);
  // Back from a visit just entered: show it.
  useDidShow(() => {
    if (r) load();
  });
  const canWrite = me?.person?.roles.some((role) => role === 'committee' || role === 'township_staff');
  // A scan is uploaded as a photo of the village: the committee's, not the township's.
  const committee = me?.person?.roles.includes('committee');
  const where = { personId, villageId };
  return (
    <Page>
      <LoadState loading={loading && !r} error={error} onRetry={load} />
      {r && (
        <View id="care-record">
          <View className="vh-title">{r.name}</View>
          <View className="vh-card">
            <Row
              label={D.reason}
              value={`${careReasonLabels[r.reason]}${r.disability ? `（${disabilityLabels[r.disability.category]} ${r.disability.grade} 级）` : ''}`}
            />
            <Row label={D.support} value={supportModeLabels[r.supportMode]} />
            <Row label={D.needs} value={r.needs} />
            <Row label={D.health} value={r.health} />
            <Row label={D.cadre} value={r.cadre.name} />
            <Row label={D.since} value={r.careSince} />
            <View className={r.visitOverdue ? 'vh-field-error' : 'vh-meta'} id="care-next-visit">
              {r.visitOverdue ? D.overdueVisit(r.nextVisitDue) : D.nextDue(r.nextVisitDue)}
            </View>
          </View>

          <View className="vh-card">
            <View className="vh-card-title">{D.guardian}</View>
            <GuardianCard g={r.guardian} id="care-guardian" />
            {r.formerGuardians.length > 0 && <View className="vh-label">{D.former}</View>}
            {r.formerGuardians.map((g) => (
              <GuardianCard key={g.guardianId} g={g} id={`former-${g.guardianId}`} />
            ))}
            {canWrite && form !== 'guardian' && (
              <View id="care-replace-open" className="vh-button vh-button-plain" onClick={() => setForm('guardian')}>
                {tcare.forms.replaceTitle}
              </View>
            )}
            {form === 'guardian' && <ReplaceGuardianForm where={where} onDone={done} />}
          </View>

          <View className="vh-card" id="care-agreements">
            <View className="vh-card-title">{D.agreements}</View>
            {r.agreements.length === 0 && <View className="vh-field-error">{D.noAgreement}</View>}
            {r.agreements.map((a) => (
              <View key={a.agreementId} id={`agreement-${a.agreementId}`}>
                <View className="vh-meta">
                  {`${a.guardianName} · ${D.agreementDates(a.startsOn, a.endsOn)}`}
                  {a.status === 'ended' ? ` · ${D.ended}` : ''}
                </View>
                {a.duties.map((d) => (
                  <View key={`${d.kind}-${d.text}`}>{`${dutyLabels[d.kind]}：${d.text}`}</View>
                ))}
                {a.scan && (
                  <View className="vh-link" onClick={() => Taro.previewImage({ urls: [a.scan?.url ?? ''] })}>
                    {D.scan}
                  </View>
                )}
              </View>
            ))}
            {committee && form !== 'agreement' && !r.agreements.some((a) => a.status === 'active') && (
              <View id="care-agreement-open" className="vh-button vh-button-plain" onClick={() => setForm('agreement')}>
                {tcare.forms.agreementTitle}
              </View>
            )}
            {form === 'agreement' && <AgreementForm where={where} onDone={done} />}
          </View>

          <View className="vh-card" id="care-problems">
            <View className="vh-card-title">{D.problems}</View>
            {!r.problems.some((p) => p.status === 'open') && <View className="vh-meta">{D.noProblems}</View>}
            {r.problems.map((p) => (
              <ProblemRow
                key={p.problemId}
                p={p}
                onResolve={async (resolution) => {
                  setRecord(
                    await call('resolveCareProblem', {
                      params: { personId, problemId: p.problemId },
                      query: { villageId },
                      body: { resolution },
                    }),
                  );
                }}
              />
            ))}
          </View>

          {(r.cases.length > 0 || canWrite) && (
            <View className="vh-card" id="care-cases">
              <View className="vh-card-title">{D.cases}</View>
              {r.cases.map((c) => (
                <View key={c.caseId} className="vh-setting-row" id={`care-case-${c.caseId}`}>
                  <Text className="vh-meta">{D.caseLinked(formatDateTime(c.linkedAt))}</Text>
                  <Text
                    className="vh-link"
                    onClick={() =>
                      Taro.navigateTo({ url: `/pages/cases/detail/index?id=${c.caseId}&villageId=${r.villageId}` })
                    }
                  >
                    {D.openCase}
                  </Text>
                </View>
              ))}
              {canWrite && (
                <LinkConcernForm
                  personId={personId}
                  villageId={r.villageId}
                  linked={r.cases.map((c) => c.caseId)}
                  onLinked={setRecord}
                />
              )}
            </View>
          )}

          <View className="vh-card-title">{D.visits}</View>
          {canWrite && (
            <View
              id="care-new-visit"
              className="vh-button vh-button-primary"
              onClick={() =>
                Taro.navigateTo({ url: `/pages/care/visit/index?id=${personId}&villageId=${r.villageId}` })
              }
            >
              {D.visit}
            </View>
          )}
          {r.visits.length === 0 && <View className="vh-empty">{D.noVisits}</View>}
          {r.visits.map((v) => (
            <View key={v.visitId} className="vh-card vh-care-visit" id={`visit-${v.visitId}`}>
              <View className="vh-notice-row-meta">
                <Text>{D.visitor(v.visitor.name, formatDateTime(v.visitedAt))}</Text>
                {v.late && <Text className="vh-status vh-status-overdue">{D.late}</Text>}
                {v.copied && <Text className="vh-status vh-status-overdue vh-care-copied">{D.copied}</Text>}
              </View>
              {checkAreas
                .filter((a) => v.checks[a].status === 'problem')
                .map((a) => (
                  <View key={a} className="vh-field-error">{`${checkAreaLabels[a]}：${v.checks[a].note ?? ''}`}</View>
                ))}
              <View>{v.summary}</View>
              <View className="vh-meta">{`${D.satisfaction}：${satisfactionLabels[v.satisfaction.rating]}`}</View>
              {v.photos.length > 0 && (
                <View className="vh-row">
                  {v.photos.map((p) => (
                    <Image
                      key={p.photoId}
                      src={p.url}
                      mode="aspectFill"
                      style={{ width: '72px', height: '72px', marginRight: '6px' }}
                      onClick={() => Taro.previewImage({ urls: v.photos.map((x) => x.url), current: p.url })}
                    />
                  ))}
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </Page>
  );
}
