import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { z } from 'zod';
import type { TopicList } from '../../../../shared/schemas/topic';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { bodyName, tt } from '../../../i18n/topics';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';
import { hasRole } from '../../../services/session';

type TopicItem = z.infer<typeof TopicList>['items'][number];

/** 议事表决: the village's topics, newest first, each with where it stands and when voting closes. */
export default function TopicListPage() {
  const me = useMe();
  const { township, chosen: chosenVillage, choose: setVillageId } = useVillageChoice(me);
  const [items, setItems] = useState<TopicItem[]>([]);
  const { loading, error, track } = useLoading();

  const load = (village = chosenVillage) =>
    track(async () => {
      setItems((await call('listTopics', { query: { villageId: village } })).items);
    });
  usePageLoad(me, () => load());

  const chooseVillage = (id: string) => {
    setVillageId(id);
    load(id);
  };
  const open = (topicId: string) =>
    Taro.navigateTo({
      url: `/pages/topics/detail/index?id=${topicId}${chosenVillage ? `&villageId=${chosenVillage}` : ''}`,
    });

  return (
    <Page>
      <VillagePicker me={me} chosen={chosenVillage} onChoose={chooseVillage} />
      {hasRole(me, 'committee') && !township && (
        <Button
          id="new-topic"
          className="vh-button vh-button-primary"
          onClick={() => Taro.navigateTo({ url: '/pages/topics/staff/edit/index' })}
        >
          {tt.list.propose}
        </Button>
      )}
      {items.map((topic) => (
        <View
          key={topic.topicId}
          id={`topic-${topic.topicId}`}
          className="vh-notice-row vh-topic-row"
          onClick={() => open(topic.topicId)}
        >
          <View className="vh-notice-row-title">{topic.title}</View>
          <View className="vh-notice-row-meta">
            <Text
              className={`vh-badge vh-topic-status ${topic.status === 'open' ? 'vh-badge-major' : topic.status === 'closed' ? 'vh-badge-withdrawn' : ''}`}
            >
              {tt.status[topic.status]}
            </Text>
            <Text className="vh-badge vh-badge-village">{bodyName(topic)}</Text>
            {topic.result && (
              <Text className="vh-badge">{topic.result.passed ? tt.list.passed : tt.list.notPassed}</Text>
            )}
          </View>
          <View className="vh-meta">{tt.closesAt(formatDateTime(topic.closesAt))}</View>
        </View>
      ))}
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      {!loading && !error && items.length === 0 && (
        <View className="vh-empty" id="topics-empty">
          {tt.list.empty}
        </View>
      )}
    </Page>
  );
}
