import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import { caseStatusLabels } from '../../../../shared/schemas/case';
import { type CorrectionField, correctionFieldLabels, type MyData } from '../../../../shared/schemas/my-data';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tp } from '../../../i18n/privacy';
import { t } from '../../../i18n/zh-CN';
import { call, fieldsOf, messageOf } from '../../../services/api';
import { formatDate, formatDateTime } from '../../../services/format';
import { saveFile } from '../../../services/save-file';
import { session } from '../../../services/session';

const td = tp.data;
const FIELDS = Object.keys(correctionFieldLabels) as CorrectionField[];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <View className="vh-card" id={id}>
      <View className="vh-card-title">{title}</View>
      {children}
    </View>
  );
}
const Row = ({ label, value }: { label: string; value?: string }) => (
  <View className="vh-privacy-para">
    {label}：{value || td.none}
  </View>
);

/** What the village holds about me, shown plainly; the same document is what the download saves. */
function Held({ data }: { data: MyData }) {
  const { person, account } = data;
  return (
    <>
      <Section id="data-account" title={td.account}>
        {account.boundAt && <View className="vh-privacy-para">{td.boundAt(formatDateTime(account.boundAt))}</View>}
        <View className="vh-privacy-para">
          {account.consent
            ? td.consent(formatDate(account.consent.agreedAt), account.consent.policyVersion)
            : td.noConsent}
        </View>
        <View className="vh-privacy-para">{td.inbox(data.inbox.length)}</View>
        <View className="vh-privacy-para">{td.sessions(data.sessions.length)}</View>
      </Section>
      {person && (
        <Section id="data-register" title={td.register}>
          <Row label={td.name} value={person.name} />
          <Row label={td.idNumber} value={person.idNumber} />
          <Row label={td.phone} value={person.phone} />
          <Row label={td.birthDate} value={person.birthDate} />
          <Row label={td.group} value={person.groupName} />
          <Row label={td.household} value={data.household.members.map((m) => m.name).join('、')} />
        </Section>
      )}
      <Section id="data-roles" title={td.roles}>
        {data.roles.map((r) => (
          <View key={`${r.role}-${r.from}`} className="vh-privacy-para">
            {t.roles[r.role]}
            {r.post ? `（${r.post}）` : ''} {td.since(r.from, r.until)}
          </View>
        ))}
      </Section>
      <Section id="data-cases" title={td.cases}>
        {!data.cases.length && <View className="vh-hint">{td.none}</View>}
        {data.cases.map((c) => (
          <View key={c.caseId} className="vh-privacy-para">
            {formatDate(c.submittedAt)} {c.category} · {caseStatusLabels[c.status]}：{c.text}
          </View>
        ))}
      </Section>
      <Section id="data-questions" title={td.questions}>
        {!data.questions.length && <View className="vh-hint">{td.none}</View>}
        {data.questions.map((q) => (
          <View key={q.questionId} className="vh-privacy-para">
            {formatDate(q.askedAt)}《{q.noticeTitle}》：{q.text}
          </View>
        ))}
      </Section>
      <Section id="data-topics" title={td.topics}>
        {!data.topics.length && <View className="vh-hint">{td.none}</View>}
        {data.topics.map((x) => (
          <View key={x.topicId} className="vh-privacy-para">
            {x.title} · {x.voted ? td.voted : td.notVoted}
            {x.secret && <View className="vh-meta">{td.secret}</View>}
          </View>
        ))}
      </Section>
    </>
  );
}

function Correction() {
  const [field, setField] = useState<CorrectionField>('phone');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState('');
  const send = async () => {
    setErrors({});
    try {
      const r = await call('requestCorrection', { body: { field, text } });
      setDone(td.correctDone(formatDate(r.dueBy)));
      setText('');
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  return (
    <Section id="data-correct" title={td.correct}>
      <View className="vh-hint">{td.correctHint}</View>
      <View className="vh-label">{td.correctField}</View>
      <Choice
        id="correct-field"
        wrap
        options={FIELDS}
        value={field}
        label={(f) => correctionFieldLabels[f]}
        onChoose={setField}
      />
      <TextField
        id="correct-text"
        label={td.correctText}
        textarea
        placeholder={td.correctPlaceholder}
        maxlength={300}
        value={text}
        error={errors.text}
        onChange={setText}
      />
      <ActionButton id="correct-submit" label={td.correctSubmit} doneText={done} run={send} />
    </Section>
  );
}

function Leave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const leave = async () => {
    const { confirm } = await Taro.showModal({
      title: td.leave,
      content: td.leaveConfirm,
      confirmText: td.leave,
      confirmColor: '#b00020',
      cancelText: td.cancel,
    });
    if (!confirm || busy) return;
    setBusy(true);
    setError('');
    try {
      await call('deleteMyAccount');
      session.signOut();
      Taro.showToast({ title: td.left, icon: 'none' });
      Taro.reLaunch({ url: '/pages/auth/sign-in/index' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="data-leave" title={td.leave}>
      <View className="vh-hint">{td.leaveHint}</View>
      <Button id="leave" className="vh-button vh-button-danger" disabled={busy || undefined} onClick={leave}>
        {busy ? t.state.sending : td.leave}
      </Button>
      {error && <View className="vh-action-failed">{error}</View>}
    </Section>
  );
}

/** 我的数据: see what is held about me, download it, ask for a correction, or leave. */
export default function MyDataPage() {
  const me = useMe();
  const [data, setData] = useState<MyData>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setData(await call('myData'));
    });
  usePageLoad(me, load);
  return (
    <Page>
      <View className="vh-title">{td.link}</View>
      <View className="vh-hint">{td.hint}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {data && (
        <>
          <ActionButton
            id="data-download"
            label={td.download}
            doneText={td.downloaded}
            run={() =>
              saveFile(
                td.fileName(data.exportedAt.slice(0, 10)),
                JSON.stringify(data, null, 2),
                'application/json;charset=utf-8',
              )
            }
          />
          <Held data={data} />
        </>
      )}
      {me?.person && <Correction />}
      <Leave />
    </Page>
  );
}
