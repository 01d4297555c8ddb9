import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Case, Rating } from '../../../../shared/schemas/case';
import { ActionButton } from '../../../components/action';
import { Choice } from '../../../components/choice';
import { TextField } from '../../../components/field';
import { FieldError } from '../../../components/state';
import { tc } from '../../../i18n/cases';
import { call, fieldsOf } from '../../../services/api';

/** "服务谁、谁评价": the petitioner rates the answer; 不满意 reopens it or sends it to the township. */
export function RateForm({ c, onRated }: { c: Case; onRated: (c: Case) => void }) {
  const [rating, setRating] = useState<Rating>();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async () => {
    if (!rating) {
      setErrors({ rating: tc.detail.rateChoose });
      throw new Error(tc.detail.rateChoose);
    }
    setErrors({});
    try {
      onRated(
        await call('rateCase', {
          params: { caseId: c.caseId },
          body: { rating, comment: comment.trim() || undefined },
        }),
      );
    } catch (e) {
      setErrors(fieldsOf(e));
      throw e;
    }
  };
  return (
    <View className="vh-card" id="case-rate">
      <View className="vh-card-title">{tc.detail.rate}</View>
      <View className="vh-hint">{tc.detail.rateHint}</View>
      <Choice
        id="rating"
        options={['satisfied', 'basically', 'unsatisfied'] as const}
        value={rating}
        label={(r) => tc.ratings[r]}
        onChoose={setRating}
      />
      <FieldError message={errors.rating} />
      <TextField
        id="rate-comment"
        label={tc.detail.rateComment}
        textarea
        placeholder={tc.detail.rateCommentPlaceholder}
        value={comment}
        maxlength={500}
        error={errors.comment}
        onChange={setComment}
      />
      <ActionButton id="send-rating" label={tc.detail.rateSend} doneText={tc.detail.rateDone} run={send} />
    </View>
  );
}
