import { Text, View } from '@tarojs/components';
import { textChange } from '../../shared/rules/text-change';
import type { NoticeVersion } from '../../shared/schemas/notice';
import { t } from '../i18n/zh-CN';

const CONTEXT = 24;

/** One text field's change, shown as old (struck through) and new (highlighted) in a little context. */
function TextChange({ label, before, after }: { label: string; before: string; after: string }) {
  const c = textChange(before, after);
  const head = c.head.length > CONTEXT ? `…${c.head.slice(-CONTEXT)}` : c.head;
  const tail = c.tail.length > CONTEXT ? `${c.tail.slice(0, CONTEXT)}…` : c.tail;
  return (
    <View className="vh-change">
      <Text className="vh-label">{label}</Text>
      <View className="vh-change-text">
        <Text>{head}</Text>
        {c.removed && <Text className="vh-diff-del">{c.removed}</Text>}
        {c.added && <Text className="vh-diff-ins">{c.added}</Text>}
        <Text>{tail}</Text>
      </View>
    </View>
  );
}

type Content = Pick<NoticeVersion, 'title' | 'body' | 'period' | 'ledger' | 'guide' | 'attachments' | 'major'>;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Links are signed per reading: two versions naming the same file differ only there. */
const files = (c: Content) => c.attachments.map(({ fileId, name }) => ({ fileId, name }));
const lines = (c: Content) => c.ledger?.map(({ voucherUrl, ...l }) => l);

/** What a correction changed compared with the version before it, in plain words. */
export function VersionChanges({ before, after }: { before: Content; after: Content }) {
  const others = [
    !same(before.period, after.period) && t.versions.fields.period,
    !same(lines(before), lines(after)) && t.versions.fields.amounts,
    !same(before.guide, after.guide) && t.versions.fields.guide,
    !same(files(before), files(after)) && t.versions.fields.attachments,
    before.major !== after.major && t.versions.fields.major,
  ].filter(Boolean);
  const changed = before.title !== after.title || before.body !== after.body || others.length > 0;
  return (
    <View className="vh-changes">
      <View className="vh-subtitle">{t.versions.changes}</View>
      {!changed && <View className="vh-meta">{t.versions.noChanges}</View>}
      {before.title !== after.title && (
        <TextChange label={t.versions.fields.title} before={before.title} after={after.title} />
      )}
      {before.body !== after.body && (
        <TextChange label={t.versions.fields.body} before={before.body} after={after.body} />
      )}
      {others.length > 0 && <View className="vh-meta">{t.versions.alsoChanged(others.join('、'))}</View>}
    </View>
  );
}
