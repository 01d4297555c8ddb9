import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addDays } from '../../../../shared/rules/local-day';
import { AuditKind, type AuditListEntry } from '../../../../shared/schemas/audit';
import { Choice } from '../../../components/choice';
import { Page } from '../../../components/page';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { useVillageChoice } from '../../../components/use-village-choice';
import { VillagePicker } from '../../../components/village-picker';
import { tl } from '../../../i18n/audit';
import { tc } from '../../../i18n/cases';
import { tp } from '../../../i18n/people';
import { t } from '../../../i18n/zh-CN';
import { call } from '../../../services/api';
import { formatDateTime } from '../../../services/format';

interface Filters {
  kind?: AuditKind;
  person?: { id: string; name: string };
  from: string;
  to: string;
}

/** The village's today: China has one time zone (UTC+8), the server's default for the same filter. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const lastDays = (n: number) => ({ from: addDays(today(), -n), to: today() });

/** An action in plain words: the record's own labels, then the case timeline's and the register's. */
function actionLabel(action: string) {
  const [kind, rest] = [action.slice(0, action.indexOf('.')), action.slice(action.indexOf('.') + 1)];
  if (tl.actions[action]) return tl.actions[action];
  if (kind === 'case' && tc.timeline.actions[rest]) return `${tl.kinds.case}：${tc.timeline.actions[rest]}`;
  if (tp.actions[action]) return tp.actions[action];
  return `${tl.kinds[kind as AuditKind] ?? ''}：${rest}`;
}

function Entry({ e, onPerson }: { e: AuditListEntry; onPerson: (id: string, name: string) => void }) {
  return (
    <View className="vh-notice-row audit-entry">
      <View className="vh-notice-row-meta">
        <View className="vh-card-title">{actionLabel(e.action)}</View>
        <View className="vh-meta">{formatDateTime(e.at)}</View>
      </View>
      <View>
        {e.actorId ? (
          <Text
            className="vh-link audit-actor"
            onClick={() => e.actorId && onPerson(e.actorId, e.actorName ?? e.actorId)}
          >{`${e.actorId === 'system' ? tl.system : (e.actorName ?? e.actorId)}（${tl.onlyThis}）`}</Text>
        ) : (
          <Text className="vh-meta">{tl.someone}</Text>
        )}
      </View>
      {e.targetName && <View className="vh-meta">{tl.on(e.targetName)}</View>}
      {e.reason && <View className="vh-meta">{tl.reason(tp.reasons[e.reason] ?? e.reason)}</View>}
      {e.changes.map((c) => (
        <View key={c.field} className="audit-change">
          <Text className="vh-label">{`${tl.changed}：${tl.fields[c.field] ?? c.field}`}</Text>
          {c.before === undefined && c.after === undefined ? (
            <Text className="vh-meta">{tl.hidden}</Text>
          ) : (
            <View className="vh-change-text">
              {c.before !== undefined && <Text className="vh-diff-del">{c.before}</Text>}
              {c.after !== undefined && <Text className="vh-diff-ins">{c.after}</Text>}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

/** 操作记录: every change in the village, newest first, for the 监委会 and the township to look through. */
export default function AuditEntriesPage() {
  const me = useMe();
  const { chosen, choose } = useVillageChoice(me);
  const [filters, setFilters] = useState<Filters>(lastDays(30));
  const [items, setItems] = useState<AuditListEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { loading, error, track } = useLoading();
  const load = (f = filters, village = chosen, cursor?: string) =>
    track(async () => {
      const page = await call('listAuditEntries', {
        query: {
          villageId: village,
          kind: f.kind,
          person: f.person?.id,
          from: f.from,
          to: f.to,
          limit: 20,
          ...(cursor ? { cursor } : {}),
        },
      });
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
      setLoaded(true);
    });
  usePageLoad(me, () => load());
  const refine = (change: Partial<Filters>) => {
    const f = { ...filters, ...change };
    setFilters(f);
    load(f);
  };
  const span = [7, 30, 365].find((n) => filters.to === today() && filters.from === addDays(today(), -n));

  return (
    <Page>
      <VillagePicker
        me={me}
        chosen={chosen}
        onChoose={(id) => {
          choose(id);
          load(filters, id);
        }}
      />
      <View className="vh-title">{tl.title}</View>
      <View className="vh-hint">{tl.intro}</View>
      <View className="vh-card">
        <View className="vh-label">{tl.kind}</View>
        <Choice
          id="audit-kind"
          wrap
          options={['all', ...AuditKind.options] as const}
          value={filters.kind ?? 'all'}
          label={(k) => (k === 'all' ? tl.all : tl.kinds[k])}
          onChoose={(k) => refine({ kind: k === 'all' ? undefined : k })}
        />
        <View className="vh-label">{tl.period}</View>
        <Choice
          id="audit-period"
          options={[7, 30, 365].map(String)}
          value={span ? String(span) : undefined}
          label={(n) => tl.periods[Number(n)]}
          onChoose={(n) => refine(lastDays(Number(n)))}
        />
        <View className="vh-row">
          <Picker mode="date" value={filters.from} onChange={(e) => refine({ from: e.detail.value })}>
            <View className="vh-picker" id="audit-from">{`${tl.from}：${filters.from}`}</View>
          </Picker>
          <Picker mode="date" value={filters.to} onChange={(e) => refine({ to: e.detail.value })}>
            <View className="vh-picker" id="audit-to">{`${tl.to}：${filters.to}`}</View>
          </Picker>
        </View>
        {filters.person && (
          <View className="vh-row" id="audit-person">
            <Text>{tl.onlyPerson(filters.person.name)}</Text>
            <Text className="vh-link" id="audit-all-people" onClick={() => refine({ person: undefined })}>
              {tl.allPeople}
            </Text>
          </View>
        )}
      </View>
      <LoadState loading={loading} error={error} onRetry={() => load()} />
      <View className="vh-card" id="audit-entries">
        {loaded && !items.length && <View className="vh-hint">{tl.empty}</View>}
        {items.map((e) => (
          <Entry key={e.entryId} e={e} onPerson={(id, name) => refine({ person: { id, name } })} />
        ))}
        {next && (
          <Button id="audit-more" className="vh-button vh-button-plain" onClick={() => load(filters, chosen, next)}>
            {loading ? t.state.loading : tl.more}
          </Button>
        )}
      </View>
      <Text className="vh-link" id="audit-to-check" onClick={() => Taro.navigateTo({ url: '/pages/audit/index' })}>
        {tl.check}
      </Text>
    </Page>
  );
}
