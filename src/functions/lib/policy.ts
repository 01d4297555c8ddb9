import type { CaseRoute } from '../../shared/schemas/case';
import type { NoticeCategory } from '../../shared/schemas/notice';
import type { Role } from '../../shared/schemas/person';
import type { Actor } from './actor';
import { forbidden, notFound } from './errors';

/**
 * The one place that decides who may do what. Handlers name an action; this
 * answers allow, or throws forbidden with a reason a person can read.
 * Tenancy comes first: another village's things are "not found", not "forbidden",
 * so their existence is not revealed.
 */
export type Action =
  | 'village.enter' // be in a village at all, reading its public notices: its members and its township's staff
  | 'notice.ask'
  | 'notice.work' // see drafts and notices awaiting review
  | 'notice.draft'
  | 'notice.publish'
  | 'notice.approve'
  | 'notice.correct'
  | 'notice.withdraw'
  | 'notice.readers' // how many read a notice
  | 'notice.readerNames' // who read it: the village's own overseers; the township sees counts, not people
  | 'notice.answer'
  | 'notice.rate' // 一满意: one's own rating of a notice
  | 'notice.ratings' // the counts and reasons, never who
  | 'calendar.view'
  | 'settings.view'
  | 'settings.change'
  | 'person.browse' // the roster with names, sensitive fields masked
  | 'person.sensitive' // unmasked ID number, phone, birth date: audited
  | 'person.manage' // add, edit, move, departure, roles, unbind
  | 'person.invite' // an invite code handed over face to face
  | 'roster.import'
  | 'roster.export'
  | 'roster.summary' // counts only
  | 'binding.review' // approve or reject a claim that did not match
  | 'topic.propose' // open a consultation topic as a draft
  | 'topic.run' // open and close voting
  | 'topic.vote' // cast one's own ballot (the frozen electorate decides who counts)
  | 'topic.scrutinize' // 监票人: record ballots cast at the meeting or on paper
  | 'topic.stage' // record a stage of 四议两公开
  | 'topic.comment'
  | 'topic.moderate' // hide a comment, with a reason
  | 'case.submit' // a suggestion or petition of one's own
  | 'case.proxy' // 代为录入: on behalf of a resident met in person, by phone, at a meeting or from the box
  | 'case.support' // 附议 a suggestion, 联名 a petition
  | 'case.convene' // record the meeting a co-signed petition obliged the committee to call
  | 'case.dashboard' // counts, times and satisfaction
  | 'case.township' // the township's list of escalated and overdue cases
  | 'township.table' // the township's table of its villages: counts, no one named
  | 'audit.verify' // check the hash-chained audit record: the supervision committee and the township
  | 'audit.browse' // read the audit record entry by entry, filtered: the same overseers
  | 'correction.handle' // the residents' correction requests (PIPL art. 46): the committee answers them
  | 'care.view' // the care registry (特困人员): the committee, the 监委会 (oversight) and township civil affairs
  | 'care.manage' // register, guardians, agreements, visits, problems: the committee and township civil affairs
  | 'inquiry.ask' // 质询: a formal question to the committee, by the 监委会
  | 'inquiry.answer'
  | 'inquiry.confidential' // read an inquiry marked confidential: the 监委会, the committee, the township
  | 'oversight.checklist' // the month's check list: the 监委会 and the township
  | 'notice.signOff'; // 监委会 review of a notice whose category the village asks it for (财务 by default)

export interface Target {
  villageId: string;
  townshipId: string;
  category?: NoticeCategory;
  draftedBy?: string;
  /** The group / grid of the person acted on: grid workers act in their own grid only. */
  groupName?: string;
}

const villageMembers: Role[] = [
  'resident',
  'household_head',
  'representative',
  'party_member',
  'party_branch',
  'grid_worker',
  'committee',
  'supervisor',
];
const editors = (t: Target): Role[] => (t.category === 'party' ? ['committee', 'party_branch'] : ['committee']);
const overseers: Role[] = ['committee', 'party_branch', 'supervisor', 'township_staff'];
/** Grid workers reach people of their own grid only; committee members reach everyone. */
const ownGridUnless =
  (...wider: Role[]) =>
  (a: Actor, t: Target) =>
    wider.some((r) => a.roles.includes(r)) || (t.groupName !== undefined && a.grids.includes(t.groupName))
      ? undefined
      : '网格员只能处理本网格的村民';
const ownGridUnlessCommittee = ownGridUnless('committee');
const ownGridUnlessOverseer = ownGridUnless('committee', 'party_branch', 'supervisor');

const onlyTownship = (a: Actor) => a.tenant.kind === 'township';

interface Rule {
  roles: (t: Target) => Role[];
  denied: string;
  extra?: (a: Actor, t: Target) => string | undefined;
}

