import { disclosureStatus } from '../../shared/rules/cadence';
import { type NoticeCategory, noticeCategories } from '../../shared/schemas/notice';
import { defaultVillageSettings } from '../../shared/schemas/settings';
import type { TownshipSort, TownshipTable, TownshipTableQuery, VillageRow } from '../../shared/schemas/township';
import type { Actor } from '../lib/actor';
import { forbidden } from '../lib/errors';
import { authorize, seesCase } from '../lib/policy';
import { type CaseCounts, listSummaries, type VillageSummaryRecord } from './store';

const DENIED = '只有乡镇工作人员可以查看各村一览';
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
const satisfied = (s: number, b: number, u: number) => share(s + b, s + b + u);

/**
 * Whether the caller may count a village's care concerns: asked of the policy with a care
 * concern of that village, so the table counts exactly what the caller could open one by one.
 */
const countsCare = (a: Actor, s: VillageSummaryRecord) =>
  seesCase(a, {
    villageId: s.villageId,
    townshipId: s.townshipId,
    route: 'civil_affairs',
    public: false,
    care: true,
    escalated: true,
    submitterId: '',
  });

function rowOf(a: Actor, s: VillageSummaryRecord, now: Date): VillageRow {
  const law = defaultVillageSettings();
  const overdue: NoticeCategory[] = [];
  const due: NoticeCategory[] = [];
  for (const category of noticeCategories) {
    const { status } = disclosureStatus({
      cadence: s.cadence?.[category] ?? law.disclosureCadence[category] ?? 'on_change',
      lastPublishedAt: s.lastPublished?.[category] ?? null,
      now,
      utcOffsetMinutes: s.utcOffsetMinutes ?? law.utcOffsetMinutes,
      dueSoonDays: s.dueSoonDays ?? law.disclosureDueSoonDays,
    });
    if (status === 'overdue') overdue.push(category);
    if (status === 'due') due.push(category);
  }
  const buckets: CaseCounts[] = s.cases ? [s.cases.ordinary, ...(countsCare(a, s) ? [s.cases.care] : [])] : [];
  const sum = (k: keyof CaseCounts) => buckets.reduce((n, b) => n + (b[k] ?? 0), 0);
  const [rs, rb, ru] = [s.ratedSatisfied ?? 0, s.ratedBasically ?? 0, s.ratedUnsatisfied ?? 0];
  const adults = s.adults ?? 0;
  const bound = s.bound ?? 0;
  return {
    villageId: s.villageId,
    villageName: s.villageName ?? s.villageId,
    disclosure: { overdue, due },
    cases: {
      open: sum('open'),
      overdue: sum('overdue'),
      escalated: sum('escalated'),
      rated: sum('satisfied') + sum('basically') + sum('unsatisfied'),
      satisfaction: satisfied(sum('satisfied'), sum('basically'), sum('unsatisfied')),
    },
    lastVote: s.lastVote ? { ...s.lastVote, turnout: share(s.lastVote.participants, s.lastVote.electorate) } : null,
    binding: { bound, adults, rate: share(bound, adults) },
    inquiriesOpen: s.inquiriesOpen ?? 0,
    notices: { rated: rs + rb + ru, satisfaction: satisfied(rs, rb, ru) },
    lastActivityAt: s.lastActivityAt ?? null,
    refreshedAt: s.refreshedAt ?? null,
  };
}

/** What each column sorts by; a village with nothing to show (null) sorts last either way. */
const sortValue: Record<TownshipSort, (r: VillageRow) => number | string | null> = {
  name: (r) => r.villageName,
  disclosureOverdue: (r) => r.disclosure.overdue.length,
  casesOpen: (r) => r.cases.open,
  casesOverdue: (r) => r.cases.overdue,
  casesEscalated: (r) => r.cases.escalated,
  caseSatisfaction: (r) => r.cases.satisfaction,
  turnout: (r) => r.lastVote?.turnout ?? null,
  bindingRate: (r) => r.binding.rate,
  inquiriesOpen: (r) => r.inquiriesOpen,
  noticeSatisfaction: (r) => r.notices.satisfaction,
  lastActivity: (r) => r.lastActivityAt,
};

function sortRows(rows: VillageRow[], sort: TownshipSort, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return rows.sort((x, y) => {
    const [a, b] = [sortValue[sort](x), sortValue[sort](y)];
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const c = typeof a === 'string' ? a.localeCompare(String(b), 'zh-CN') : a - Number(b);
    return c * sign || x.villageName.localeCompare(y.villageName, 'zh-CN');
  });
}

/** The township's table: one Query of its villages' summaries, however many cases they hold. */
export async function townshipTable(actor: Actor, q: TownshipTableQuery, now: Date): Promise<TownshipTable> {
  if (actor.tenant.kind !== 'township') throw forbidden(DENIED);
  const townshipId = actor.tenant.townshipId;
  authorize(actor, 'township.table', { villageId: '', townshipId });
  const sort = q.sort ?? 'name';
  const order = q.order ?? (sort === 'name' ? 'asc' : 'desc');
  const rows = (await listSummaries(townshipId)).map((s) => rowOf(actor, s, now));
  return { townshipId, asOf: now.toISOString(), sort, order, items: sortRows(rows, sort, order) };
}
