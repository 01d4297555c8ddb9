import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Inquiry, InquirySubject } from '../../../../shared/schemas/inquiry';
import { InquirySubject as Subjects } from '../../../../shared/schemas/inquiry';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { InquiryRow } from '../../../components/inquiry-row';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { SwitchRow } from '../../../components/switch-row';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tov } from '../../../i18n/oversight';
import { call, fieldsOf, newIdempotencyKey } from '../../../services/api';
import { hasRole } from '../../../services/session';

type Filter = 'all' | 'open' | 'overdue' | 'answered';
const filters: readonly Filter[] = ['all', 'open', 'overdue', 'answered'];

/** The form a 监委会 member asks with; opened from a notice it arrives with that notice named. */
function AskForm({ onAsked }: { onAsked: (q: Inquiry) => void }) {
  const { params } = useRouter();
  const fromLink = Subjects.safeParse(params.subject);
  const [subject, setSubject] = useState<InquirySubject>(fromLink.success ? fromLink.data : 'spending');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // One key per inquiry being written: a retry after a dropped network is the same inquiry.
  const key = useRef(newIdempotencyKey());
  const refId = fromLink.success && subject === params.subject ? params.refId : undefined;
  return (
    <View className="vh-card" id="ask-inquiry">
      <View className="vh-card-title">{tov.inquiries.ask}</View>
      <View className="vh-label">{tov.inquiries.subject}</View>
      <Choice
        id="inquiry-subject"
        options={Subjects.options}
        value={subject}
        label={(s) => tov.inquiries.subjects[s]}
        onChoose={setSubject}
        wrap
      />
      {refId && <View className="vh-meta">{tov.inquiries.refersTo(tov.inquiries.subjects[subject])}</View>}
      <TextField
        id="inquiry-title"
        label={tov.inquiries.titleLabel}
        placeholder={tov.inquiries.titlePlaceholder}
        maxlength={80}
        value={title}
        onChange={setTitle}
        error={errors.title}
      />
      <TextField
        id="inquiry-text"
        label={tov.inquiries.textLabel}
        placeholder={tov.inquiries.textPlaceholder}
        textarea
        draft
        maxlength={3000}
        value={text}
        onChange={setText}
        error={errors.text ?? errors.refId}
      />
      <SwitchRow
        id="inquiry-confidential"
        label={tov.inquiries.confidential}
        checked={confidential}
        onChange={setConfidential}
      />
      <ActionButton
        id="inquiry-send"
        label={tov.inquiries.send}
        doneText={tov.inquiries.sent}
        run={async () => {
          setErrors({});
          try {
            const q = await call('askInquiry', {
              body: { subject, refId, title, text, confidential },
              idempotencyKey: key.current,
            });
            key.current = newIdempotencyKey();
            setTitle('');
            setText('');
            onAsked(q);
          } catch (e) {
            setErrors(fieldsOf(e));
            throw e;
          }
        }}
      />
    </View>
  );
}

/** 质询: the village's inquiries (confidential ones only for those who may read them), and the 监委会's form. */
export default function InquiriesPage() {
  const me = useMe();
  const [items, setItems] = useState<Inquiry[]>();
  const [filter, setFilter] = useState<Filter>('all');
  const { loading, error, track } = useLoading();
  const { township, chosen, choose } = useVillageChoice(me);
  const load = (over: { village?: string; status?: Filter } = {}) =>
    track(async () => {
      const status = over.status ?? filter;
      const r = await call('listInquiries', {
        query: { villageId: over.village ?? chosen, status: status === 'all' ? undefined : status },
      });
      setItems(r.items);
    });
  usePageLoad(me, () => load());
  return (
    <Page>
      <VillagePicker
        me={me}
        chosen={chosen}
        onChoose={(id) => {
          choose(id);
          load({ village: id });
        }}
      />
      <View className="vh-title">{tov.inquiries.title}</View>
      <View className="vh-hint">{tov.inquiries.intro}</View>
      {hasRole(me, 'supervisor') && !township && <AskForm onAsked={() => load()} />}
      <Choice
        id="inquiry-filter"
        options={filters}
        value={filter}
        label={(f) => tov.inquiries.filters[f]}
        onChoose={(f) => {
          setFilter(f);
          load({ status: f });
        }}
      />
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {items?.length === 0 && <View className="vh-empty">{tov.inquiries.empty}</View>}
      {items?.map((q) => (
        <InquiryRow key={q.inquiryId} q={q} villageId={chosen} />
      ))}
    </Page>
  );
}
