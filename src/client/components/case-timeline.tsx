import { Text, View } from '@tarojs/components';
import type { TimelineEntry } from '../../shared/schemas/case';
import { tc } from '../i18n/cases';
import { formatDateTime } from '../services/format';

/**
 * 办理过程: every step of a case, oldest first, with when, what, the state it left
 * the case in, the note written with it and, for staff, who took it (the
 * petitioner's own steps carry no name).
 */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <View className="vh-card" id="case-timeline">
      <View className="vh-card-title">{tc.detail.timeline}</View>
      {!entries.length && <View className="vh-meta">{tc.timeline.empty}</View>}
      {entries.map((e, i) => (
        <View
          // biome-ignore lint/suspicious/noArrayIndexKey: entries are only ever appended
          key={i}
          className="vh-question vh-timeline-entry"
          style={{ borderLeft: `4px solid ${i === entries.length - 1 ? '#a31515' : '#ccc'}`, paddingLeft: '10px' }}
        >
          <View className="vh-row" style={{ justifyContent: 'space-between' }}>
            <Text className="vh-question-text">{tc.timeline.actions[e.action] ?? e.action}</Text>
            <Text className="vh-badge" style={{ flex: 'none' }}>
              {tc.status[e.status]}
            </Text>
          </View>
          <View className="vh-meta">
            {formatDateTime(e.at)}
            {e.by ? ` · ${e.by}` : ''}
          </View>
          {e.note && (
            <Text className="vh-body" userSelect style={{ margin: '4px 0' }}>
              {e.note}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
