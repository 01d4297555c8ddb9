import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { PersonStatus, RosterPerson } from '../../../../shared/schemas/person';
import { ActionButton } from '../../../components/action';
import { Page } from '../../../components/page';
import { SearchBox } from '../../../components/search-box';
import { LoadState } from '../../../components/state';
import { useLoading } from '../../../components/use-loading';
import { useMe } from '../../../components/use-me';
import { usePageLoad } from '../../../components/use-page-load';
import { tp } from '../../../i18n/people';
import { call } from '../../../services/api';
import { hasRole, isTownship } from '../../../services/session';
import { exportRoster, loadGroups, PersonRow, ROSTER, SummaryPanel, sortGroups } from '../roster';

const statuses: PersonStatus[] = ['active', 'deceased', 'moved_out'];

/** The roster (村民名册): search by name or household number, filter by group and status, page on. */
export default function RosterList() {
  const me = useMe();
  const township = isTownship(me);
  const committee = hasRole(me, 'committee') && !township;
  const canExport = hasRole(me, 'committee', 'supervisor') && !township;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [groupName, setGroupName] = useState<string>();
  const [status, setStatus] = useState<PersonStatus>();
  const [groups, setGroups] = useState<string[]>([]);
  const [items, setItems] = useState<RosterPerson[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [exported, setExported] = useState<{ fileName: string; masked: boolean }>();
  const { loading, error, track } = useLoading(false);

  const lastMore = useRef(false);
  type Filters = { q: string; groupName?: string; status?: PersonStatus };
  const load = (more = false, over: Partial<Filters> = {}) => {
    const f = { q, groupName, status, ...over };
    lastMore.current = more;
    return track(async () => {
      const r = await call('listPeople', {
        query: {
          q: f.q || undefined,
          groupName: f.groupName,
          status: f.status,
          cursor: more ? (cursor ?? undefined) : undefined,
          limit: 30,
        },
      });
      const next = more ? [...items, ...r.items] : r.items;
      setItems(next);
      setCursor(r.nextCursor);
      // Those who may not read the summary (grid workers) choose among the groups they can see.
      setGroups((g) => (g.length ? g : sortGroups(next.map((p) => p.groupName ?? ''))));
    });
  };
  usePageLoad(me, () => {
    if (township) return;
    loadGroups().then((g) => g.length && setGroups(g));
    return load();
  });

  if (township)
    return (
      <Page>
        <SummaryPanel me={me} />
      </Page>
    );

  const search = () => {
    setQ(typed.trim());
    load(false, { q: typed.trim() });
  };
  const chooseGroup = (g?: string) => {
    setGroupName(g);
    load(false, { groupName: g });
  };
  const chooseStatus = (s?: PersonStatus) => {
    setStatus(s);
    load(false, { status: s });
  };
  const filtered = Boolean(q || groupName || status);

  return (
    <Page>
      {committee && (
        <View className="vh-row vh-roster-actions">
          <Button
            id="add-person"
            className="vh-button vh-button-primary"
            onClick={() => Taro.navigateTo({ url: ROSTER.edit() })}
          >
            {tp.list.add}
          </Button>
          <Button
            id="import-roster"
            className="vh-button vh-button-plain"
            onClick={() => Taro.navigateTo({ url: ROSTER.import })}
          >
            {tp.list.import}
          </Button>
        </View>
      )}
      {canExport && (
        <>
          <ActionButton
            id="export-roster"
            kind="plain"
            label={tp.list.export}
            doneText={exported ? tp.list.exported(exported.fileName) : undefined}
            run={async () => {
              const r = await exportRoster();
              setExported({ fileName: r.fileName, masked: r.masked });
            }}
          />
          {exported && (
            <View className="vh-banner" id="export-note">
              {exported.masked ? tp.list.exportMasked : tp.list.exportFull}
            </View>
          )}
        </>
      )}

      <SearchBox
        id="roster-search"
        placeholder={tp.list.search}
        buttonLabel={tp.list.searchButton}
        value={typed}
        onChange={setTyped}
        onSearch={search}
      />

      {groups.length > 1 && (
        <View className="vh-tabs" id="group-filter">
          <View
            id="group-all"
            className={`vh-tab ${!groupName ? 'vh-tab-on' : ''}`}
            onClick={() => chooseGroup(undefined)}
          >
            {tp.allGroups}
          </View>
          {groups.map((g, i) => (
            <View
              key={g}
              id={`group-${i}`}
              className={`vh-tab ${groupName === g ? 'vh-tab-on' : ''}`}
              onClick={() => chooseGroup(g)}
            >
              {g}
            </View>
          ))}
        </View>
      )}
      <View className="vh-segments" id="status-filter">
        <View
          id="status-all"
          className={`vh-segment ${!status ? 'vh-segment-on' : ''}`}
          onClick={() => chooseStatus(undefined)}
        >
          {tp.allStatuses}
        </View>
        {statuses.map((s) => (
          <View
            key={s}
            id={`status-${s}`}
            className={`vh-segment ${status === s ? 'vh-segment-on' : ''}`}
            onClick={() => chooseStatus(s)}
          >
            {tp.status[s]}
          </View>
        ))}
      </View>

      {items.map((p) => (
        <PersonRow key={p.personId} p={p} onClick={() => Taro.navigateTo({ url: ROSTER.detail(p.personId) })} />
      ))}
      <LoadState loading={loading} error={error} onRetry={() => load(lastMore.current)} />
      {!loading && !error && items.length === 0 && (
        <View className="vh-empty" id="roster-empty">
          {filtered ? tp.list.emptySearch : tp.list.empty}
        </View>
      )}
      {!loading && cursor && (
        <Button id="load-more" className="vh-button vh-button-plain" onClick={() => load(true)}>
          {tp.list.more}
        </Button>
      )}
      {!loading && !cursor && items.length > 0 && <View className="vh-hint vh-center">{tp.list.noMore}</View>}
    </Page>
  );
}
