import { ulid } from 'ulid';
import { putAll } from '../../src/functions/lib/batch';
import * as keys from '../../src/functions/lib/keys';
import {
  noticeItem,
  noticeItems,
  type QuestionRecord,
  questionItem,
  type ReadRecord,
  versionItem,
} from '../../src/functions/notices/store';
import {
  idNumberMarkerItem,
  type PersonRecord,
  personItem,
  personItems,
  type SensitiveFields,
  sensitiveAttributes,
} from '../../src/functions/people/store';
import { allParts, refreshVillageSummary } from '../../src/functions/township/summary';
import { getVillage, townshipItems, villageItems } from '../../src/functions/villages/store';
import { idCheckDigit } from '../../src/shared/rules/identity';
import type { LedgerLine, Notice, NoticeVersion } from '../../src/shared/schemas/notice';
import type { Role, RoleTerm } from '../../src/shared/schemas/person';
import { defaultVillageSettings } from '../../src/shared/schemas/settings';
import * as text from './seed-data';

/**
 * The demo township 青山镇: a village (柳溪村, review before publishing) and an urban
 * community (石桥社区, no review), each with groups or buildings, 60 households,
 * ~150 residents of every age, a committee, a party secretary, a supervision
 * committee, grid workers, representatives, party members and, optionally, a year
 * of notices with corrections, a withdrawal, drafts, questions and reads.
 *
 * People are deterministic per idPrefix (so parallel test files each seed their own
 * township side by side); notice ids are ULIDs and differ per run.
 */
export interface SeededPerson {
  tenantId: string;
  personId: string;
  name: string;
  /** What only the person knows: tests claim a binding with these. */
  idNumber?: string;
  phone?: string;
}
export interface SeededVillage {
  villageId: string;
  name: string;
  /** Committee 主任 (also resident, party_member). */
  chair: SeededPerson;
  /** All committee members, chair first, then 副主任, 会计, 妇女主任, 委员. */
  committee: SeededPerson[];
  /** party_branch 党支部书记 (also party_member, resident). */
  partySecretary: SeededPerson;
  /** supervisor 监委会主任 (also resident). */
  supervisor: SeededPerson;
  gridWorkers: SeededPerson[];
  /** Representatives, all household heads, about one per eight households. */
  representatives: SeededPerson[];
  /** Plain party members (committee members who are party members are not repeated here). */
  partyMembers: SeededPerson[];
  /** Verified, active, plain residents (resident, some household_head): none of the above. */
  residents: SeededPerson[];
  /** Active, verified false, role resident only. */
  unverifiedResident: SeededPerson;
  /** Notices whose status is published (including corrected ones); empty without notices. */
  publishedNoticeIds: string[];
}
export interface SeededTownship {
  townshipId: string;
  name: string;
  staff: SeededPerson;
  /** Township staff of civil affairs (民政办): the ones who see care concerns. */
  civilAffairs: SeededPerson;
  villages: [SeededVillage, SeededVillage];
  /**
   * Every ID number and phone the seed wrote, of everyone on the two registers (children, those who left and the
   * unverified too, not only the people listed above): what no log line may hold (test/logs/whole-run.test.ts).
   */
  idNumbersAndPhones: string[];
}

type Item = Record<string, unknown>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TERM_START = '2024-01-01';
const TOWNSHIP_NAME = '青山镇';

/* ---------- time, in Beijing (UTC+8, no DST) ---------- */

const BJ = 8 * HOUR;
const bj = (y: number, m: number, d: number, h = 9, min = 0) => new Date(Date.UTC(y, m - 1, d, h - 8, min));
const bjParts = (t: Date) => {
  const x = new Date(t.getTime() + BJ);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
};
const iso = (t: Date) => t.toISOString();
/** Moves a moment into the Beijing hours [from, until): people ask and answer by day, not at 3 a.m. */
const daytime = (ms: number, from: number, until: number) => {
  const hour = new Date(ms + BJ).getUTCHours();
  if (hour >= from && hour < until) return ms;
  const shift = hour < from ? from - hour : 24 - hour + from;
  return ms + shift * HOUR;
};
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

/* ---------- a seeded PRNG ---------- */

/** mulberry32, seeded by an FNV-1a hash of the string. */
function prng(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, pick, shuffle, chance: (p: number) => next() < p };
}
type Rand = ReturnType<typeof prng>;

