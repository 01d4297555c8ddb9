import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { dynamo, table } from '../../src/functions/lib/db';
import { keys } from '../../src/functions/lib/keys';
import type { QuestionRecord, ReadRecord } from '../../src/functions/notices/store';
import { noticeItem, versionItem } from '../../src/functions/notices/store';
import { type PersonRecord, personItem } from '../../src/functions/people/store';
import { townshipItems, villageItems } from '../../src/functions/villages/store';
import type { AmountRow, Notice, NoticeVersion } from '../../src/shared/schemas/notice';
import type { Role, RoleTerm } from '../../src/shared/schemas/person';
import { defaultVillageSettings } from '../../src/shared/schemas/settings';
import * as text from './seed-data';

/**
 * The demo township: two villages (so tenancy is visible), each with groups,
 * ~60 households, ~150 residents, a committee, a supervisor, grid workers,
 * representatives, party members, and (optionally) a year of notices.
 * Deterministic per idPrefix, so tests can seed their own township side by side.
 */
export interface SeededPerson {
  tenantId: string;
  personId: string;
  name: string;
}
export interface SeededVillage {
  villageId: string;
  name: string;
  chair: SeededPerson;
  committee: SeededPerson[];
  partySecretary: SeededPerson;
  supervisor: SeededPerson;
  gridWorkers: SeededPerson[];
  representatives: SeededPerson[];
  partyMembers: SeededPerson[];
  residents: SeededPerson[];
  unverifiedResident: SeededPerson;
  publishedNoticeIds: string[];
}
export interface SeededTownship {
  townshipId: string;
  name: string;
  staff: SeededPerson;
  villages: [SeededVillage, SeededVillage];
}

type Item = Record<string, unknown>;
const DAY = 86_400_000;
const TERM_START = '2024-01-01';

/** mulberry32: a tiny seeded PRNG, so the same prefix always gives the same village. */
function prng(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}
type Rand = ReturnType<typeof prng>;

const villagePlans = [
  {
    n: 1,
    name: '柳溪村',
    kind: 'village' as const,
    review: true,
    clan: ['王', '李'],
    groups: ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组', '第五村民小组'],
  },
  {
    n: 2,
    name: '石桥社区',
    kind: 'community' as const,
    review: false,
    clan: ['陈', '林'],
    groups: ['1号楼', '2号楼', '3号楼', '4号楼'],
  },
];

interface Villager extends PersonRecord {
  adult: boolean;
}

function buildPeople(rand: Rand, villageId: string, townshipId: string, plan: (typeof villagePlans)[number]) {
  const tenant = { kind: 'village' as const, villageId, townshipId };
  const people: Villager[] = [];
  const name = () => (rand.next() < 0.5 ? rand.pick(plan.clan) : rand.pick(text.surnames)) + rand.pick(text.givenNames);
  for (let h = 1; h <= 60; h++) {
    const householdId = `${villageId}-H${String(h).padStart(3, '0')}`;
    const groupName = plan.groups[(h - 1) % plan.groups.length];
    const size = rand.pick([1, 2, 2, 2, 3, 3, 3, 4, 4, 5]);
    for (let m = 0; m < size; m++) {
      const adult = m < 2 || rand.next() < 0.6;
      const roles: RoleTerm[] = [{ role: 'resident', from: TERM_START }];
      if (m === 0) roles.push({ role: 'household_head', from: TERM_START });
      people.push({
        personId: `${villageId}-P${String(people.length + 1).padStart(4, '0')}`,
        tenantId: villageId,
        tenant,
        name: name(),
        groupName,
        householdId,
        roles,
        verified: adult && rand.next() < 0.9,
        status: 'active',
        adult,
      });
    }
  }
  return people;
}

/** Hands out committee posts and other roles to distinct verified adults. */
function assignRoles(people: Villager[]) {
  const pool = people.filter((p) => p.adult && p.verified);
  let next = 0;
  const take = (role: Role, post?: string) => {
    const p = pool[next++ * 2 + 1];
    p.roles.push({ role, post, from: TERM_START });
    return p;
  };
  const committee = [
    take('committee', '主任'),
    take('committee', '副主任'),
    take('committee', '会计'),
    take('committee', '委员'),
  ];
  committee[0].roles.push({ role: 'party_member', from: TERM_START });
  const partySecretary = take('party_branch', '党支部书记');
  partySecretary.roles.push({ role: 'party_member', from: TERM_START });
  const supervisor = take('supervisor', '监委会主任');
  const gridWorkers = [1, 2, 3].map(() => take('grid_worker'));
  const representatives = Array.from({ length: 8 }, () => take('representative'));
  const partyMembers = Array.from({ length: 10 }, () => take('party_member'));
  const special = new Set([
    ...committee,
    partySecretary,
    supervisor,
    ...gridWorkers,
    ...representatives,
    ...partyMembers,
  ]);
  const unverified = people.find((p) => p.adult && !p.verified && !special.has(p))!;
  // Some of the register has moved away or died: kept in history, never signed in.
  const leavers = people.filter((p) => !special.has(p) && p !== unverified).slice(-3);
  leavers[0].status = 'moved_out';
  leavers[1].status = 'deceased';
  const residents = people.filter((p) => p.verified && p.status === 'active' && !special.has(p));
  return { committee, partySecretary, supervisor, gridWorkers, representatives, partyMembers, unverified, residents };
}

