import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { correctionFieldLabels, type OpenCorrection } from '../../../../shared/schemas/my-data';
import { Choice } from '../../../components/choice';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { TextForm } from '../../../components/text-form';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tpr } from '../../../i18n/privacy';
import { t } from '../../../i18n/zh-CN';
import { ApiFailure, call } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';

/** TextForm shows the server's word on its `text`; the resolve route calls that field `reply`. */
const replyAsText = (e: unknown) =>
  e instanceof ApiFailure
    ? new ApiFailure(
        e.status,
        e.message,
        e.fields.map((f) => (f.path === 'reply' ? { ...f, path: 'text' } : f)),
      )
    : e;

/** One request: who asks, about what, by when; the register is corrected on the person's page, then answered here. */
function CorrectionCard({ c }: { c: OpenCorrection }) {
  const [corrected, setCorrected] = useState<boolean>();
  const [done, setDone] = useState('');
  return (
    <View className="vh-card vh-correction" id={`correction-${c.correctionId}`}>
      <View className="vh-card-title">{`${c.personName ?? ''} · ${correctionFieldLabels[c.field]}`}</View>
      <View className={c.overdue ? 'vh-waiting' : 'vh-meta'} id={`correction-due-${c.correctionId}`}>
        {c.overdue ? tpr.staff.overdue(formatDate(c.dueBy)) : tpr.staff.dueBy(formatDate(c.dueBy))}
      </View>
      <View className="vh-meta">{tpr.staff.requestedAt(formatDateTime(c.requestedAt))}</View>
      <View>{c.text}</View>
      <Text className="vh-link" onClick={() => Taro.navigateTo({ url: `/pages/people/detail/index?id=${c.personId}` })}>
        {tpr.staff.openPerson}
      </Text>
      {done ? (
        <View className="vh-banner vh-banner-ok" id={`correction-done-${c.correctionId}`}>
          {done}
        </View>
      ) : (
        <>
          <View className="vh-label">{tpr.staff.outcome}</View>
          <Choice
            id={`correction-outcome-${c.correctionId}`}
            options={[true, false]}
            value={corrected}
            label={(v) => (v ? tpr.staff.corrected : tpr.staff.notCorrected)}
            onChoose={setCorrected}
          />
          <TextForm
            id={`correction-reply-${c.correctionId}`}
            buttonId={`correction-resolve-${c.correctionId}`}
            placeholder={tpr.staff.replyPlaceholder}
            maxlength={300}
            label={tpr.staff.resolve}
            send={async (reply) => {
              if (corrected === undefined) throw new Error(tpr.staff.chooseOutcome);
              await call('resolveCorrection', {
                params: { correctionId: c.correctionId },
                body: { corrected, reply },
              }).catch((e) => {
                throw replyAsText(e);
              });
              setDone(tpr.staff.resolved);
            }}
          />
        </>
      )}
    </View>
  );
}

/** 更正申请: residents' requests to correct their register entry, the nearest deadline first, for the committee to answer. */
export default function CorrectionsPage() {
  const me = useMe();
  const [items, setItems] = useState<OpenCorrection[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { loading, error, track } = useLoading();
  const load = (cursor?: string) =>
    track(async () => {
      const page = await call('listCorrections', { query: { limit: 20, ...(cursor ? { cursor } : {}) } });
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
      setLoaded(true);
    });
  usePageLoad(me, () => load());
  return (
    <Page>
      <View className="vh-title">{tpr.staff.title}</View>
      <View className="vh-hint">{tpr.staff.hint}</View>
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {loaded && !items.length && <View className="vh-empty">{tpr.staff.empty}</View>}
      {items.map((c) => (
        <CorrectionCard key={c.correctionId} c={c} />
      ))}
      {next && (
        <Button id="corrections-more" className="vh-button vh-button-plain" onClick={() => load(next)}>
          {loading ? t.state.loading : tpr.staff.more}
        </Button>
      )}
    </Page>
  );
}