/* ---------- villages ---------- */

interface VillagePlan {
  n: 1 | 2;
  name: string;
  kind: text.Kind;
  review: boolean;
  /** Dominant surnames (大姓) and the share of households carrying one of them. */
  clan: string[];
  clanShare: number;
  groups: string[];
  gridWorkers: number;
  partyMembers: number;
}

const villagePlans: [VillagePlan, VillagePlan] = [
  {
    n: 1,
    name: '柳溪村',
    kind: 'village',
    review: true,
    clan: ['王', '王', '李'],
    clanShare: 0.6,
    groups: ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组', '第五村民小组'],
    gridWorkers: 3,
    partyMembers: 10,
  },
  {
    n: 2,
    name: '石桥社区',
    kind: 'community',
    review: false,
    clan: ['陈', '林'],
    clanShare: 0.3,
    groups: ['1号楼', '2号楼', '3号楼', '4号楼', '5号楼'],
    gridWorkers: 4,
    partyMembers: 12,
  },
];
const HOUSEHOLDS = 60;

/* ---------- people ---------- */

interface Villager extends PersonRecord {
  age: number;
  male: boolean;
  head: boolean;
  sensitive: SensitiveFields;
}
interface Member {
  age: number;
  male: boolean;
  head?: boolean;
  /** Shares the head's surname (children, and the head's parents). */
  kin?: boolean;
}

/** One household's members, by a rough mix of rural household types (many elders, children left with grandparents). */
function householdMembers(rand: Rand, kind: text.Kind): Member[] {
  const kidOf = (parentAge: number) => ({
    age: Math.max(1, parentAge - rand.int(23, 33)),
    male: rand.chance(0.52),
    kin: true,
  });
  const r = rand.next();
  const urban = kind === 'community' ? 0.04 : 0;
  if (r < 0.2) return [{ age: rand.int(70, 93), male: rand.chance(0.35), head: true }]; // 独居老人
  if (r < 0.45) {
    const a = rand.int(62, 84); // 老两口
    return [
      { age: a, male: true, head: true },
      { age: a - rand.int(0, 5), male: false },
    ];
  }
  if (r < 0.52 - urban) {
    const g = rand.int(58, 76); // 留守老人带孙辈
    const grandparents: Member[] = [{ age: g, male: true, head: true }];
    if (rand.chance(0.6)) grandparents.push({ age: g - rand.int(0, 4), male: false });
    return [...grandparents, { age: rand.int(3, 15), male: rand.chance(0.52), kin: true }];
  }
  if (r < 0.72) {
    const a = rand.int(32, 52); // 夫妻带孩子
    const family: Member[] = [{ age: a, male: true, head: true }, { age: a - rand.int(0, 4), male: false }, kidOf(a)];
    if (rand.chance(0.3)) family.push(kidOf(a));
    return family;
  }
  if (r < 0.88) {
    const e = rand.int(64, 86); // 三代同堂: the son is the head, unless his parent is still under 72 and kept it
    const son = e - rand.int(24, 32);
    const elderHead = e < 72 && rand.chance(0.5);
    const elderMale = rand.chance(0.45);
    const family: Member[] = [
      { age: son, male: true, head: !elderHead, kin: true },
      { age: son - rand.int(0, 4), male: false },
      { age: e, male: elderMale, kin: elderMale, head: elderHead },
      kidOf(son),
    ];
    if (rand.chance(0.2)) family.push(kidOf(son));
    return family;
  }
  const a = rand.int(45, 62); // 中年夫妻，子女在外
  return [
    { age: a, male: true, head: true },
    { age: a - rand.int(0, 4), male: false },
  ];
}

/** 与户主关系, as the register writes it. */
function relationToHead(m: Member, head: Member) {
  if (m === head) return '户主';
  const gap = head.age - m.age;
  if (Math.abs(gap) < 12) return '配偶';
  if (gap >= 40) return m.male ? '孙子' : '孙女';
  if (gap > 0) return m.male ? '子' : '女';
  return m.male ? '父亲' : '母亲';
}

