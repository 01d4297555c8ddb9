import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  type Check,
  type CheckArea,
  checkAreaLabels,
  checkAreas,
  satisfactionLabels,
  type VisitRequest,
} from '../../../../shared/schemas/care';
import { ActionButton } from '../../../components/action';
import { CasePhotos, type DraftPhoto, type PhotosState } from '../../../components/case-photos';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { Page } from '../../../components/page';
import { FieldError } from '../../../components/state';
import { tcare } from '../../../i18n/care';
import { ApiFailure, call, fieldsOf, newIdempotencyKey } from '../../../services/api';

const V = tcare.visit;
type Rating = VisitRequest['satisfaction']['rating'];
type By = VisitRequest['satisfaction']['by'];

/** Now, as a person in the village types a time: 2026-12-01 09:30 (UTC+8). */
const localNow = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
/** "2026-12-01 09:30" in Beijing time, as an instant. */
const parseLocal = (s: string) => {
  const m = s.trim().match(/^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/);
  return m ? `${m[1]}T${m[2].padStart(2, '0')}:${m[3]}:00+08:00` : undefined;
};

/**
 * 登记走访探视, filled in at the person's home: the six areas the plan names, each 正常 or 有问题
 * with what was seen, what the visit found in the visitor's own words, photos, and the person's or
 * family's rating. A visit entered late or repeating an earlier one is flagged by the server.
 */
export default function CareVisitPage() {
  const { params } = useRouter();
  const personId = params.id ?? '';
  const villageId = params.villageId;
  const [when, setWhen] = useState(localNow);
  const [companions, setCompanions] = useState('');
  const [checks, setChecks] = useState<Record<CheckArea, Check>>(
    () => Object.fromEntries(checkAreas.map((a) => [a, { status: 'ok' }])) as Record<CheckArea, Check>,
  );
  const [summary, setSummary] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [photosState, setPhotosState] = useState<PhotosState>('idle');
  const [rating, setRating] = useState<Rating>();
  const [by, setBy] = useState<By>('person');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useRef(newIdempotencyKey());
  const setCheck = (a: CheckArea, c: Partial<Check>) => setChecks((all) => ({ ...all, [a]: { ...all[a], ...c } }));

  const send = async () => {
    if (photosState === 'busy') throw new Error(V.waitPhotos);
    const visitedAt = parseLocal(when);
    if (!visitedAt) {
      setErrors({ visitedAt: V.badTime });
      throw new Error(V.badTime);
    }
    try {
      await call('recordVisit', {
        params: { personId },
        query: { villageId },
        idempotencyKey: key.current,
        body: {
          visitedAt,
          companions: companions.trim() || undefined,
          checks: Object.fromEntries(
            checkAreas.map((a) => [a, { status: checks[a].status, note: checks[a].note?.trim() || undefined }]),
          ) as VisitRequest['checks'],
          summary,
          photos: photos.map((p) => p.photoId),
          satisfaction: { rating: rating as Rating, by },
        },
      });
    } catch (e) {
      if (e instanceof ApiFailure) setErrors(fieldsOf(e));
      throw e;
    }
    setErrors({});
    Taro.navigateBack();
  };

  return (
    <Page>
      <View className="vh-title">{V.title}</View>
      <View className="vh-hint">{V.hint}</View>
      <View className="vh-form">
        <TextField
          id="visit-when"
          label={V.when}
          hint={V.whenHint}
          value={when}
          onChange={setWhen}
          error={errors.visitedAt}
        />
        <TextField
          id="visit-companions"
          label={V.companions}
          value={companions}
          onChange={setCompanions}
          error={errors.companions}
        />
        {checkAreas.map((a) => (
          <View key={a} className="vh-setting-row" id={`check-${a}`}>
            <View className="vh-label">{checkAreaLabels[a]}</View>
            <Choice
              id={`check-${a}-status`}
              options={['ok', 'problem'] as const}
              value={checks[a].status}
              label={(s) => (s === 'ok' ? V.ok : V.problem)}
              onChoose={(status) => setCheck(a, { status })}
            />
            {checks[a].status === 'problem' && (
              <TextField
                id={`check-${a}-note`}
                label={V.note}
                value={checks[a].note ?? ''}
                onChange={(note) => setCheck(a, { note })}
                error={errors[`checks.${a}.note`]}
              />
            )}
          </View>
        ))}
        <TextField
          id="visit-summary"
          label={V.summary}
          hint={V.summaryHint}
          value={summary}
          textarea
          maxlength={1000}
          onChange={setSummary}
          error={errors.summary}
        />
        <View className="vh-label">{V.photos}</View>
        <CasePhotos
          photos={photos}
          onAdd={(p) => setPhotos((ps) => [...ps, p])}
          onRemove={(id) => setPhotos((ps) => ps.filter((p) => p.photoId !== id))}
          onState={setPhotosState}
          error={errors.photos}
        />
        <View className="vh-label">{V.rating}</View>
        <Choice
          id="visit-rating"
          options={['satisfied', 'basically', 'dissatisfied'] as const}
          value={rating}
          label={(r) => satisfactionLabels[r]}
          onChoose={setRating}
        />
        <FieldError message={errors['satisfaction.rating'] ?? errors.satisfaction} />
        <View className="vh-label">{V.by}</View>
        <Choice
          id="visit-by"
          options={['person', 'family'] as const}
          value={by}
          label={(b) => V.byLabels[b]}
          onChoose={setBy}
        />
        <ActionButton id="visit-send" label={V.send} run={send} />
      </View>
    </Page>
  );
}
