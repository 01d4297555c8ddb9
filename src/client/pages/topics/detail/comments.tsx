import { Button, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { Comment as CommentSchema, Topic } from '../../../../shared/schemas/topic';
import { TextForm } from '../../../components/text-form';
import { tt } from '../../../i18n/topics';
import { call, newIdempotencyKey } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

export type Comment = z.infer<typeof CommentSchema>;

/**
 * 讨论: what people said before the vote, names masked for others; a hidden remark stays
 * in its place with the reason. One Idempotency-Key per attempt at a remark, so a retry
 * after the network dropped posts it once; a different text is a new attempt.
 */
export function Discussion({
  topic,
  comments,
  canPost,
  canModerate,
  onChanged,
}: {
  topic: Topic;
  comments: Comment[];
  canPost: boolean;
  canModerate: boolean;
  onChanged: (c: Comment) => void;
}) {
  const [hiding, setHiding] = useState<string>();
  const attempt = useRef<{ key: string; text: string }>();
  const post = async (text: string) => {
    if (attempt.current?.text !== text) attempt.current = { key: newIdempotencyKey(), text };
    const c = await call('postComment', {
      params: { topicId: topic.topicId },
      body: { text },
      idempotencyKey: attempt.current.key,
    });
    attempt.current = undefined;
    onChanged(c);
  };
  const hide = async (commentId: string, reason: string) => {
    onChanged(await call('hideComment', { params: { topicId: topic.topicId, commentId }, body: { reason } }));
    setHiding(undefined);
  };
  return (
    <View className="vh-card" id="discussion">
      <View className="vh-card-title">{tt.discussion.title(comments.length)}</View>
      {!comments.length && <View className="vh-meta">{tt.discussion.empty}</View>}
      {comments.map((c) => (
        <View key={c.commentId} className="vh-question vh-comment" id={`comment-${c.commentId}`}>
          {c.hidden ? (
            <View className="vh-waiting vh-comment-hidden">{tt.discussion.hidden(c.hidden.reason)}</View>
          ) : (
            <Text className="vh-body vh-comment-text" userSelect>
              {c.text}
            </Text>
          )}
          <View className="vh-meta">
            {c.by.name}
            {c.by.isMe ? tt.discussion.me : ''} · {formatDateTime(c.at)}
          </View>
          {canModerate && !c.hidden && hiding !== c.commentId && (
            <Button
              id={`hide-open-${c.commentId}`}
              className="vh-button vh-button-plain vh-button-small"
              onClick={() => setHiding(c.commentId)}
            >
              {tt.discussion.hide}
            </Button>
          )}
          {canModerate && !c.hidden && hiding === c.commentId && (
            <View className="vh-card vh-confirm">
              <TextForm
                id={`hide-reason-${c.commentId}`}
                buttonId={`hide-${c.commentId}`}
                placeholder={tt.discussion.hideReason}
                label={tt.discussion.hideConfirm}
                maxlength={200}
                send={(reason) => hide(c.commentId, reason)}
              />
              <Button className="vh-button vh-button-plain" onClick={() => setHiding(undefined)}>
                {tt.discussion.cancel}
              </Button>
            </View>
          )}
        </View>
      ))}
      {topic.status === 'closed' ? (
        <View className="vh-hint" id="comment-closed">
          {tt.discussion.closed}
        </View>
      ) : (
        canPost && (
          <TextForm
            id="comment-text"
            buttonId="post-comment"
            placeholder={tt.discussion.placeholder}
            label={tt.discussion.post}
            send={post}
          />
        )
      )}
    </View>
  );
}