/** A valid-looking ID number (a made-up local area code, the birth date, a sequence, the check digit) and a phone for adults. */
function sensitiveFor(rand: Rand, villageNo: number, birthYear: number, m: Member): SensitiveFields {
  const birthDate = `${birthYear}-${String(rand.int(1, 12)).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`;
  const sequence = `${rand.int(10, 99)}${rand.int(0, 4) * 2 + (m.male ? 1 : 0)}`;
  const first17 = `33011${villageNo}${birthDate.replaceAll('-', '')}${sequence}`;
  const phone =
    m.age >= 18 && (m.age < 75 || rand.chance(0.5))
      ? `1${rand.pick(['38', '39', '58', '59', '87', '36', '77', '80'])}${String(rand.int(0, 99_999_999)).padStart(8, '0')}`
      : undefined;
  return { idNumber: first17 + idCheckDigit(first17), birthDate, ...(phone ? { phone } : {}) };
}

function buildPeople(plan: VillagePlan, villageId: string, townshipId: string, nowYear: number, prefix: string) {
  const rand = prng(`${prefix}:${plan.n}:people`);
  const tenant = { kind: 'village' as const, villageId, townshipId };
  const used = new Set<string>();
  const nameFor = (surname: string, age: number, male: boolean) => {
    const born = nowYear - age;
    const generation = text.givenNames.findIndex((g) => born < g.bornBefore);
    for (let attempt = 0; ; attempt++) {
      // Rarely, two people would share a name: take a neighbouring generation's name, then another surname.
      const g = text.givenNames[Math.min(4, Math.max(0, generation + (attempt > 12 ? rand.int(-1, 1) : 0)))];
      const s = attempt > 30 ? rand.pick(text.commonSurnames) : surname;
      const name = s + rand.pick(male ? g.male : g.female);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const surname = () => (rand.chance(plan.clanShare) ? rand.pick(plan.clan) : rand.pick(text.commonSurnames));
  // Households: random groups, numbered group by group as on a real roster.
  const households = rand
    .shuffle(Array.from({ length: HOUSEHOLDS }, (_, i) => i % plan.groups.length))
    .map((group) => ({ group, members: householdMembers(rand, plan.kind) }))
    .sort((a, b) => a.group - b.group);
  const people: Villager[] = [];
  households.forEach((h, i) => {
    const householdId = `${villageId}-H${String(i + 1).padStart(3, '0')}`;
    const head = h.members.find((m) => m.head) ?? h.members[0];
    const family = surname();
    for (const m of h.members) {
      const s = m === head || m.kin ? family : surname();
      const birthYear = nowYear - m.age;
      const since = birthYear >= 2024 ? `${birthYear}-06-01` : TERM_START;
      const personId = `${villageId}-P${String(people.length + 1).padStart(4, '0')}`;
      const roles: RoleTerm[] = [{ termId: `${personId}-T1`, role: 'resident', from: since }];
      if (m === head) roles.push({ termId: `${personId}-T2`, role: 'household_head', from: since });
      const verifiedShare = m.age < 18 ? 0 : m.age < 70 ? 0.93 : m.age < 80 ? 0.75 : 0.45;
      people.push({
        personId,
        tenantId: villageId,
        tenant,
        name: nameFor(s, m.age, m.male),
        groupName: plan.groups[h.group],
        householdId,
        relation: relationToHead(m, head),
        sensitive: sensitiveFor(rand, plan.n, birthYear, m),
        roles,
        verified: rand.chance(verifiedShare),
        status: 'active',
        age: m.age,
        male: m.male,
        head: m === head,
      });
    }
  });
  return { people, roles: assignRoles(rand, plan, people, nowYear) };
}

/** Hands out posts and roles to distinct adults, as a village would: the committee in its prime, old party members, etc. */
function assignRoles(rand: Rand, plan: VillagePlan, people: Villager[], nowYear: number) {
  const special = new Set<Villager>();
  const take = (want: (v: Villager) => boolean, role: Role, post?: string, also: Role[] = [], grid?: string) => {
    const free = (v: Villager) => !special.has(v) && v.status === 'active' && v.age >= 22;
    const pool = people.filter((v) => free(v) && want(v));
    const v = rand.pick(pool.length ? pool : people.filter((x) => free(x) && x.age <= 70));
    special.add(v);
    v.verified = true;
    const term = (r: Role, extra: Partial<RoleTerm> = {}): RoleTerm => ({
      termId: `${v.personId}-T${v.roles.length + 1}`,
      role: r,
      from: TERM_START,
      ...extra,
    });
    v.roles.push(term(role, { ...(post ? { post } : {}), ...(grid ? { grid } : {}) }));
    for (const r of also) v.roles.push(term(r));
    return v;
  };
  const ages = (lo: number, hi: number) => (v: Villager) => v.age >= lo && v.age <= hi;
  const committee = [
    take((v) => v.male && v.age >= 42 && v.age <= 58, 'committee', '主任', ['party_member']),
    take(ages(36, 56), 'committee', '副主任', ['party_member']),
    take(ages(30, 52), 'committee', '会计'),
    take((v) => !v.male && v.age >= 30 && v.age <= 52, 'committee', '妇女主任'),
    take(ages(26, 45), 'committee', '委员'),
  ];
  const partySecretary = take(ages(46, 62), 'party_branch', '党支部书记', ['party_member']);
  const supervisor = take(ages(50, 66), 'supervisor', '监委会主任');
  // The other two members of the supervision committee (3–5 members): not in the returned lists.
  for (let i = 0; i < 2; i++) take(ages(45, 68), 'supervisor', '委员');
  // Each grid worker owns one group as their grid (网格), living in it.
  const gridWorkers = Array.from({ length: plan.gridWorkers }, (_, i) => {
    const grid = plan.groups[i % plan.groups.length];
    return take((v) => v.groupName === grid && v.age >= 28 && v.age <= 50, 'grid_worker', undefined, [], grid);
  });
  // One representative per ~8 households, household heads, spread over the groups.
  const representatives = Array.from({ length: Math.round(HOUSEHOLDS / 8) }, (_, i) => {
    const group = plan.groups[i % plan.groups.length];
    return take((v) => v.head && v.groupName === group && v.age >= 38 && v.age <= 72, 'representative');
  });
  // Party members of every age, a few of them old members who joined decades ago.
  const partyMembers = Array.from({ length: plan.partyMembers }, (_, i) =>
    take(i < 3 ? ages(70, 90) : ages(25, 69), 'party_member'),
  );
  // Some of the register has moved away or died: kept in the history, never signed in, never counted.
  const leave = (want: (v: Villager) => boolean, status: Villager['status']) => {
    const v = rand.pick(people.filter((x) => !special.has(x) && !x.head && x.status === 'active' && want(x)));
    v.status = status;
    const until = `${nowYear - 1}-${String(rand.int(3, 11)).padStart(2, '0')}-15`;
    v.roles = v.roles.map((r) => ({ ...r, until }));
    v.departedOn = until;
  };
  leave(ages(19, 34), 'moved_out');
  leave(ages(19, 34), 'moved_out');
  leave((v) => v.age >= 78, 'deceased');
  const candidates = people.filter((v) => !special.has(v) && v.status === 'active' && v.age >= 25 && v.age <= 75);
  const unverified =
    candidates.find((v) => !v.verified && !v.head) ?? candidates.find((v) => !v.verified) ?? candidates[0];
  unverified.verified = false;
  unverified.roles = unverified.roles.filter((r) => r.role === 'resident');
  const residents = people.filter((v) => v.verified && v.status === 'active' && !special.has(v));
  return { committee, partySecretary, supervisor, gridWorkers, representatives, partyMembers, unverified, residents };
}
type Roster = ReturnType<typeof assignRoles>;

const seeded = (p: PersonRecord & { sensitive?: SensitiveFields }): SeededPerson => ({
  tenantId: p.tenantId,
  personId: p.personId,
  name: p.name,
  ...(p.sensitive ? { idNumber: p.sensitive.idNumber, phone: p.sensitive.phone } : {}),
});
const ref = (p: PersonRecord) => ({ personId: p.personId, name: p.name });
const record = ({ age, male, head, sensitive, ...p }: Villager): PersonRecord => ({
  ...p,
  ...sensitiveAttributes(sensitive),
});

/* ---------- notices ---------- */

interface Planned {
  key: string;
  at: Date;
  ctx: text.Ctx;
  content: Omit<Notice, 'noticeId' | 'villageId' | 'status' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;
  wrong?: { content: Planned['content']; reason: string };
  withdrawn?: string;
}

function noticePlan(rand: Rand, plan: VillagePlan, now: Date, people: Villager[], roster: Roster): Planned[] {
  const { y: nowY } = bjParts(now);
  const yearAgo = now.getTime() - 365 * DAY;
  const workHours = (d: Date) => {
    const { y, m, d: day } = bjParts(d);
    return bj(y, m, day, rand.int(8, 16), rand.int(0, 59));
  };
  // Names for lists in notices (低保, awards…): plain residents, not the first few tests sign in as.
  const listable = roster.residents.slice(8).map((r) => people.find((p) => p.personId === r.personId)!);
  const drawn = (want: (v: Villager) => boolean) => (n: number) =>
    rand
      .shuffle(listable.filter(want))
      .slice(0, n)
      .map((v) => ({ name: v.name, group: v.groupName ?? '' }));
  const [chair, vice, accountant] = roster.committee;
  const ctxAt = (at: Date): text.Ctx => {
    const { y, m } = bjParts(at);
    const q = m <= 3 ? 4 : Math.floor((m - 1) / 3);
    return {
      kind: plan.kind,
      village: plan.name,
      township: TOWNSHIP_NAME,
      org: plan.kind === 'village' ? '村' : '社区',
      people: plan.kind === 'village' ? '村民' : '居民',
      committee: plan.kind === 'village' ? '村委会' : '居委会',
      committeeFull: plan.kind === 'village' ? `${plan.name}村民委员会` : `${plan.name}居民委员会`,
      reps: plan.kind === 'village' ? '村民代表' : '居民代表',
      supervision: plan.kind === 'village' ? '村务监督委员会' : '居务监督委员会',
      groups: plan.groups,
      year: y,
      month: m,
      q,
      qYear: m <= 3 ? y - 1 : y,
      names: {
        chair: chair.name,
        vice: vice.name,
        accountant: accountant.name,
        secretary: roster.partySecretary.name,
        supervisor: roster.supervisor.name,
        grid: roster.gridWorkers.map((g) => g.name),
      },
      elders: drawn((v) => v.age >= 65),
      adults: drawn((v) => v.age >= 25 && v.age < 65),
      int: rand.int,
    };
  };
  const planned: Planned[] = [];

  // 财务: every month, published in the first ten days of the next.
  const finance: Planned[] = [];
  for (let back = 1; back <= 12; back++) {
    const first = new Date(Date.UTC(nowY, bjParts(now).m - 1 - back, 1));
    const [y, m] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
    const last = new Date(Date.UTC(y, m, 0));
    const at = bj(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, rand.int(3, 10), rand.int(9, 16), rand.int(0, 59));
    if (at.getTime() > now.getTime() - 2 * HOUR) continue;
    const ctx = ctxAt(at);
    const lines = text.financeLines[plan.kind];
    const extras = rand.shuffle(lines.filter((l) => l.often < 1 && rand.chance(l.often))).slice(0, 4);
    const amounts: LedgerLine[] = lines
      .filter((l) => l.often === 1 || l.months?.includes(m) || extras.includes(l))
      .map((l) => ({
        date: `${y}-${String(m).padStart(2, '0')}-${String(rand.int(1, last.getUTCDate())).padStart(2, '0')}`,
        item: l.item,
        direction: l.direction,
        amountFen: Math.round(l.base * (0.8 + rand.next() * 0.4) * 100),
        ...(l.note ? { note: l.note } : {}),
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const month = `${y}年${m}月`;
    const content = (rows: LedgerLine[]): Planned['content'] => {
      const sum = (d: LedgerLine['direction']) =>
        rows.filter((r) => r.direction === d).reduce((s, r) => s + r.amountFen, 0) / 100;
      return {
        category: 'finance',
        title: `${month}${plan.kind === 'village' ? '村级' : '社区'}财务收支公开`,
        body: text.financeBody(ctx, month, sum('income'), sum('expense')),
        major: false,
        attachments: [],
        period: { from: `${y}-${String(m).padStart(2, '0')}-01`, until: last.toISOString().slice(0, 10) },
        ledger: rows,
      };
    };
    const p: Planned = { key: 'finance', at, ctx, content: content(amounts) };
    // Two months went out with a typing error in one amount, corrected a few days later.
    if (finance.length === 2 || finance.length === 6) {
      const k = amounts.findIndex((r, i) => i >= 3 && r.direction === 'expense');
      const right = amounts[k].amountFen / 100;
      const digits = right.toFixed(2);
      const swapped = Number(`${digits.slice(0, -5)}${digits.at(-4)}${digits.at(-5)}${digits.slice(-3)}`); // two digits transposed
      const wrongAmount = swapped !== right ? swapped : Math.round(right * 1000) / 100;
      p.wrong = {
        content: content(amounts.map((r, i) => (i === k ? { ...r, amountFen: Math.round(wrongAmount * 100) } : r))),
        reason: `第${k + 1}行“${amounts[k].item}”金额录入错误，由${wrongAmount.toFixed(2)}元更正为${right.toFixed(2)}元，收支合计相应更正`,
      };
    }
    finance.push(p);
  }
  planned.push(...finance);

  // Everything else, from the templates: seasonal ones on their months, ad hoc ones on their days.
  const corrected = new Set<string>();
  for (const t of text.templates) {
    if (t.kinds && !t.kinds.includes(plan.kind)) continue;
    const dates: Date[] = [];
    if ('daysAgo' in t.when) dates.push(workHours(new Date(now.getTime() - t.when.daysAgo * DAY)));
    else
      for (const m of t.when.months) {
        for (const y of [nowY, nowY - 1]) {
          const at = bj(y, m, t.when.day, rand.int(9, 16), rand.int(0, 59));
          if (at.getTime() < now.getTime() - 2 * HOUR && at.getTime() > yearAgo) {
            dates.push(at);
            break;
          }
        }
      }
    for (const at of dates) {
      const ctx = ctxAt(at);
      const body = t.body(ctx);
      const content: Planned['content'] = {
        category: t.category,
        title: t.title(ctx),
        body,
        major: t.major ?? false,
        attachments: [],
        ...(t.guide ? { guide: t.guide } : {}),
      };
      const p: Planned = { key: t.key, at, ctx, content };
      const fix = t.correction?.(ctx);
      if (fix && !corrected.has(t.key) && body.includes(fix.right) && at.getTime() < now.getTime() - 10 * DAY) {
        corrected.add(t.key);
        p.wrong = { content: { ...content, body: body.replace(fix.right, fix.wrong) }, reason: fix.reason };
      }
      if (t.withdrawn) p.withdrawn = t.withdrawn;
      planned.push(p);
    }
  }
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function buildNotices(
  prefix: string,
  plan: VillagePlan,
  villageId: string,
  now: Date,
  people: Villager[],
  roster: Roster,
) {
  const rand = prng(`${prefix}:${plan.n}:notices`);
  const items: Item[] = [];
  const published: string[] = [];
  const [chair, vice, accountant, womensDirector] = roster.committee;
  const readers = people.filter((p) => p.verified && p.status === 'active');
  const heads = new Map<string, Notice[]>(); // template key → notices, oldest first
  const planned = noticePlan(rand, plan, now, people, roster);

  for (const p of planned) {
    const author =
      p.content.category === 'finance'
        ? accountant
        : p.content.category === 'party'
          ? roster.partySecretary
          : rand.pick([chair, chair, vice, womensDirector]);
    const approver = author === chair ? vice : chair;
    const publisher = plan.review ? approver : author;
    const drafted = daytime(p.at.getTime() - rand.int(2, 50) * HOUR, 8, 18);
    const createdAt = new Date(drafted < p.at.getTime() ? drafted : p.at.getTime() - HOUR);
    const publishedAt = iso(p.at);
    const first = p.wrong?.content ?? p.content;
    const notice: Notice = {
      ...p.content,
      noticeId: ulid(createdAt.getTime()),
      villageId,
      status: 'published',
      version: 1,
      createdAt: iso(createdAt),
      createdBy: ref(author),
      updatedAt: publishedAt,
      publishedAt,
      ...(plan.review
        ? { submittedAt: iso(later(createdAt, (p.at.getTime() - createdAt.getTime()) / 2)), approvedBy: ref(approver) }
        : {}),
      // 财务 is reviewed by the 监委会 before it is published (the default signOffCategories).
      ...(p.content.category === 'finance'
        ? { signedOffBy: ref(roster.supervisor), signedOffAt: iso(new Date(p.at.getTime() - 30 * 60_000)) }
        : {}),
    };
    const v1: NoticeVersion = {
      ...first,
      noticeId: notice.noticeId,
      version: 1,
      publishedAt,
      publishedBy: ref(publisher),
    };
    items.push(versionItem(villageId, v1));
    let closedAt = now.getTime(); // nobody reads a withdrawn notice after it is withdrawn
    if (p.wrong) {
      const correctedAt = iso(later(p.at, rand.int(20, 90) * HOUR));
      const corrector = p.content.category === 'finance' ? accountant : chair;
      const v2: NoticeVersion = {
        ...p.content,
        noticeId: notice.noticeId,
        version: 2,
        publishedAt: correctedAt,
        publishedBy: ref(corrector),
        reason: p.wrong.reason,
      };
      items.push(versionItem(villageId, v2));
      Object.assign(notice, { version: 2, correctedAt, updatedAt: correctedAt });
    }
    if (p.withdrawn) {
      const withdrawnAt = new Date(
        Math.min(p.at.getTime() + rand.int(20, 30) * HOUR, (p.at.getTime() + now.getTime()) / 2),
      );
      closedAt = withdrawnAt.getTime();
      Object.assign(notice, {
        status: 'withdrawn',
        withdrawnAt: iso(withdrawnAt),
        withdrawReason: p.withdrawn,
        updatedAt: iso(withdrawnAt),
      });
    } else published.push(notice.noticeId);
    items.push(...noticeItems(notice));
    heads.set(p.key, [...(heads.get(p.key) ?? []), notice]);

    // Reads: 20–70% of the verified residents, most within the first days.
    const share = Math.min(0.7, 0.2 + rand.next() * 0.5 + (notice.major ? 0.1 : 0));
    for (const r of readers) {
      if (!rand.chance(share)) continue;
      const readAt = p.at.getTime() + Math.min(30 * DAY, -Math.log(1 - rand.next()) * 36 * HOUR) + 5 * 60_000;
      if (readAt >= closedAt) continue;
      const read: ReadRecord = {
        personId: r.personId,
        name: r.name,
        groupName: r.groupName,
        readAt: iso(new Date(readAt)),
      };
      items.push({ ...keys.noticeRead(villageId, notice.noticeId, r.personId), type: 'notice-read', ...read });
    }
  }

  // Questions from residents, most answered by the chair or the accountant, a few still waiting.
  const askers = rand.shuffle(roster.residents.slice(8));
  const by = { chair, vice, accountant, secretary: roster.partySecretary };
  const finance = (heads.get('finance') ?? []).slice().reverse(); // newest first
  for (const [i, q] of text.questions.entries()) {
    if (q.kinds && !q.kinds.includes(plan.kind)) continue;
    const withRow = finance.filter((n) => !q.row || n.ledger?.some((r) => r.item.includes(q.row!)));
    const target =
      q.on === 'finance' ? withRow[Math.min(q.financeIndex ?? 0, withRow.length - 1)] : heads.get(q.on)?.at(-1);
    if (target?.status !== 'published') continue;
    const shownAt = new Date(target.publishedAt!).getTime();
    const asker = askers[i % askers.length];
    const askedAt = daytime(
      q.answer
        ? shownAt + rand.int(4, 96) * HOUR
        : Math.max(shownAt + 2 * HOUR, now.getTime() - rand.int(2, 5) * DAY - rand.int(0, 8) * HOUR),
      7,
      22,
    );
    const answeredAt = daytime(askedAt + rand.int(3, 60) * HOUR, 8, 18);
    if (askedAt >= now.getTime() || (q.answer && answeredAt >= now.getTime())) continue;
    const question: QuestionRecord = {
      questionId: ulid(askedAt),
      noticeId: target.noticeId,
      noticeTitle: target.title,
      text: q.text,
      askedAt: iso(new Date(askedAt)),
      askedBy: ref(asker),
      ...(q.answer
        ? { answer: { text: q.answer.text, answeredAt: iso(new Date(answeredAt)), answeredBy: ref(by[q.answer.by]) } }
        : {}),
    };
    items.push(questionItem(villageId, question));
  }

  // Work in progress: two drafts and, where review is required, one awaiting a second member.
  const ctx = planned.at(-1)?.ctx;
  if (ctx) {
    const wip = (
      d: { title: string; body: string; category: Notice['category'] },
      author: Villager,
      daysAgo: number,
    ) => {
      const createdAt = new Date(daytime(now.getTime() - daysAgo * DAY - rand.int(1, 6) * HOUR, 8, 18));
      const updatedAt = new Date(daytime(createdAt.getTime() + rand.int(1, 20) * HOUR, 8, 20));
      return {
        ...d,
        major: false,
        attachments: [],
        noticeId: ulid(createdAt.getTime()),
        villageId,
        status: 'draft',
        version: 1,
        createdAt: iso(createdAt),
        createdBy: ref(author),
        updatedAt: iso(updatedAt < now ? updatedAt : createdAt),
      } satisfies Notice;
    };
    const [charter, safety] = text.drafts(ctx);
    items.push(noticeItem(wip(charter, vice, 5)), noticeItem(wip(safety, chair, 2)));
    if (plan.review) {
      const pending = wip(text.pendingReview(ctx), womensDirector, 1);
      items.push(noticeItem({ ...pending, status: 'pending_review', submittedAt: pending.updatedAt }));
    }
  }
  return { items, published };
}

/* ---------- writing ---------- */

/* ---------- the seed ---------- */

export async function seedDemo(options: {
  now: Date;
  idPrefix?: string;
  withNotices?: boolean;
}): Promise<SeededTownship> {
  const prefix = options.idPrefix ?? 'demo';
  const { now } = options;
  const nowYear = bjParts(now).y;
  const townshipId = `${prefix}-T`;
  const township = { townshipId, name: TOWNSHIP_NAME };
  const staffTenant = { kind: 'township' as const, townshipId };
  const staff: PersonRecord[] = [
    { name: '周文斌', post: '党政办' },
    { name: '郑丽萍', post: '民政办' },
  ].map((s, i) => ({
    personId: `${townshipId}-S${String(i + 1).padStart(2, '0')}`,
    tenantId: townshipId,
    tenant: staffTenant,
    name: s.name,
    roles: [{ termId: `${townshipId}-S${i + 1}-T1`, role: 'township_staff', post: s.post, from: TERM_START }],
    verified: true,
    status: 'active',
  }));
  const items: Item[] = [...townshipItems(township), ...staff.map((p) => personItem(p))];
  const idNumbersAndPhones: string[] = [];

  const villages = villagePlans.map((plan): SeededVillage => {
    const villageId = `${prefix}-V${plan.n}`;
    const settings = { ...defaultVillageSettings(), noticeReviewRequired: plan.review };
    items.push(
      ...villageItems({ villageId, townshipId, name: plan.name, kind: plan.kind, settings, groups: plan.groups }),
    );
    const { people, roles } = buildPeople(plan, villageId, townshipId, nowYear, prefix);
    for (const { sensitive } of people)
      idNumbersAndPhones.push(sensitive.idNumber, ...(sensitive.phone ? [sensitive.phone] : []));
    for (const p of people.map(record)) {
      items.push(...personItems(p, now));
      if (p.idHash) items.push(idNumberMarkerItem(villageId, p.idHash, p.personId));
    }
    const notices =
      options.withNotices === false
        ? { items: [], published: [] }
        : buildNotices(prefix, plan, villageId, now, people, roles);
    items.push(...notices.items);
    return {
      villageId,
      name: plan.name,
      chair: seeded(roles.committee[0]),
      committee: roles.committee.map(seeded),
      partySecretary: seeded(roles.partySecretary),
      supervisor: seeded(roles.supervisor),
      gridWorkers: roles.gridWorkers.map(seeded),
      representatives: roles.representatives.map(seeded),
      partyMembers: roles.partyMembers.map(seeded),
      residents: roles.residents.map(seeded),
      unverifiedResident: seeded(roles.unverified),
      publishedNoticeIds: notices.published,
    };
  });
  await putAll(items, 8);
  // The township's table reads summaries that events keep up to date; a seeded village starts with its own.
  for (const v of villages) {
    const record = await getVillage(v.villageId);
    if (record) await refreshVillageSummary(record, allParts, now, now.toISOString());
  }
  return {
    townshipId,
    name: township.name,
    staff: seeded(staff[0]),
    civilAffairs: seeded(staff[1]),
    villages: [villages[0], villages[1]],
    idNumbersAndPhones,
  };
}
