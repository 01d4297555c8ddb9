import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Rating } from '../../../../shared/schemas/case';
import type { MyNoticeRating, NoticeRatings } from '../../../../shared/schemas/notice';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { FieldError } from '../../../components/state';
import { tc } from '../../../i18n/cases';
import { tw } from '../../../i18n/township';
import { call, fieldsOf } from '../../../services/api';

const R = tw.rating;
const scale = ['satisfied', 'basically', 'unsatisfied'] as const;
const COLORS: Record<Rating, string> = { satisfied: '#2e7d32', basically: '#f9a825', unsatisfied: '#b00020' };

/** 一满意: a resident rates a published notice once; afterwards they see what they chose. */
export function RateNotice({ noticeId }: { noticeId: string }) {
  const [mine, setMine] = useState<MyNoticeRating>();
  const [rating, setRating] = useState<Rating>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    call('myNoticeRating', { params: { noticeId } }).then(setMine, () => undefined);
  }, [noticeId]);
  if (!mine) return null;
  if (mine.rating)
    return (
      <View className="vh-card" id="notice-rating">
        <View className="vh-subtitle" id="notice-rating-mine">
          {R.mine(tc.ratings[mine.rating])}
        </View>
        {mine.reason && <View className="vh-meta">{mine.reason}</View>}
      </View>
    );
  const send = async () => {
    if (!rating) {
      setErrors({ rating: R.choose });
      throw new Error(R.choose);
    }
    setErrors({});
    try {
      setMine(await call('rateNotice', { params: { noticeId }, body: { rating, reason: reason.trim() || undefined } }));
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  return (
    <View className="vh-card" id="notice-rating">
      <View className="vh-card-title">{R.title}</View>
      <View className="vh-hint">{R.hint}</View>
      <Choice
        id="notice-rating-choice"
        options={scale}
        value={rating}
        label={(r) => tc.ratings[r]}
        onChoose={setRating}
      />
      <FieldError message={errors.rating} />
      <TextField
        id="notice-rating-reason"
        label={R.reason}
        textarea
        placeholder={R.reasonPlaceholder}
        value={reason}
        maxlength={500}
        error={errors.reason}
        onChange={setReason}
      />
      <ActionButton id="notice-rating-send" label={R.send} doneText={R.done} run={send} />
    </View>
  );
}

/** What staff, the 监委会 and the township see: how many chose each, and the reasons given; never who. */
export function NoticeRatingCounts({ noticeId, villageId }: { noticeId: string; villageId?: string }) {
  const [data, setData] = useState<NoticeRatings>();
  useEffect(() => {
    call('noticeRatings', { params: { noticeId }, query: { villageId } }).then(setData, () => undefined);
  }, [noticeId, villageId]);
  if (!data) return null;
  return (
    <View className="vh-card" id="notice-ratings">
      <View className="vh-card-title">{R.staffTitle}</View>
      <View className="vh-hint">{R.staffHint}</View>
      {data.total === 0 ? (
        <View className="vh-meta">{R.none}</View>
      ) : (
        <View>
          <View id="notice-ratings-total">
            {R.total(data.total)} <Text style={{ fontWeight: 'bold' }}>{R.percent(data.satisfactionRate)}</Text>
          </View>
          {scale.map((k) => (
            <View key={k} id={`notice-ratings-${k}`} style={{ margin: '8px 0' }}>
              <View className="vh-row" style={{ justifyContent: 'space-between' }}>
                <Text>{tc.ratings[k]}</Text>
                <Text style={{ fontWeight: 'bold' }}>{R.count(data.counts[k])}</Text>
              </View>
              <View style={{ background: '#eee', borderRadius: '6px', height: '16px', overflow: 'hidden' }}>
                <View
                  style={{ background: COLORS[k], width: `${(data.counts[k] / data.total) * 100}%`, height: '100%' }}
                />
              </View>
            </View>
          ))}
          {data.reasons.length > 0 && <View className="vh-label">{R.reasons}</View>}
          {data.reasons.map((r, i) => (
            // Reasons come in no meaningful order and name no one: the index is their only key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <View key={i} className="vh-question">
              <Text className="vh-badge">{tc.ratings[r.rating]}</Text> {r.reason}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
