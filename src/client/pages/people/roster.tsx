import { Picker, Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import { useState } from 'react';
import { fieldLabel } from '../../../shared/field-labels';
import type { Me, PersonDetail, RosterPerson, RosterSummary } from '../../../shared/schemas/person';
import { LoadState } from '../../components/state';
import { useLoading } from '../../components/use-loading';
import { usePageLoad } from '../../components/use-page-load';
import { tp } from '../../i18n/people';
import { t } from '../../i18n/zh-CN';
import { call } from '../../services/api';
import { saveFile } from '../../services/save-file';

/** What the roster pages share: page addresses, a person's row, the counts, village groups, dates, export. */
export const ROSTER = {
  list: '/pages/people/list/index',
  detail: (personId: string) => `/pages/people/detail/index?id=${encodeURIComponent(personId)}`,
  household: (householdId: string) => `/pages/people/household/index?id=${encodeURIComponent(householdId)}`,
  edit: (personId?: string) => `/pages/people/edit/index${personId ? `?id=${encodeURIComponent(personId)}` : ''}`,
  /** Registering a person into a household: its number and group filled in. */
  addTo: (householdId: string, groupName?: string) =>
    `/pages/people/edit/index?householdId=${encodeURIComponent(householdId)}${groupName ? `&groupName=${encodeURIComponent(groupName)}` : ''}`,
  import: '/pages/people/import/index',
  summary: '/pages/people/summary/index',
};

export const today = () => dayjs().format('YYYY-MM-DD');

const numerals: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** "第十二村民小组" → 12, "3号楼" → 3: groups in the order people count them, not by character code. */
const groupNumber = (g: string) => {
  const arabic = g.match(/\d+/);
  if (arabic) return Number(arabic[0]);
  const chinese = g.match(/[一二三四五六七八九十]+/)?.[0];
  if (!chinese) return Number.MAX_SAFE_INTEGER;
  if (chinese.length === 1) return numerals[chinese];
  const [tens, ones] = chinese.split('十');
  return (tens ? numerals[tens] : 1) * 10 + (ones ? numerals[ones] : 0);
};
export const sortGroups = (groups: string[]) =>
  [...new Set(groups.filter(Boolean))].sort((a, b) => groupNumber(a) - groupNumber(b) || a.localeCompare(b));

/**
 * The village's groups (村民小组), as the roster summary lists them. Only the
 * village's overseers may read the summary: anyone else gets none (and the
 * pages fall back to the groups of the people they can see).
 */
export const loadGroups = () =>
  call('rosterSummary')
    .then((r) => sortGroups(r.villages.flatMap((v) => v.groups)))
    .catch(() => [] as string[]);

export const roleNames = (roles: RosterPerson['roles']) => roles.map((r) => t.roles[r]).join('、');

/** One person in a list: name, group, household, relation, masked ID and phone, roles, whether bound. */
export function PersonRow({ p, onClick }: { p: RosterPerson; onClick: () => void }) {
  return (
    <View className="vh-notice-row vh-roster-row" id={`person-${p.personId}`} onClick={onClick}>
      <View className="vh-notice-row-meta">
        <Text className="vh-person-name">{p.name}</Text>
        {p.status !== 'active' && <Text className="vh-badge vh-badge-withdrawn">{tp.status[p.status]}</Text>}
        {p.bound && <Text className="vh-badge vh-badge-village vh-bound">{tp.list.bound}</Text>}
        {!p.adult && p.status === 'active' && <Text className="vh-badge">{tp.list.minor}</Text>}
      </View>
      <View className="vh-meta">
        {[p.groupName, p.householdId && tp.list.household(p.householdId), p.relation].filter(Boolean).join(' · ')}
      </View>
      {(p.idNumber || p.phone) && (
        <View className="vh-meta">
          {[p.idNumber && tp.list.id(p.idNumber), p.phone && tp.list.phone(p.phone)].filter(Boolean).join('  ')}
        </View>
      )}
      {p.roles.length > 0 && <View className="vh-person-roles">{roleNames(p.roles)}</View>}
    </View>
  );
}

/** Counts only, per village: people, adults, households, bound accounts, by group and by role. */
export function SummaryView({ summary }: { summary: RosterSummary }) {
  if (!summary.villages.length) return <View className="vh-empty">{tp.summary.empty}</View>;
  return (
    <View id="roster-summary">
      {summary.villages.map((v) => (
        <View key={v.villageId} className="vh-card" id={`summary-${v.villageId}`}>
          <View className="vh-card-title">{v.name}</View>
          <View className="vh-amounts-row vh-amounts-head">
            <Text>{tp.summary.people}</Text>
            <Text>{tp.summary.adults}</Text>
            <Text>{tp.summary.households}</Text>
            <Text>{tp.summary.bound}</Text>
          </View>
          <View className="vh-amounts-row">
            <Text className="vh-summary-people">{v.people}</Text>
            <Text>{v.adults}</Text>
            <Text>{v.households}</Text>
            <Text>
              {v.bound}（{tp.summary.boundShare(v.bound, v.people)}）
            </Text>
          </View>
          <View className="vh-subtitle">{tp.summary.byGroup}</View>
          <View className="vh-amounts-row vh-amounts-head">
            <Text>{tp.summary.group}</Text>
            <Text>{tp.summary.people}</Text>
            <Text>{tp.summary.households}</Text>
          </View>
          {[...v.byGroup]
            .sort((a, b) => groupNumber(a.groupName) - groupNumber(b.groupName))
            .map((g) => (
              <View key={g.groupName} className="vh-amounts-row">
                <Text>{g.groupName || tp.summary.noGroup}</Text>
                <Text>{g.people}</Text>
                <Text>{g.households}</Text>
              </View>
            ))}
          <View className="vh-subtitle">{tp.summary.byRole}</View>
          {v.byRole.map((r) => (
            <View key={r.role} className="vh-amounts-row">
              <Text>{t.roles[r.role]}</Text>
              <Text>{r.people}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The summary loaded and shown: what township staff get instead of the roster. */
export function SummaryPanel({ me }: { me?: Me }) {
  const [summary, setSummary] = useState<RosterSummary>();
  const { loading, error, track } = useLoading();
  const load = () => track(async () => setSummary(await call('rosterSummary')));
  usePageLoad(me, load);
  return (
    <>
      <View className="vh-title">{tp.summary.title}</View>
      <View className="vh-hint">{tp.summary.hint}</View>
      <LoadState loading={loading} error={error} onRetry={load} />
      {summary && <SummaryView summary={summary} />}
    </>
  );
}

/** A date chosen from the phone's own date picker, shown in full. */
export function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (date: string) => void;
}) {
  return (
    <Picker mode="date" value={value} onChange={(e) => onChange(e.detail.value)}>
      <View className="vh-picker" id={id}>
        {label}：{value || tp.none}
      </View>
    </Picker>
  );
}

type History = PersonDetail['history'][number];
/** A history entry in plain words: what was done, and why or what changed. */
export function historyLine(h: History) {
  const what = tp.actions[h.action] ?? tp.otherAction;
  const reason = h.reason && (tp.reasons[h.reason] ?? (t.roles as Record<string, string>)[h.reason] ?? h.reason);
  const fields = h.changedFields?.length
    ? tp.detail.changed(h.changedFields.map((f) => tp.fields[f] ?? fieldLabel(f)).join('、'))
    : '';
  return { what, reason: reason ? tp.detail.reason(reason) : '', fields };
}

/**
 * The roster as a CSV file: on H5 downloaded by the browser, in the
 * mini-program written to the app's own folder and sent on through a chat.
 */
export async function exportRoster(villageId?: string) {
  const r = await call('exportRoster', { query: { villageId } });
  // Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
  const csv = r.csv.startsWith('\uFEFF') ? r.csv : `\uFEFF${r.csv}`;
  await saveFile(r.fileName, csv, 'text/csv;charset=utf-8');
  return r;
}