const rules: Record<Action, Rule> = {
  'village.enter': {
    roles: () => [...villageMembers, 'township_staff'],
    denied: '只有本村村民和乡镇工作人员可以进入本村',
  },
  'notice.ask': { roles: () => villageMembers, denied: '只有本村村民可以提出询问' },
  'notice.work': { roles: () => overseers, denied: '只有村委会、监委会和乡镇工作人员可以查看未发布的公告' },
  'notice.draft': { roles: editors, denied: '只有村委会委员可以起草公告（党务公开也可由党支部起草）' },
  'notice.publish': { roles: editors, denied: '只有村委会委员可以发布公告' },
  'notice.approve': {
    roles: editors,
    denied: '只有村委会委员可以审核公告',
    extra: (a, t) => (t.draftedBy === a.personId ? '公告须由起草人以外的另一名委员审核' : undefined),
  },
  'notice.correct': { roles: editors, denied: '只有村委会委员可以更正公告' },
  'notice.withdraw': { roles: editors, denied: '只有村委会委员可以撤回公告' },
  'notice.readers': { roles: () => overseers, denied: '只有村委会、监委会和乡镇工作人员可以查看阅读情况' },
  'notice.readerNames': {
    roles: () => ['committee', 'party_branch', 'supervisor'],
    denied: '只有村“两委”和监委会可以查看已读名单，乡镇只看人数',
  },
  'notice.answer': { roles: editors, denied: '只有村委会委员可以答复询问' },
  'notice.rate': { roles: () => villageMembers, denied: '只有本村村民可以评价公告' },
  'notice.ratings': { roles: () => overseers, denied: '只有村委会、监委会和乡镇工作人员可以查看公告满意度' },
  'calendar.view': { roles: () => overseers, denied: '只有村委会、监委会和乡镇工作人员可以查看公开日历' },
  'settings.view': { roles: () => overseers, denied: '只有村委会、监委会和乡镇工作人员可以查看本村设置' },
  'settings.change': { roles: () => ['committee'], denied: '只有村委会委员可以修改本村设置' },
  'person.browse': {
    roles: () => ['committee', 'party_branch', 'supervisor', 'grid_worker'],
    denied: '只有村“两委”、监委会和网格员可以查看村民名册',
    extra: (a, t) => (t.groupName === undefined ? undefined : ownGridUnlessOverseer(a, t)),
  },
  'person.sensitive': {
    roles: () => ['committee'],
    denied: '只有村委会委员可以查看完整的身份证号、电话和出生日期',
  },
  'person.manage': { roles: () => ['committee'], denied: '只有村委会委员可以修改村民名册' },
  'person.invite': {
    roles: () => ['committee', 'grid_worker'],
    denied: '只有村委会委员和网格员可以生成邀请码',
    extra: ownGridUnlessCommittee,
  },
  'roster.import': { roles: () => ['committee'], denied: '只有村委会委员可以导入名册' },
  'roster.export': { roles: () => ['committee', 'supervisor'], denied: '只有村委会委员和监委会可以导出名册' },
  'roster.summary': { roles: () => overseers, denied: '只有村委会、监委会和乡镇工作人员可以查看名册统计' },
  'binding.review': { roles: () => ['committee'], denied: '只有村委会委员可以审核绑定申请' },
  'topic.propose': { roles: () => ['committee'], denied: '只有村委会委员可以提出表决议题' },
  'topic.run': { roles: () => ['committee'], denied: '只有村委会委员可以开始或结束表决' },
  'topic.vote': { roles: () => villageMembers, denied: '只有本村村民可以投票' },
  'topic.stage': {
    roles: () => ['committee', 'party_branch'],
    denied: '只有村“两委”委员可以记录“四议两公开”环节',
  },
  'topic.comment': { roles: () => villageMembers, denied: '只有本村村民可以发表意见' },
  'topic.moderate': { roles: () => ['committee'], denied: '只有村委会委员可以隐藏发言' },
  'case.submit': { roles: () => villageMembers, denied: '只有本村村民可以提交建议或诉求' },
  'case.proxy': {
    roles: () => ['committee', 'grid_worker'],
    denied: '只有村委会委员和网格员可以代村民录入',
    extra: ownGridUnlessCommittee,
  },
  'case.support': { roles: () => villageMembers, denied: '只有本村村民可以附议或联名' },
  'case.convene': { roles: () => ['committee'], denied: '只有村委会委员可以召集会议' },
  'case.dashboard': { roles: () => overseers, denied: '只有村“两委”、监委会和乡镇工作人员可以查看办理统计' },
  'case.township': { roles: () => ['township_staff'], denied: '只有乡镇工作人员可以查看上报乡镇的事项' },
  'township.table': { roles: () => ['township_staff'], denied: '只有乡镇工作人员可以查看各村一览' },
  'care.view': {
    roles: () => ['committee', 'supervisor', 'township_staff'],
    denied: '只有村委会、监委会和乡镇民政工作人员可以查看特困人员监护照料名册',
    extra: (a) =>
      onlyTownship(a) && !isCivilAffairs(a) ? '乡镇只有民政工作人员可以查看特困人员监护照料名册' : undefined,
  },
  'care.manage': {
    roles: () => ['committee', 'township_staff'],
    denied: '只有村委会委员和乡镇民政工作人员可以登记监护照料信息',
    extra: (a) => (onlyTownship(a) && !isCivilAffairs(a) ? '乡镇只有民政工作人员可以登记监护照料信息' : undefined),
  },
  'audit.verify': {
    roles: () => ['supervisor', 'township_staff'],
    denied: '只有监委会和乡镇工作人员可以校验操作记录',
  },
  'correction.handle': { roles: () => ['committee'], denied: '只有村委会委员可以处理更正申请' },
  'audit.browse': {
    roles: () => ['supervisor', 'township_staff'],
    denied: '只有监委会和乡镇工作人员可以查看操作记录',
  },
  'inquiry.ask': { roles: () => ['supervisor'], denied: '只有监委会委员可以提出质询' },
  'inquiry.answer': { roles: () => ['committee'], denied: '只有村委会委员可以答复质询' },
  'inquiry.confidential': {
    roles: () => ['committee', 'supervisor', 'township_staff'],
    denied: '不公开的质询只有监委会、村委会和乡镇可以查看',
  },
  'oversight.checklist': {
    roles: () => ['supervisor', 'township_staff'],
    denied: '只有监委会和乡镇工作人员可以查看监督检查清单',
  },
  'notice.signOff': { roles: () => ['supervisor'], denied: '只有监委会委员可以审核把关' },
  'topic.scrutinize': {
    roles: () => ['committee', 'supervisor'],
    denied: '只有村委会委员和监委会委员可以作为监票人录入选票',
  },
};

