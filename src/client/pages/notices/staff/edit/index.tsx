import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AmountRow, NoticeCategory, NoticeContent } from '../../../../../shared/schemas/notice';
import { noticeCategories } from '../../../../../shared/schemas/notice';
import { ActionButton } from '../../../../components/action';
import { TextField } from '../../../../components/field';
import { ListEditor } from '../../../../components/list-editor';
import { Page } from '../../../../components/page';
import { FieldError, LoadState } from '../../../../components/state';
import { SwitchRow } from '../../../../components/switch-row';
import { t } from '../../../../i18n/zh-CN';
import { call, fieldsOf, messageOf, newIdempotencyKey } from '../../../../services/api';

/** The form as typed: text boxes hold strings, turned into a notice on submit. */
interface Form {
  category: NoticeCategory;
  title: string;
  body: string;
  from: string;
  until: string;
  major: boolean;
  amounts: { item: string; direction: AmountRow['direction']; amount: string; note: string }[];
  guideItem: string;
  materials: string[];
  timeLimit: string;
  place: string;
  attachments: string[];
  reason: string;
}

const empty: Form = {
  category: 'village',
  title: '',
  body: '',
  from: '',
  until: '',
  major: false,
  amounts: [],
  guideItem: '',
  materials: [],
  timeLimit: '',
  place: '',
  attachments: [],
  reason: '',
};

/** "12.5" → 12.5; an empty box is not zero, so the schema says 金额应为数字. */
const amountOf = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
/** Shown as money once typed: "12.5" → "12.50"; anything else is left for the check to name. */
const twoDecimals = (s: string) => (/^\d+(\.\d{0,2})?$/.test(s.trim()) ? Number(s).toFixed(2) : s);

function toContent(f: Form): NoticeContent {
  return {
    category: f.category,
    title: f.title,
    body: f.body,
    major: f.major,
    period: f.from || f.until ? { from: f.from, until: f.until } : undefined,
    amounts:
      f.category === 'finance'
        ? f.amounts.map((r) => ({
            item: r.item,
            direction: r.direction,
            amountYuan: amountOf(r.amount),
            note: r.note || undefined,
          }))
        : undefined,
    guide:
      f.category === 'service'
        ? { item: f.guideItem, materials: f.materials, timeLimit: f.timeLimit, place: f.place }
        : undefined,
    attachments: f.attachments.map((name) => ({ name })),
  };
}

function fromContent(n: NoticeContent): Form {
  return {
    ...empty,
    category: n.category,
    title: n.title,
    body: n.body,
    major: n.major,
    from: n.period?.from ?? '',
    until: n.period?.until ?? '',
    amounts: (n.amounts ?? []).map((r) => ({
      item: r.item,
      direction: r.direction,
      amount: String(r.amountYuan),
      note: r.note ?? '',
    })),
    guideItem: n.guide?.item ?? '',
    materials: n.guide?.materials ?? [],
    timeLimit: n.guide?.timeLimit ?? '',
    place: n.guide?.place ?? '',
    attachments: n.attachments.map((a) => a.name),
  };
}

/** Old drafts kept on the phone stored lists as one text per line. */
const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split('\n').filter(Boolean) : [];

