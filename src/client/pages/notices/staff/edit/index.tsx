import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AmountRow, NoticeCategory, NoticeContent } from '../../../../../shared/schemas/notice';
import { noticeCategories } from '../../../../../shared/schemas/notice';
import { ActionButton } from '../../../../components/action';
import { Page } from '../../../../components/page';
import { FieldError, LoadState } from '../../../../components/state';
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
  materials: string;
  timeLimit: string;
  place: string;
  attachments: string;
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
  materials: '',
  timeLimit: '',
  place: '',
  attachments: '',
  reason: '',
};

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

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
            amountYuan: Number(r.amount),
            note: r.note || undefined,
          }))
        : undefined,
    guide:
      f.category === 'service'
        ? { item: f.guideItem, materials: lines(f.materials), timeLimit: f.timeLimit, place: f.place }
        : undefined,
    attachments: lines(f.attachments).map((name) => ({ name })),
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
    materials: (n.guide?.materials ?? []).join('\n'),
    timeLimit: n.guide?.timeLimit ?? '',
    place: n.guide?.place ?? '',
    attachments: n.attachments.map((a) => a.name).join('\n'),
  };
}

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
      setForm(saved);
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
      {restored && <View className="vh-banner">{t.edit.restored}</View>}
      {!loading && !loadError && (
        <View className="vh-form">
          <View className="vh-label">{t.edit.category}</View>
          <Picker
            mode="selector"
            range={noticeCategories.map((c) => t.categories[c])}
            value={noticeCategories.indexOf(form.category)}
            onChange={(e) => update({ category: noticeCategories[Number(e.detail.value)] })}
          >
            <View className="vh-picker" id="notice-category">
              {t.categories[form.category]}
            </View>
          </Picker>
          <FieldError message={err('category')} />

          <View className="vh-label">{t.edit.title}</View>
          <Input
            id="notice-title"
            className="vh-input"
            value={form.title}
            maxlength={80}
            onInput={(e) => update({ title: e.detail.value })}
          />
          <FieldError message={err('title')} />

          <View className="vh-label">{t.edit.body}</View>
          <Textarea
            id="notice-body"
            className="vh-textarea vh-textarea-tall"
            value={form.body}
            maxlength={10000}
            onInput={(e) => update({ body: e.detail.value })}
          />
          <FieldError message={err('body')} />

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

          <View className="vh-setting">
            <Text>{t.edit.major}</Text>
            <Switch checked={form.major} onChange={(e) => update({ major: e.detail.value })} color="#a31515" />
          </View>

          {form.category === 'finance' && (
            <View className="vh-card">
              <View className="vh-card-title">{t.edit.amounts}</View>
              {form.amounts.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                <View className="vh-amount-edit" key={i}>
                  <Input
                    className="vh-input"
                    placeholder={t.edit.item}
                    value={r.item}
                    onInput={(e) => setRow(i, { item: e.detail.value })}
                  />
                  <View className="vh-row">
                    <View
                      className={`vh-segment ${r.direction === 'income' ? 'vh-segment-on' : ''}`}
                      onClick={() => setRow(i, { direction: 'income' })}
                    >
                      {t.detail.income}
                    </View>
                    <View
                      className={`vh-segment ${r.direction === 'expense' ? 'vh-segment-on' : ''}`}
                      onClick={() => setRow(i, { direction: 'expense' })}
                    >
                      {t.detail.expense}
                    </View>
                    <Input
                      className="vh-input"
                      type="digit"
                      placeholder={t.edit.amount}
                      value={r.amount}
                      onInput={(e) => setRow(i, { amount: e.detail.value })}
                    />
                  </View>
                  <Input
                    className="vh-input"
                    placeholder={t.edit.note}
                    value={r.note}
                    onInput={(e) => setRow(i, { note: e.detail.value })}
                  />
                  <FieldError
                    message={err(`amounts.${i}.item`) ?? err(`amounts.${i}.amountYuan`) ?? err(`amounts.${i}.note`)}
                  />
                  <Text className="vh-link" onClick={() => update({ amounts: form.amounts.filter((_, k) => k !== i) })}>
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
              <View className="vh-label">{t.edit.guideItem}</View>
              <Input
                id="guide-item"
                className="vh-input"
                value={form.guideItem}
                onInput={(e) => update({ guideItem: e.detail.value })}
              />
              <FieldError message={err('guide.item')} />
              <View className="vh-label">{t.edit.materials}</View>
              <Textarea
                className="vh-textarea"
                value={form.materials}
                onInput={(e) => update({ materials: e.detail.value })}
              />
              <View className="vh-label">{t.edit.timeLimit}</View>
              <Input
                className="vh-input"
                value={form.timeLimit}
                onInput={(e) => update({ timeLimit: e.detail.value })}
              />
              <FieldError message={err('guide.timeLimit')} />
              <View className="vh-label">{t.edit.place}</View>
              <Input className="vh-input" value={form.place} onInput={(e) => update({ place: e.detail.value })} />
              <FieldError message={err('guide.place') ?? err('guide')} />
            </View>
          )}

          <View className="vh-label">{t.edit.attachments}</View>
          <Textarea
            className="vh-textarea"
            value={form.attachments}
            onInput={(e) => update({ attachments: e.detail.value })}
          />
          <FieldError message={err('attachments')} />

          {correcting && (
            <View>
              <View className="vh-label">{t.edit.reason}</View>
              <Textarea
                id="correction-reason"
                className="vh-textarea"
                value={form.reason}
                onInput={(e) => update({ reason: e.detail.value })}
              />
              <FieldError message={err('reason')} />
            </View>
          )}
          <ActionButton id="save-notice" label={correcting ? t.edit.saveCorrection : t.edit.save} run={submit} />
        </View>
      )}
    </Page>
  );
}
