import { Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import type { Case } from '../../../../shared/schemas/case';
import { tc } from '../../../i18n/cases';
import { formatDate, formatDateTime, formatLastDay } from '../../../services/format';

const RED = '#b00020';

/** A deadline in plain words: a day-counted one ends at local midnight (its last day is shown); an hours one at its hour. */
const until = (iso: string) =>
  tc.detail.until(dayjs(iso).format('HH:mm') === '00:00' ? formatLastDay(iso) : formatDateTime(iso));

function DeadlineRow({
  id,
  label,
  hint,
  at,
  overdue,
}: {
  id: string;
  label: string;
  hint: string;
  at: string;
  overdue: boolean;
}) {
  return (
    <View className="vh-guide-row" id={id}>
      <Text className="vh-label">{label}</Text>
      <View>
        <View>
          <Text>{until(at)}</Text>
          {overdue && (
            <Text className="vh-status vh-status-overdue vh-case-overdue" style={{ marginLeft: '8px', color: RED }}>
              {tc.detail.overdue}
            </Text>
          )}
        </View>
        <View className="vh-meta">{hint}</View>
      </View>
    </View>
  );
}

/** 受理期限 / 办结期限 / 复查请求期限: the clocks that apply to this case now. */
export function Deadlines({ c }: { c: Case }) {
  const d = c.deadlines;
  return (
    <View className="vh-card" id="case-deadlines">
      <View className="vh-card-title">{tc.detail.deadlines}</View>
      <DeadlineRow
        id="deadline-accept"
        label={tc.detail.acceptBy}
        hint={tc.detail.acceptByHint}
        at={d.acceptBy}
        overdue={c.overdue === 'accept'}
      />
      {d.resolveBy && (
        <DeadlineRow
          id="deadline-resolve"
          label={tc.detail.resolveBy}
          hint={tc.detail.resolveByHint}
          at={d.resolveBy}
          overdue={c.overdue === 'resolve'}
        />
      )}
      {d.reviewBy && (
        <DeadlineRow
          id="deadline-review"
          label={tc.detail.reviewBy}
          hint={tc.detail.reviewByHint}
          at={d.reviewBy}
          overdue={false}
        />
      )}
      {c.extension && (
        <View className="vh-banner" id="case-extension">
          {tc.detail.extension(c.extension.reason, formatDate(c.extension.at))}
        </View>
      )}
    </View>
  );
}