export default function EditNotice() {
  const { params } = useRouter();
  const noticeId = params.id;
  const correcting = params.mode === 'correct';
  const storageKey = `vh.noticeForm.${noticeId ?? 'new'}.${correcting ? 'correct' : 'edit'}`;
  const [form, setForm] = useState<Form>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(Boolean(noticeId));
  const [loadError, setLoadError] = useState('');
  const [restored, setRestored] = useState(false);
  const [createKey] = useState(newIdempotencyKey());

  useEffect(() => {
    Taro.setNavigationBarTitle({
      title: correcting ? t.edit.correctTitle : noticeId ? t.edit.editTitle : t.edit.newTitle,
    });
    const saved = Taro.getStorageSync(storageKey) as Form | '';
    if (saved) {
      setForm({ ...empty, ...saved, materials: asList(saved.materials), attachments: asList(saved.attachments) });
      setRestored(true);
      setLoading(false);
      return;
    }
    if (noticeId)
      call('getNotice', { params: { noticeId } })
        .then((n) => setForm(fromContent(n)))
        .catch((e) => setLoadError(messageOf(e)))
        .finally(() => setLoading(false));
  }, [noticeId, correcting, storageKey]);

  // Nothing typed is lost if the app closes or the network drops: the form is kept on the phone.
  const update = (patch: Partial<Form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    Taro.setStorageSync(storageKey, next);
  };
  const setRow = (i: number, patch: Partial<Form['amounts'][number]>) =>
    update({ amounts: form.amounts.map((r, k) => (k === i ? { ...r, ...patch } : r)) });

  const submit = async () => {
    setErrors({});
    try {
      const content = toContent(form);
      const saved = correcting
        ? await call('correctNotice', { params: { noticeId: noticeId! }, body: { ...content, reason: form.reason } })
        : noticeId
          ? await call('updateDraft', { params: { noticeId }, body: content })
          : await call('createNotice', { body: content, idempotencyKey: createKey });
      Taro.removeStorageSync(storageKey);
      Taro.redirectTo({ url: `/pages/notices/detail/index?id=${saved.noticeId}` });
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };

  const err = (path: string) => errors[path];
  return (
    <Page>
      <LoadState loading={loading} error={loadError} />
      {restored && (
        <View className="vh-banner" id="draft-restored">
          {t.edit.restored}
          <Text
            id="discard-restored"
            className="vh-link"
            onClick={() => {
              Taro.removeStorageSync(storageKey);
              const again = noticeId ? `?id=${noticeId}${correcting ? '&mode=correct' : ''}` : '';
              Taro.redirectTo({ url: `/pages/notices/staff/edit/index${again}` });
            }}
          >
            {t.edit.discard}
          </Text>
        </View>
      )}
      {!loading && !loadError && (
        <View className="vh-form">
          <View className="vh-label">{t.edit.category}</View>
          <View className="vh-tabs" id="notice-category">
            {noticeCategories.map((c) => (
              <View
                key={c}
                id={`category-${c}`}
                className={`vh-tab ${form.category === c ? 'vh-tab-on' : ''}`}
                onClick={() => update({ category: c })}
              >
                {t.categories[c]}
              </View>
            ))}
          </View>
          <FieldError message={err('category')} />

          <TextField
            id="notice-title"
            label={t.edit.title}
            value={form.title}
            maxlength={80}
            error={err('title')}
            onChange={(title) => update({ title })}
          />

          <TextField
            id="notice-body"
            label={t.edit.body}
            textarea
            tall
            value={form.body}
            maxlength={10000}
            error={err('body')}
            onChange={(body) => update({ body })}
          />

          <View className="vh-row">
            <Picker mode="date" value={form.from} onChange={(e) => update({ from: e.detail.value })}>
              <View className="vh-picker" id="period-from">
                {t.edit.periodFrom}：{form.from || '—'}
              </View>
            </Picker>
            <Picker mode="date" value={form.until} onChange={(e) => update({ until: e.detail.value })}>
              <View className="vh-picker" id="period-until">
                {t.edit.periodUntil}：{form.until || '—'}
              </View>
            </Picker>
          </View>
          {(form.from || form.until) && (
            <Text className="vh-link" onClick={() => update({ from: '', until: '' })}>
              {t.edit.clearPeriod}
            </Text>
          )}
          <FieldError message={err('period.from') ?? err('period.until') ?? err('period')} />

          <SwitchRow
            id="notice-major"
            label={t.edit.major}
            checked={form.major}
            onChange={(major) => update({ major })}
          />

          {form.category === 'finance' && (
            <View className="vh-card">
              <View className="vh-card-title">{t.edit.amounts}</View>
              {form.amounts.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                <View className="vh-amount-edit" key={i}>
                  <TextField
                    id={`amount-item-${i}`}
                    placeholder={t.edit.item}
                    value={r.item}
                    error={err(`amounts.${i}.item`)}
                    onChange={(item) => setRow(i, { item })}
                  />
                  <View className="vh-row">
                    <View
                      id={`amount-income-${i}`}
                      className={`vh-segment ${r.direction === 'income' ? 'vh-segment-on' : ''}`}
                      onClick={() => setRow(i, { direction: 'income' })}
                    >
                      {t.detail.income}
                    </View>
                    <View
                      id={`amount-expense-${i}`}
                      className={`vh-segment ${r.direction === 'expense' ? 'vh-segment-on' : ''}`}
                      onClick={() => setRow(i, { direction: 'expense' })}
                    >
                      {t.detail.expense}
                    </View>
                    <Input
                      id={`amount-value-${i}`}
                      className="vh-input"
                      type="digit"
                      placeholder={t.edit.amount}
                      value={r.amount}
                      onInput={(e) => setRow(i, { amount: e.detail.value })}
                      onBlur={() => setRow(i, { amount: twoDecimals(r.amount) })}
                    />
                  </View>
                  <FieldError message={err(`amounts.${i}.amountYuan`) ?? err(`amounts.${i}.direction`)} />
                  <TextField
                    id={`amount-note-${i}`}
                    placeholder={t.edit.note}
                    value={r.note}
                    error={err(`amounts.${i}.note`)}
                    onChange={(note) => setRow(i, { note })}
                  />
                  <Text
                    id={`amount-remove-${i}`}
                    className="vh-link"
                    onClick={() => update({ amounts: form.amounts.filter((_, k) => k !== i) })}
                  >
                    {t.edit.removeRow}
                  </Text>
                </View>
              ))}
              <Button
                id="add-amount"
                className="vh-button vh-button-plain"
                onClick={() =>
                  update({ amounts: [...form.amounts, { item: '', direction: 'expense', amount: '', note: '' }] })
                }
              >
                {t.edit.addRow}
              </Button>
              <FieldError message={err('amounts')} />
            </View>
          )}

          {form.category === 'service' && (
            <View className="vh-card">
              <TextField
                id="guide-item"
                label={t.edit.guideItem}
                value={form.guideItem}
                error={err('guide.item')}
                onChange={(guideItem) => update({ guideItem })}
              />
              <View className="vh-label">{t.edit.materials}</View>
              <ListEditor
                removeLabel={t.edit.removeRow}
                id="guide-material"
                items={form.materials}
                onChange={(materials) => update({ materials })}
                placeholder={t.edit.material}
                addLabel={t.edit.addMaterial}
                errorAt={(i) => err(`guide.materials.${i}`)}
              />
              <FieldError message={err('guide.materials')} />
              <TextField
                label={t.edit.timeLimit}
                value={form.timeLimit}
                error={err('guide.timeLimit')}
                onChange={(timeLimit) => update({ timeLimit })}
              />
              <TextField
                label={t.edit.place}
                value={form.place}
                error={err('guide.place') ?? err('guide')}
                onChange={(place) => update({ place })}
              />
            </View>
          )}

          <View className="vh-label">{t.edit.attachments}</View>
          <ListEditor
            removeLabel={t.edit.removeRow}
            id="attachment"
            items={form.attachments}
            onChange={(attachments) => update({ attachments })}
            placeholder={t.edit.attachmentName}
            addLabel={t.edit.addAttachment}
            errorAt={(i) => err(`attachments.${i}.name`)}
          />
          <FieldError message={err('attachments')} />

          {correcting && (
            <View>
              <TextField
                id="correction-reason"
                label={t.edit.reason}
                textarea
                value={form.reason}
                error={err('reason')}
                onChange={(reason) => update({ reason })}
              />
            </View>
          )}
          <ActionButton id="save-notice" label={correcting ? t.edit.saveCorrection : t.edit.save} run={submit} />
        </View>
      )}
    </Page>
  );
}
