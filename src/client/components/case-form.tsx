import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import {
  type Case,
  CaseAbout,
  type CaseKind,
  type CaseSummary,
  type CategoryList,
  type MeetingAsked,
  type SubmitCaseRequest,
} from '../../shared/schemas/case';
import type { Me } from '../../shared/schemas/person';
import { tc } from '../i18n/cases';
import { ApiFailure, call, fieldsOf, messageOf, newIdempotencyKey } from '../services/api';
import { draftStorageKey } from '../services/drafts';
import { ActionButton } from './action';
import { CasePhotos, type DraftPhoto, type PhotosState } from './case-photos';
import { Choice } from './choice';
import { TextField } from './field';
import { FieldError, LoadState } from './state';
import { SwitchRow } from './switch-row';

type Category = z.infer<typeof CategoryList>['items'][number];
type Similar = CaseSummary & { similarity: number };
export type OnBehalfOf = NonNullable<SubmitCaseRequest['onBehalfOf']>;

/** The form as typed, kept on the phone until it is sent. */
interface Draft {
  kind?: CaseKind;
  categoryId?: string;
  text: string;
  place: string;
  /** Optional: sent sealed, for the handlers only (public text refuses phones). */
  contactPhone?: string;
  anonymous: boolean;
  about?: CaseAbout;
  asksFor?: MeetingAsked;
  photos: DraftPhoto[];
  /** One Idempotency-Key per draft: a retry after the network dropped is the same case, never a second one. */
  key: string;
}

const emptyDraft = (): Draft => ({ text: '', place: '', anonymous: false, photos: [], key: newIdempotencyKey() });
const typedSomething = (d: Draft) =>
  Boolean(d.kind || d.categoryId || d.text.trim() || d.place.trim() || d.photos.length);
/** An upload nobody attaches within a day is forgotten by the server: older photos are dropped from a restored draft. */
const PHOTO_LIFE_MS = 23 * 3_600_000;
const SIMILAR_AFTER_CHARS = 8;
const SIMILAR_DELAY_MS = 600;

const NONE = 'none';
const aboutOptions = [NONE, ...CaseAbout.options] as const;
const asksForOptions = [NONE, 'villagers_meeting', 'representatives_assembly'] as const;

export interface CaseFormProps {
  /** Who is signed in: the draft is kept per person. */
  me: Me;
  /** Which draft on this phone: the resident's own ('own'), or another for a staff proxy entry. */
  draftSlot?: string;
  /** Shown above the form's own fields, e.g. whom a staff member enters this for and how they met. */
  above?: ReactNode;
  /** A proxy entry (代为录入): added to the request. */
  onBehalfOf?: OnBehalfOf;
  /** When true the form will not send without `onBehalfOf` (a proxy page must never submit as the staff member). */
  proxy?: boolean;
  /** After a successful submit (the draft already cleared); by default the case's page opens. */
  onSubmitted?: (c: Case) => void;
  /** The server's word about each field, for fields the parent shows (`onBehalfOf.personId`, …). */
  onErrors?: (fields: Record<string, string>) => void;
}

/**
 * 提建议 / 反映诉求: kind, category, text, place, photos and who may see it. Everything
 * typed is kept on the phone (per signed-in person) until the server has it, so a
 * dropped network or a closed app loses nothing, and a retry carries the draft's one
 * Idempotency-Key. While a suggestion is typed, similar open ones are offered to
 * second (附议) instead.
 */
