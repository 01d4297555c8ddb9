import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Topic } from '../../../../shared/schemas/topic';
import { PrintFooter } from '../../../components/print-footer';
import { LoadState } from '../../../components/state';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { ts } from '../../../i18n/share';
import { bodyName, kindName, optionsOf, tt } from '../../../i18n/topics';
import { t } from '../../../i18n/zh-CN';
import { call, messageOf } from '../../../services/api';
import { formatDateTime } from '../../../services/format';
import '../../notices/print/index.scss';

/** A topic for the paper notice board, laid out as a notice is: what is decided, by whom, until when, and a code to vote. */
export default function TopicPrint() {
  const { params } = useRouter();
  const me = useMe();
  const [topic, setTopic] = useState<Topic>();
  const [error, setError] = useState('');
  const load = () =>
    call('getTopic', { params: { topicId: params.id ?? '' }, query: { villageId: params.villageId || undefined } })
      .then(setTopic)
      .catch((e) => setError(messageOf(e)));
  usePageLoad(me, load);
  const village = me?.villages.find((v) => v.villageId === topic?.villageId)?.name ?? '';
  return (
    <View className="vh-print">
      <LoadState loading={!topic && !error} error={error} onRetry={load} />
      {topic && (
        <View className="vh-print-sheet" id="topic-print">
          <View className="vh-print-village">{village}</View>
          <View className="vh-print-title">{topic.title}</View>
          <View className="vh-print-meta">
            {ts.topicPrint.kind(bodyName(topic))} · {kindName(topic)} · {tt.status[topic.status]}
          </View>
          <Text className="vh-body">{topic.background}</Text>
          <View className="vh-print-version">
            {ts.topicPrint.options}：
            {optionsOf(topic)
              .map((o) => o.label)
              .join('、')}
          </View>
          <View className="vh-print-version">{tt.closesAt(formatDateTime(topic.closesAt))}</View>
          <PrintFooter
            poster={
              topic.status !== 'draft'
                ? {
                    item: { kind: 'topic', id: topic.topicId, villageId: topic.villageId },
                    caption: ts.poster.topicScan,
                  }
                : undefined
            }
            signature={t.print.signature(village)}
            villageId={topic.villageId}
            date={topic.openedAt ?? topic.createdAt}
          />
        </View>
      )}
    </View>
  );
}
