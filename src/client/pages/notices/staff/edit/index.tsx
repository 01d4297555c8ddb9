import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { Notice, NoticeCategory, NoticeContent } from '../../../../../shared/schemas/notice';
import { noticeCategories } from '../../../../../shared/schemas/notice';
import { ActionButton } from '../../../../components/action';
import { TextField } from '../../../../components/field';
import { fromLine, LedgerEditor, type LedgerRow, toLine } from '../../../../components/ledger-editor';
import { ListEditor } from '../../../../components/list-editor';
import { type EditFile, NoticeFilesEditor } from '../../../../components/notice-files';
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
  ledger: LedgerRow[];
  guideItem: string;
  materials: string[];
  timeLimit: string;
  place: string;
  attachments: EditFile[];
  reason: string;
}

const empty: Form = {
  category: 'village',
  title: '',
  body: '',
  from: '',
  until: '',
  major: false,
  ledger: [],
  guideItem: '',
  materials: [],
  timeLimit: '',
  place: '',
  attachments: [],
  reason: '',
};

function toContent(f: Form): NoticeContent {
  return {
    category: f.category,
    title: f.title,
    body: f.body,
    major: f.major,
    period: f.from || f.until ? { from: f.from, until: f.until } : undefined,
    ledger: f.category === 'finance' ? f.ledger.map(toLine) : undefined,
    guide:
      f.category === 'service'
        ? { item: f.guideItem, materials: f.materials, timeLimit: f.timeLimit, place: f.place }
        : undefined,
    attachments: f.attachments.map(({ fileId, name }) => ({ fileId, name })),
  };
}

function fromContent(n: Notice): Form {
  return {
    ...empty,
    category: n.category,
    title: n.title,
    body: n.body,
    major: n.major,
    from: n.period?.from ?? '',
    until: n.period?.until ?? '',
    ledger: (n.ledger ?? []).map(fromLine),
    guideItem: n.guide?.item ?? '',
    materials: n.guide?.materials ?? [],
    timeLimit: n.guide?.timeLimit ?? '',
    place: n.guide?.place ?? '',
    attachments: n.attachments.map(({ fileId, name, contentType, size }) => ({ fileId, name, contentType, size })),
  };
}

/** Drafts kept on the phone before files were real held names only: those cannot be sent, so they are dropped. */
const filesOf = (v: unknown): EditFile[] =>
  Array.isArray(v) ? v.filter((f): f is EditFile => typeof f === 'object' && f !== null && 'fileId' in f) : [];

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
      setForm({ ...empty, ...saved, materials: asList(saved.materials), attachments: filesOf(saved.attachments) });
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
            <LedgerEditor
              rows={form.ledger}
              onChange={(ledger) => update({ ledger })}
              defaultDate={form.from || dayjs().format('YYYY-MM-DD')}
              err={err}
            />
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
          <NoticeFilesEditor
            files={form.attachments}
            onChange={(attachments) => update({ attachments })}
            errorAt={(i) => err(`attachments.${i}.name`) ?? err(`attachments.${i}.fileId`)}
            error={err('attachments')}
          />

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