export function CaseForm({
  me,
  draftSlot = 'own',
  above,
  onBehalfOf,
  proxy = false,
  onSubmitted,
  onErrors,
}: CaseFormProps) {
  const personId = me.person?.personId ?? 'nobody';
  const storageKey = draftStorageKey(personId, draftSlot);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const latest = useRef(draft);
  const [restored, setRestored] = useState(false);
  const [expired, setExpired] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [photosState, setPhotosState] = useState<PhotosState>('idle');
  const [photosKey, setPhotosKey] = useState(0);
  const [categories, setCategories] = useState<Category[]>([]);
  const [categoriesLoading, setCategoriesLoading] = useState(true);
  const [categoriesError, setCategoriesError] = useState('');
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [secondError, setSecondError] = useState('');

  // The draft this person left on this phone, if any.
  useEffect(() => {
    const saved = Taro.getStorageSync(storageKey) as Draft | '';
    if (!saved || typeof saved !== 'object') {
      const fresh = emptyDraft();
      latest.current = fresh;
      setDraft(fresh);
      setRestored(false);
      return;
    }
    const now = Date.now();
    const photos = (saved.photos ?? []).filter((p) => now - Date.parse(p.uploadedAt) < PHOTO_LIFE_MS);
    const next: Draft = { ...emptyDraft(), ...saved, photos, key: saved.key || newIdempotencyKey() };
    latest.current = next;
    setDraft(next);
    setExpired(photos.length < (saved.photos ?? []).length);
    setRestored(typedSomething(next));
    if (photos.length !== (saved.photos ?? []).length) Taro.setStorageSync(storageKey, next);
  }, [storageKey]);

  const loadCategories = () => {
    setCategoriesLoading(true);
    setCategoriesError('');
    call('caseCategories')
      .then((r) => setCategories(r.items))
      .catch((e) => setCategoriesError(messageOf(e)))
      .finally(() => setCategoriesLoading(false));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per signed-in person
  useEffect(loadCategories, [personId]);

  /** Every change is written to the phone at once; async changes (a photo arriving) build on the newest draft. */
  const update = (patch: Partial<Draft>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    Taro.setStorageSync(storageKey, next);
  };

  // 相似的建议: asked for once typing pauses, suggestions only; an older answer never replaces a newer one.
  const asked = useRef(0);
  useEffect(() => {
    const text = draft.text.trim();
    const n = ++asked.current;
    if (draft.kind !== 'suggestion' || text.length < SIMILAR_AFTER_CHARS) {
      setSimilar([]);
      return;
    }
    const timer = setTimeout(() => {
      call('similarCases', { query: { text } })
        .then((r) => n === asked.current && setSimilar(r.items))
        .catch(() => undefined); // only a hint: the form works without it
    }, SIMILAR_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft.text, draft.kind]);

  const category = categories.find((c) => c.categoryId === draft.categoryId);
  const err = (path: string) =>
    Object.entries(errors).find(([k]) => k === path || k.startsWith(`${path}.`) || k.startsWith(`${path}[`))?.[1];
  const showErrors = (fields: Record<string, string>) => {
    setErrors(fields);
    onErrors?.(fields);
  };

  const discard = async () => {
    const { confirm } = await Taro.showModal({
      title: tc.form.discard,
      content: tc.form.discardConfirm,
      confirmText: tc.form.confirm,
      cancelText: tc.form.cancel,
    });
    if (!confirm) return;
    Taro.removeStorageSync(storageKey);
    const fresh = emptyDraft();
    latest.current = fresh;
    setDraft(fresh);
    setRestored(false);
    setExpired(false);
    setErrors({});
    setPhotosKey((k) => k + 1); // photos still on their way are dropped too
  };

  const requestOf = (d: Draft): z.input<typeof SubmitCaseRequest> => {
    const petition = d.kind === 'petition';
    return {
      kind: d.kind as CaseKind,
      categoryId: d.categoryId as string,
      text: d.text,
      place: d.place.trim() || undefined,
      contactPhone: d.contactPhone?.trim() || undefined,
      photos: d.photos.map((p) => p.photoId),
      anonymous: d.anonymous,
      about: petition && d.about ? { kind: d.about } : undefined,
      asksFor: petition ? d.asksFor : undefined,
      onBehalfOf,
    };
  };

  const submit = async () => {
    if (photosState === 'busy') throw new Error(tc.form.waitPhotos);
    if (photosState === 'failed') throw new Error(tc.form.photosFailed);
    if (proxy && !onBehalfOf) {
      showErrors({ onBehalfOf: tc.form.proxyMissing });
      throw new Error(tc.form.proxyMissing);
    }
    showErrors({});
    const d = latest.current;
    try {
      const c = await call('submitCase', { body: requestOf(d), idempotencyKey: d.key });
      Taro.removeStorageSync(storageKey);
      const fresh = emptyDraft();
      latest.current = fresh;
      setDraft(fresh);
      setRestored(false);
      if (onSubmitted) onSubmitted(c);
      else Taro.redirectTo({ url: `/pages/cases/detail/index?id=${c.caseId}` });
    } catch (e) {
      showErrors(fieldsOf(e));
      throw e;
    }
  };

  /** 我也支持: second the similar suggestion instead of writing a new one, and go to it. */
  const second = async (s: Similar) => {
    setSecondError('');
    try {
      await call('secondCase', { params: { caseId: s.caseId } });
    } catch (e) {
      // Seconded already, or one's own: going to it is still what was wanted.
      if (!(e instanceof ApiFailure && e.status === 409)) {
        setSecondError(messageOf(e));
        return;
      }
    }
    Taro.removeStorageSync(storageKey);
    Taro.redirectTo({ url: `/pages/cases/detail/index?id=${s.caseId}` });
  };

  const kind = draft.kind;
  return (
    <View className="vh-form" id="case-form">
      {restored && (
        <View className="vh-banner" id="case-draft-restored">
          {tc.form.restored}
          <Text id="case-draft-discard" className="vh-link" onClick={discard}>
            {tc.form.discard}
          </Text>
        </View>
      )}
      {expired && <View className="vh-banner vh-banner-withdrawn">{tc.photos.expired}</View>}
      {above}

      <View className="vh-label">{tc.form.kind}</View>
      <Choice
        id="case-kind"
        options={['suggestion', 'petition'] as const}
        value={kind}
        label={(k) => tc.kinds[k]}
        onChoose={(k) => update({ kind: k })}
      />
      {kind && (
        <View className="vh-hint" id="case-kind-hint">
          {tc.kindHints[kind]}
        </View>
      )}
      <FieldError message={err('kind')} />

      {kind && (
        <>
          <View className="vh-label">{tc.form.category}</View>
          <LoadState loading={categoriesLoading} error={categoriesError} onRetry={loadCategories} />
          <Choice
            id="case-category"
            wrap
            options={categories.map((c) => c.categoryId)}
            value={draft.categoryId}
            label={(id) => categories.find((c) => c.categoryId === id)?.label ?? id}
            onChoose={(categoryId) => update({ categoryId })}
          />
          <FieldError message={err('categoryId')} />
          {category?.care && (
            <View className="vh-banner" id="case-care-note">
              {tc.form.care}
            </View>
          )}

          <TextField
            id="case-text"
            label={tc.form.text}
            textarea
            tall
            placeholder={tc.form.textPlaceholder[kind]}
            value={draft.text}
            maxlength={2000}
            error={err('text')}
            onChange={(text) => update({ text })}
          />

          {similar.length > 0 && (
            <View className="vh-card" id="similar-cases">
              <View className="vh-card-title">{tc.form.similar}</View>
              <View className="vh-hint">{tc.form.similarHint}</View>
              {similar.map((s) => (
                <View key={s.caseId} className="vh-question vh-similar" id={`similar-${s.caseId}`}>
                  <View className="vh-notice-row-meta">
                    <Text className="vh-badge">{s.categoryLabel}</Text>
                    <Text className="vh-badge">{tc.status[s.status]}</Text>
                    <Text className="vh-meta">{tc.list.seconds(s.seconds)}</Text>
                  </View>
                  <Text className="vh-body" style={{ margin: '6px 0' }}>
                    {s.text.length > 80 ? `${s.text.slice(0, 80)}…` : s.text}
                  </Text>
                  {!proxy && (
                    <Button
                      id={`second-similar-${s.caseId}`}
                      className="vh-button vh-button-primary"
                      onClick={() => second(s)}
                    >
                      {tc.form.secondThis}
                    </Button>
                  )}
                </View>
              ))}
              <FieldError message={secondError} />
            </View>
          )}

          <TextField
            id="case-place"
            label={tc.form.place}
            placeholder={tc.form.placePlaceholder}
            value={draft.place}
            maxlength={60}
            error={err('place')}
            onChange={(place) => update({ place })}
          />
          <TextField
            id="case-contact-phone"
            label={tc.form.contactPhone}
            hint={tc.form.contactPhoneHint}
            placeholder={tc.form.contactPhonePlaceholder}
            value={draft.contactPhone ?? ''}
            maxlength={20}
            error={err('contactPhone')}
            onChange={(contactPhone) => update({ contactPhone })}
          />

          <View className="vh-label">{tc.form.photos}</View>
          <CasePhotos
            key={photosKey}
            photos={draft.photos}
            onAdd={(p) => update({ photos: [...latest.current.photos, p] })}
            onRemove={(id) => update({ photos: latest.current.photos.filter((p) => p.photoId !== id) })}
            onState={setPhotosState}
            error={err('photos')}
          />

          {kind === 'suggestion' ? (
            <View className="vh-card" id="case-visibility">
              {!category?.care && <View className="vh-hint">{tc.form.publicNote}</View>}
              <SwitchRow
                id="case-anonymous"
                label={tc.form.anonymousSuggestion}
                checked={draft.anonymous}
                onChange={(anonymous) => update({ anonymous })}
              />
              <View className="vh-hint">{tc.form.anonymousSuggestionHint}</View>
              <FieldError message={err('anonymous') ?? err('public')} />
            </View>
          ) : (
            <View className="vh-card" id="case-visibility">
              <View className="vh-hint">{tc.form.privateNote}</View>
              <SwitchRow
                id="case-anonymous"
                label={tc.form.anonymousPetition}
                checked={draft.anonymous}
                onChange={(anonymous) => update({ anonymous })}
              />
              <FieldError message={err('anonymous') ?? err('public')} />

              <View className="vh-label">{tc.form.aboutTitle}</View>
              <Choice
                id="case-about"
                wrap
                options={aboutOptions}
                value={draft.about ?? NONE}
                label={(o) => (o === NONE ? tc.form.aboutNone : tc.about[o])}
                onChoose={(o) => update({ about: o === NONE ? undefined : o })}
              />
              {draft.about && (
                <View className="vh-banner" id="case-about-note">
                  {tc.form.aboutNote}
                </View>
              )}
              <FieldError message={err('about')} />

              <View className="vh-label">{tc.form.asksForTitle}</View>
              <Choice
                id="case-asks-for"
                wrap
                options={asksForOptions}
                value={draft.asksFor ?? NONE}
                label={(o) => (o === NONE ? tc.form.asksForNone : tc.meetings[o])}
                onChoose={(o) => update({ asksFor: o === NONE ? undefined : o })}
              />
              {draft.asksFor && (
                <View className="vh-banner" id="case-asks-for-note">
                  {tc.form.asksForNote}
                </View>
              )}
              <FieldError message={err('asksFor')} />
            </View>
          )}
        </>
      )}

      <ActionButton id="submit-case" label={tc.form.submit} doneText={tc.form.submitted} run={submit} />
    </View>
  );
}
