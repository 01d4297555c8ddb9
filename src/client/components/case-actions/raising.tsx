import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Case, meetingLabels } from '../../../shared/schemas/case';
import { call, newIdempotencyKey } from '../../services/api';
import { ActionButton } from '../action';
import { TextField } from '../field';
import { TopicForm } from '../topic-form';
import { A, type Errors, type FormProps, params } from './form';

/** 转为议题: a short topic form, its background taken from the suggestion; saved as a draft, then opened. */
export function TopicFromCase({ c, onChanged }: { c: Case; onChanged: (c: Case) => void }) {
  const [key] = useState(newIdempotencyKey());
  return (
    <View id="case-topic-form">
      <View className="vh-hint">{A.topic.hint}</View>
      <TopicForm
        compact
        background={c.text}
        backgroundLabel={A.topic.background}
        closesInDays={7}
        submitId="case-form-submit"
        submitLabel={A.topic.submit}
        save={async (body) => {
          const topic = await call('caseToTopic', { ...params(c), idempotencyKey: key, body });
          // The case now points at its topic: refresh it for when the user comes back, then open the topic.
          call('getCase', params(c))
            .then(onChanged)
            .catch(() => undefined);
          Taro.navigateTo({ url: `/pages/topics/detail/index?id=${topic.topicId}` });
        }}
      />
    </View>
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 召集会议: the meeting a co-signed petition obliges, no sooner than the notice the law asks. */
export function MeetingForm({ c, send }: FormProps) {
  const duty = c.duty;
  const noticeDays = duty?.noticeDays ?? 10;
  const earliest = dayjs().add(noticeDays, 'day').format('YYYY-MM-DD');
  const [on, setOn] = useState(earliest);
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  return (
    <View>
      {duty && <View className="vh-hint">{A.meeting.hint(meetingLabels[duty.body], noticeDays, earliest)}</View>}
      <TextField
        id="case-meeting-date"
        label={A.meeting.date}
        value={on}
        maxlength={10}
        error={errors.on}
        onChange={setOn}
      />
      <TextField
        id="case-meeting-place"
        label={A.meeting.place}
        placeholder={A.meeting.placePlaceholder}
        value={place}
        maxlength={60}
        error={errors.place}
        onChange={setPlace}
      />
      <ActionButton
        id="case-form-submit"
        label={A.meeting.submit}
        run={() => {
          const day = on.trim();
          const local = !DATE.test(day) ? A.meeting.badDate : day < earliest ? A.meeting.tooSoon(earliest) : '';
          if (local) {
            setErrors({ on: local });
            return Promise.reject(new Error(local));
          }
          return send(() => call('conveneCase', { ...params(c), body: { on: day, place } }), setErrors);
        }}
      />
    </View>
  );
}
