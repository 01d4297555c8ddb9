import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OpenQuestion } from '../../../../../shared/schemas/notice';
import { Page } from '../../../../components/page';
import { LoadState } from '../../../../components/state';
import { useLoading } from '../../../../components/use-loading';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { useVillageChoice } from '../../../../components/use-village-choice';
import { VillagePicker } from '../../../../components/village-picker';
import { t } from '../../../../i18n/zh-CN';
import { call } from '../../../../services/api';
import { daysSince, formatDateTime } from '../../../../services/format';

/** Residents' questions still waiting for the committee, the longest waiting first. */
export default function OpenQuestionsPage() {
  const me = useMe();
  const [items, setItems] = useState<OpenQuestion[]>();
  const [more, setMore] = useState(false);
  const { loading, error, track } = useLoading();
  const { chosen, choose: setVillageId } = useVillageChoice(me);
  const load = (village = chosen) =>
    track(async () => {
      const r = await call('openQuestions', { query: { villageId: village } });
      setItems(r.items);
      setMore(r.more);
    });
  usePageLoad(me, () => load());
  const chooseVillage = (id: string) => {
    setVillageId(id);
    load(id);
  };
  return (
    <Page>
      <VillagePicker me={me} chosen={chosen} onChoose={chooseVillage} />
      <View className="vh-title">{t.openQuestions.title}</View>
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {items?.length === 0 && <View className="vh-empty">{t.openQuestions.empty}</View>}
      {items?.map((q) => (
        <View
          key={q.questionId}
          className="vh-card vh-open-question"
          onClick={() =>
            Taro.navigateTo({
              url: `/pages/notices/detail/index?id=${q.noticeId}${chosen ? `&villageId=${chosen}` : ''}`,
            })
          }
        >
          <View className="vh-waiting">{t.detail.waiting(daysSince(q.askedAt))}</View>
          <View className="vh-question-text">{q.text}</View>
          <View className="vh-meta">
            {q.askedBy.name} · {formatDateTime(q.askedAt)}
          </View>
          <View className="vh-meta">{t.openQuestions.on(q.noticeTitle)}</View>
        </View>
      ))}
      {more && <View className="vh-hint">{t.openQuestions.more}</View>}
    </Page>
  );
}