const seeded = (p: PersonRecord): SeededPerson => ({ tenantId: p.tenantId, personId: p.personId, name: p.name });
const ref = (p: PersonRecord) => ({ personId: p.personId, name: p.name });

/** A working-hours moment (Beijing time) `daysAgo` days before now. */
const workingMoment = (now: Date, daysAgo: number, rand: Rand) => {
  const day = new Date(now.getTime() - daysAgo * DAY);
  day.setUTCHours(rand.int(1, 8), rand.int(0, 59), 0, 0); // 09:00–16:59 in UTC+8
  return day;
};

interface NoticePlan {
  seed: text.NoticeSeed;
  at: Date;
  amounts?: AmountRow[];
  period?: { from: string; until: string };
}

function noticePlans(rand: Rand, now: Date): NoticePlan[] {
  const plans: NoticePlan[] = [];
  const local = new Date(now.getTime() + 8 * 3600_000);
  for (let back = 1; back <= 12; back++) {
    const first = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const at = new Date(last.getTime() + rand.int(3, 9) * DAY + rand.int(1, 8) * 3600_000);
    if (at >= now) continue;
    const month = `${first.getUTCFullYear()}年${first.getUTCMonth() + 1}月`;
    plans.push({
      seed: {
        category: 'finance',
        title: `${month}村级财务收支公开`,
        body: text.financeBody(month),
        attachments: [`${month}财务明细表.xlsx`],
      },
      at,
      period: { from: first.toISOString().slice(0, 10), until: last.toISOString().slice(0, 10) },
      amounts: text.financeRows.map((r) => ({
        item: r.item,
        direction: r.direction,
        amountYuan: Math.round(r.base * (0.7 + rand.next() * 0.6)) + rand.int(0, 99) / 100,
      })),
    });
  }
  const spread = (seeds: text.NoticeSeed[], fromDays: number) =>
    seeds.forEach((seed, i) => {
      plans.push({
        seed,
        at: workingMoment(now, Math.max(2, fromDays - Math.floor((i * fromDays) / seeds.length)), rand),
      });
    });
  spread(text.villageNotices, 330);
  spread(text.partyNotices, 300);
  spread(text.governmentNotices, 280);
  spread(text.serviceNotices, 360);
  return plans.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function buildNotices(
  rand: Rand,
  villageId: string,
  now: Date,
  roles: ReturnType<typeof assignRoles>,
  review: boolean,
) {
  const items: Item[] = [];
  const published: string[] = [];
  const [chair, vice, accountant] = roles.committee;
  const readers = roles.residents.slice();
  let questionNo = 0;
  for (const [i, plan] of noticePlans(rand, now).entries()) {
    const at = plan.at.toISOString();
    const author =
      plan.seed.category === 'finance' ? accountant : plan.seed.category === 'party' ? roles.partySecretary : chair;
    const content = {
      category: plan.seed.category,
      title: plan.seed.title,
      body: plan.seed.body,
      major: plan.seed.major ?? false,
      attachments: (plan.seed.attachments ?? []).map((name) => ({ name })),
      period: plan.period,
      amounts: plan.amounts,
      guide: plan.seed.guide,
    };
    const notice: Notice = {
      ...content,
      noticeId: ulid(plan.at.getTime() - 3600_000),
      villageId,
      status: 'published',
      version: 1,
      createdAt: new Date(plan.at.getTime() - 3600_000).toISOString(),
      createdBy: ref(author),
      updatedAt: at,
      publishedAt: at,
      ...(review ? { approvedBy: ref(author === chair ? vice : chair) } : {}),
    };
    const v1: NoticeVersion = {
      ...content,
      noticeId: notice.noticeId,
      version: 1,
      publishedAt: at,
      publishedBy: ref(author),
    };
    items.push(versionItem(villageId, v1));
    if (plan.amounts && i % 5 === 2) {
      // A correction: the first version had a typo in one amount.
      const correctedAt = new Date(plan.at.getTime() + 2 * DAY).toISOString();
      const wrong = plan.amounts.map((r, k) => (k === 4 ? { ...r, amountYuan: r.amountYuan * 10 } : r));
      items[items.length - 1] = versionItem(villageId, { ...v1, amounts: wrong });
      const reason = `“${plan.amounts[4].item}”金额录入时多写一位，更正为${plan.amounts[4].amountYuan.toFixed(2)}元`;
      items.push(
        versionItem(villageId, {
          ...content,
          noticeId: notice.noticeId,
          version: 2,
          publishedAt: correctedAt,
          publishedBy: ref(accountant),
          reason,
        }),
      );
      Object.assign(notice, { version: 2, correctedAt, updatedAt: correctedAt });
    }
    if (plan.seed.title === '惠农补贴“一卡通”信息核对通知') {
      const withdrawnAt = new Date(plan.at.getTime() + DAY).toISOString();
      Object.assign(notice, {
        status: 'withdrawn',
        withdrawnAt,
        withdrawReason: '镇里调整了核对时间，将另行通知',
        updatedAt: withdrawnAt,
      });
    }
    items.push(noticeItem(notice));
    published.push(notice.noticeId);
    const share = 0.2 + rand.next() * 0.5;
    for (const r of readers) {
      if (rand.next() > share) continue;
      const read: ReadRecord = {
        personId: r.personId,
        name: r.name,
        groupName: r.groupName,
        readAt: new Date(plan.at.getTime() + rand.int(1, 72) * 3600_000).toISOString(),
      };
      items.push({ ...keys.noticeRead(villageId, notice.noticeId, r.personId), type: 'notice-read', ...read });
    }
    if (i % 7 === 3 && questionNo < text.questions.length) {
      const asker = readers[(questionNo * 11) % readers.length];
      const waiting = questionNo >= text.answers.length;
      const askedAt = waiting ? workingMoment(now, 3 + questionNo, rand) : new Date(plan.at.getTime() + DAY);
      const q: QuestionRecord = {
        questionId: ulid(askedAt.getTime()),
        noticeId: notice.noticeId,
        text: text.questions[questionNo],
        askedAt: askedAt.toISOString(),
        askedBy: ref(asker),
      };
      if (!waiting)
        q.answer = {
          text: text.answers[questionNo],
          answeredAt: new Date(askedAt.getTime() + 2 * DAY).toISOString(),
          answeredBy: ref(plan.seed.category === 'finance' ? accountant : chair),
        };
      items.push({ ...keys.noticeQuestion(villageId, notice.noticeId, q.questionId), type: 'notice-question', ...q });
      questionNo++;
    }
  }
  // Work in progress: drafts and (where review is required) one awaiting a second member.
  const draftAt = new Date(now.getTime() - DAY).toISOString();
  const draft = (title: string, body: string, status: Notice['status']): Notice => ({
    category: 'village',
    title,
    body,
    major: false,
    attachments: [],
    noticeId: ulid(now.getTime() - DAY),
    villageId,
    status,
    version: 1,
    createdAt: draftAt,
    createdBy: ref(chair),
    updatedAt: draftAt,
    ...(status === 'pending_review' ? { submittedAt: draftAt } : {}),
  });
  items.push(
    noticeItem(draft('村规民约修订（征求意见稿）', '村规民约修订草案已形成，现向全体村民征求意见。', 'draft')),
  );
  items.push(
    noticeItem(draft('冬季防火安全提示', '冬季天干物燥，请村民注意用火用电安全，不在山林周边焚烧秸秆。', 'draft')),
  );
  if (review)
    items.push(
      noticeItem(
        draft('村卫生室开放时间调整', '自下月起，村卫生室开放时间调整为每天上午8点至下午5点。', 'pending_review'),
      ),
    );
  return { items, published };
}

async function writeAll(items: Item[]) {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  const writeChunk = async (chunk: Item[]) => {
    let pending = { [table()]: chunk.map((Item) => ({ PutRequest: { Item } })) };
    for (let attempt = 0; Object.keys(pending).length && attempt < 10; attempt++) {
      const r = await dynamo.send(new BatchWriteCommand({ RequestItems: pending }));
      pending = (r.UnprocessedItems ?? {}) as typeof pending;
      if (Object.keys(pending).length) await new Promise((res) => setTimeout(res, 50 * 2 ** attempt));
    }
  };
  for (let i = 0; i < chunks.length; i += 8) await Promise.all(chunks.slice(i, i + 8).map(writeChunk));
}

export async function seedDemo(options: {
  now: Date;
  idPrefix?: string;
  withNotices?: boolean;
}): Promise<SeededTownship> {
  const prefix = options.idPrefix ?? 'demo';
  const rand = prng(prefix);
  const townshipId = `${prefix}-T`;
  const township = { townshipId, name: '青山镇' };
  const staff: PersonRecord = {
    personId: `${townshipId}-S01`,
    tenantId: townshipId,
    tenant: { kind: 'township', townshipId },
    name: '周文斌',
    roles: [{ role: 'township_staff', post: '党政办', from: TERM_START }],
    verified: true,
    status: 'active',
  };
  const items: Item[] = [...townshipItems(township), personItem(staff)];
  const villages = villagePlans.map((plan) => {
    const villageId = `${prefix}-V${plan.n}`;
    const settings = { ...defaultVillageSettings(), noticeReviewRequired: plan.review };
    items.push(...villageItems({ villageId, townshipId, name: plan.name, kind: plan.kind, settings }));
    const people = buildPeople(rand, villageId, townshipId, plan);
    const roles = assignRoles(people);
    items.push(...people.map(({ adult, ...p }) => personItem(p)));
    const notices =
      options.withNotices === false
        ? { items: [], published: [] }
        : buildNotices(rand, villageId, options.now, roles, plan.review);
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
  await writeAll(items);
  return { townshipId, name: township.name, staff: seeded(staff), villages: [villages[0], villages[1]] };
}
