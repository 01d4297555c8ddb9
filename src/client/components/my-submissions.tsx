import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me, MySubmissions as Submissions } from '../../shared/schemas/person';
import { tb } from '../i18n/bindings';
import { call } from '../services/api';
import { formatDate } from '../services/format';
import { LoadState } from './state';
import { useLoading } from './use-loading';
import { usePageLoad } from './use-page-load';

/** 我的提交: what I have asked so far, and whether it was answered; a tap opens the notice. */
export function MySubmissions({ me }: { me: Me }) {
  const [data, setData] = useState<Submissions>();
  const { loading, error, track } = useLoading();
  const load = () =>
    track(async () => {
      setData(await call('mySubmissions'));
    });
  usePageLoad(me, load);
  return (
    <View className="vh-card" id="my-submissions">
      <View className="vh-card-title">{tb.me.submissions}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {data && !data.questions.length && <View className="vh-hint">{tb.me.noSubmissions}</View>}
      {data?.questions.map((q) => (
        <View
          key={q.questionId}
          className="vh-notice-row"
          onClick={() => Taro.navigateTo({ url: `/pages/notices/detail/index?id=${q.noticeId}` })}
        >
          <View>{q.text}</View>
          <View className="vh-meta">
            {tb.me.askedOn(formatDate(q.askedAt), q.noticeTitle)} ·{' '}
            {q.answeredAt ? tb.me.answeredOn(formatDate(q.answeredAt)) : tb.me.waiting}
          </View>
        </View>
      ))}
    </View>
  );
}
