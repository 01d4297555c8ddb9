import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Page } from '../../../../components/page';
import { TopicForm } from '../../../../components/topic-form';
import { useMe } from '../../../../components/use-me';
import { usePageLoad } from '../../../../components/use-page-load';
import { tt } from '../../../../i18n/topics';
import { call, newIdempotencyKey } from '../../../../services/api';

/** 提出议题: a new topic, saved as a draft, then opened. */
export default function EditTopic() {
  const me = useMe();
  usePageLoad(me, () => undefined);
  const [createKey] = useState(newIdempotencyKey());
  return (
    <Page>
      <TopicForm
        closesInDays={1}
        submitId="save-topic"
        submitLabel={tt.edit.save}
        doneText={tt.edit.saved}
        note={tt.edit.draftHint}
        save={async (body) => {
          const topic = await call('createTopic', { body, idempotencyKey: createKey });
          Taro.redirectTo({ url: `/pages/topics/detail/index?id=${topic.topicId}` });
        }}
      />
    </Page>
  );
}