/** The groups whose people an actor may browse: all (undefined) for the village's overseers, their own grids for a grid worker. */
export const browsableGroups = (a: Actor): string[] | undefined =>
  (['committee', 'party_branch', 'supervisor'] as Role[]).some((r) => a.roles.includes(r)) ? undefined : a.grids;

/** Does the actor's tenant cover this village at all? */
export const coversVillage = (a: Actor, villageId: string, townshipId: string) =>
  a.tenant.kind === 'village' ? a.tenant.villageId === villageId : a.tenant.townshipId === townshipId;

export function authorize(actor: Actor, action: Action, target: Target): void {
  if (!coversVillage(actor, target.villageId, target.townshipId)) throw notFound();
  const rule = rules[action];
  if (!rule.roles(target).some((r) => actor.roles.includes(r))) throw forbidden(rule.denied);
  const reason = rule.extra?.(actor, target);
  if (reason) throw forbidden(reason);
}

/** Whether an action would be allowed, for shaping responses (e.g. showing names to staff). */
export function allows(actor: Actor, action: Action, target: Target): boolean {
  try {
    authorize(actor, action, target);
    return true;
  } catch {
    return false;
  }
}

/** A case as the policy sees it: who it is about, who handles it, who may know who asked. */
export interface CaseTarget extends Target {
  route: CaseRoute;
  public: boolean;
  care: boolean;
  escalated: boolean;
  submitterId: string;
  enteredById?: string;
  assigneeId?: string;
  /** The person complained about: they never handle the case or learn who complained. */
  subjectId?: string;
}

/** Township civil-affairs staff (民政): the only township staff who see care concerns (关爱线索) and the care registry. */
const isCivilAffairs = (a: Actor) => a.roles.includes('township_staff') && a.posts.some((p) => p.includes('民政'));
const routeDeciders: Record<CaseRoute, (a: Actor) => boolean> = {
  committee: (a) => a.roles.includes('committee'),
  // 监委会 and the township, never the committee it is about.
  supervision: (a) => a.roles.includes('supervisor') || a.roles.includes('township_staff'),
  civil_affairs: isCivilAffairs,
};
const isSubject = (a: Actor, c: CaseTarget) => c.subjectId === a.personId;

/** Accept, decline, assign, extend, merge, convert, convene: the case's route decides, and the township once escalated. */
export const decidesCase = (a: Actor, c: CaseTarget) =>
  coversVillage(a, c.villageId, c.townshipId) &&
  !isSubject(a, c) &&
  (routeDeciders[c.route](a) || (c.escalated && !c.care && a.roles.includes('township_staff')));

/** Progress notes and the written reply: the deciders and the handler the case was assigned to. */
export const worksCase = (a: Actor, c: CaseTarget) =>
  decidesCase(a, c) || (coversVillage(a, c.villageId, c.townshipId) && c.assigneeId === a.personId);

/** Who may know the petitioner (confidential tier): the petitioner, whoever entered it, its handlers, and the grid worker of an ordinary case. */
export const knowsPetitioner = (a: Actor, c: CaseTarget) =>
  coversVillage(a, c.villageId, c.townshipId) &&
  !isSubject(a, c) &&
  (a.personId === c.submitterId ||
    a.personId === c.enteredById ||
    worksCase(a, c) ||
    (c.route === 'committee' && c.groupName !== undefined && a.grids.includes(c.groupName)));

/** Overseers read the committee's handling (监委会 everything the committee does; the township all but care concerns). */
const oversees = (a: Actor, c: CaseTarget) =>
  !c.care && (a.roles.includes('township_staff') || (c.route === 'committee' && a.roles.includes('supervisor')));

export const seesCase = (a: Actor, c: CaseTarget) =>
  coversVillage(a, c.villageId, c.townshipId) && (knowsPetitioner(a, c) || oversees(a, c) || (c.public && !c.care));
