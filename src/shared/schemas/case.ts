import * as z from 'zod';
import { containsIdNumber, containsPhoneNumber, idNumberMessage, phoneNumberMessage } from '../rules/tiers';
import { Cursor, Id, IsoDate, Line, Prose } from './common';
import { PhotoIds, PhotoView } from './photo';

/**
 * Suggestions (建议, 金点子, 微心愿) and petitions (诉求, complaints, disputes) share
 * one case workflow (domain.md §3, §4) with different defaults for visibility.
 */
export const CaseKind = z.enum(['suggestion', 'petition'], { error: '请选择是建议还是诉求' });
export type CaseKind = z.infer<typeof CaseKind>;
export const caseKindLabels: Record<CaseKind, string> = { suggestion: '建议', petition: '诉求' };

export const CaseStatus = z.enum([
  'submitted', // 已提交
  'accepted', // 已受理
  'declined', // 不予受理
  'assigned', // 已转办
  'in_progress', // 办理中
  'resolved', // 已办结 (written reply given)
  'rated', // 已评价
  'closed', // 已结案
  'reopened', // 重新办理
  'escalated', // 已上报乡镇
]);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const caseStatusLabels: Record<CaseStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  declined: '不予受理',
  assigned: '已转办',
  in_progress: '办理中',
  resolved: '已答复',
  rated: '已评价',
  closed: '已结案',
  reopened: '重新办理',
  escalated: '已上报乡镇',
};

/** Who handles a case: the committee; the supervision committee and township when the committee is its subject; civil affairs for a care concern. */
export const CaseRoute = z.enum(['committee', 'supervision', 'civil_affairs']);
export type CaseRoute = z.infer<typeof CaseRoute>;
export const caseRouteLabels: Record<CaseRoute, string> = {
  committee: '村委会办理',
  supervision: '监委会和乡镇办理（涉及村委会）',
  civil_affairs: '乡镇民政和指定干部办理',
};

/** How a case reached the app: the resident's own phone, or a grid worker met them (proxy entry, 代为录入). */
export const Intake = z.enum(['app', 'visit', 'phone', 'meeting', 'box'], { error: '请选择收集方式' });
export type Intake = z.infer<typeof Intake>;
export const intakeLabels: Record<Intake, string> = {
  app: '本人在手机上提交',
  visit: '入户走访',
  phone: '电话',
  meeting: '会议（坝坝会、议事会）',
  box: '意见箱',
};

/**
 * The subject of a complaint that is a conflict of interest for the committee: the committee itself, one of its
 * members, a member's relative, or a ward the committee is guardian of (民法典 art. 32: 村委会担任监护人).
 */
export const CaseAbout = z.enum(['committee', 'member', 'relative', 'guardianship'], { error: '请选择投诉对象' });
export type CaseAbout = z.infer<typeof CaseAbout>;
export const caseAboutLabels: Record<CaseAbout, string> = {
  committee: '村委会',
  member: '村委会委员',
  relative: '村委会委员的亲属',
  guardianship: '村委会担任监护人的事',
};

/** 联名: what a co-signed petition asks the committee to convene (组织法 art. 21, 26). */
export const MeetingAsked = z.enum(['villagers_meeting', 'representatives_assembly'], {
  error: '请选择要求召开的会议',
});
export type MeetingAsked = z.infer<typeof MeetingAsked>;
export const meetingLabels: Record<MeetingAsked, string> = {
  villagers_meeting: '村民会议',
  representatives_assembly: '村民代表会议',
};

export const Rating = z.enum(['satisfied', 'basically', 'unsatisfied'], { error: '请选择满意程度' });
export type Rating = z.infer<typeof Rating>;
export const ratingLabels: Record<Rating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
};

/** Everything a handler or the petitioner may do to a case; the server says which apply to the caller. */
export const CaseAction = z.enum([
  'accept',
  'decline',
  'assign',
  'progress',
  'extend',
  'reply',
  'rate',
  'second',
  'cosign',
  'merge',
  'topic',
  'meeting',
  'transfer',
  'sort',
]);
export type CaseAction = z.infer<typeof CaseAction>;

/** A case's text, of several lines (or one, for a place): the one text rule, and never an ID number. */
const Text = (min: number, max: number, what: string, base = Prose) =>
  base(`请填写${what}`)
    .min(min, `${what}至少 ${min} 个字`)
    .max(max, `${what}最多 ${max} 字`)
    .refine((t) => !containsIdNumber(t), idNumberMessage);

export const SubmitCaseRequest = z
  .object({
    kind: CaseKind,
    categoryId: z.string({ error: '请选择类别' }).regex(/^[a-z_]{1,30}$/, '请选择类别'),
    text: Text(10, 2000, '内容'),
    place: Text(1, 60, '地点', Line).optional(),
    /**
     * 联系电话: a number the handlers may call back on. It is the one place for a phone: stored sealed,
     * shown only to those who may know the petitioner, while text the village may read refuses phones.
     */
    contactPhone: Line()
      .overwrite((t) => t.normalize('NFKC'))
      .regex(/^\+?[\d\s()-]{5,20}$/, '只能填写数字、空格、括号或 -，最多 20 位')
      .optional(),
    photos: PhotoIds.default([]),
    /** Public to the village: a suggestion by default; a petition only when it gathers co-signers. */
    public: z.boolean().optional(),
    /** The public sees no name; handlers still know whom to answer. */
    anonymous: z.boolean().default(false),
    about: z.object({ kind: CaseAbout, personId: Id.optional() }).optional(),
    asksFor: MeetingAsked.optional(),
    /** Proxy entry by a grid worker or committee member: for whom, and how they met. */
    onBehalfOf: z.object({ personId: Id, intake: Intake.exclude(['app'], { error: '请选择收集方式' }) }).optional(),
  })
  .superRefine((c, ctx) => {
    // Public as the service decides it (a care category only ever makes it less public).
    const shownToVillage = c.public ?? (c.kind === 'suggestion' || Boolean(c.asksFor));
    if (shownToVillage)
      for (const path of ['text', 'place'] as const)
        if (containsPhoneNumber(c[path] ?? ''))
          ctx.addIssue({ code: 'custom', path: [path], message: phoneNumberMessage });
    if (c.kind === 'suggestion' && c.about)
      ctx.addIssue({ code: 'custom', path: ['about'], message: '建议不能指向具体的人；投诉请选择“诉求”' });
    if (c.kind === 'suggestion' && c.asksFor)
      ctx.addIssue({ code: 'custom', path: ['asksFor'], message: '只有诉求可以联名要求召开会议' });
    if (c.asksFor && c.public === false)
      ctx.addIssue({ code: 'custom', path: ['public'], message: '联名诉求需要向全村公开，才能请大家联名' });
  });
export type SubmitCaseRequest = z.infer<typeof SubmitCaseRequest>;

export const NoteRequest = z.object({ note: Text(2, 1000, '说明').optional() });
export const ReasonRequest = z.object({ reason: Text(2, 500, '原因') });
export const AssignRequest = z.object({ personId: Id, note: Text(2, 1000, '说明').optional() });
export const ProgressRequest = z.object({ note: Text(2, 1000, '进展说明') });
export const ReplyRequest = z.object({ text: Text(10, 3000, '书面答复') });
export const RateRequest = z.object({ rating: Rating, comment: Text(2, 500, '评价').optional() });
export const MergeRequest = z.object({ intoCaseId: Id, note: Text(2, 500, '说明').optional() });
export const MeetingRequest = z.object({ on: IsoDate, place: Text(2, 60, '会议地点', Line) });
/**
 * How an accepted suggestion is taken forward (domain.md §3): a small thing is just done (小事即办); a real
 * need goes on the village's needs list (需求清单), and one the village takes on as a project on its project
 * list (项目清单). Both lists are public.
 */
export const CaseTrack = z.enum(['quick', 'needs', 'project'], {
  error: '请选择办理方式：小事即办、需求清单或项目清单',
});
export type CaseTrack = z.infer<typeof CaseTrack>;
export const caseTrackLabels: Record<CaseTrack, string> = {
  quick: '小事即办',
  needs: '列入需求清单',
  project: '列入项目清单',
};
export const SortRequest = z.object({ track: CaseTrack, note: Text(2, 500, '说明').optional() });

/** 移交: a matter for another authority (a crime for the police, 不作调解), handed over and closed here. */
export const TransferRequest = z.object({ to: Text(2, 40, '移交单位', Line), reason: Text(2, 500, '移交原因') });

const PersonRef = z.object({ personId: Id, name: z.string() });
export const TimelineEntry = z.object({
  at: z.string(),
  action: z.string(), // submit, accept, …, escalate, close
  status: CaseStatus,
  note: z.string().optional(),
  /** Who acted: staff by name and role; the petitioner's own steps carry no name. */
  by: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Deadlines = z.object({
  acceptBy: z.string(),
  resolveBy: z.string().optional(),
  reviewBy: z.string().optional(),
});

export const CoSigning = z.object({
  asksFor: MeetingAsked,
  coSigners: z.number(),
  representatives: z.number(),
  /** The thresholds in people, against the roster at this moment (frozen in `duty` once reached). */
  adultsNeeded: z.number().optional(),
  representativesNeeded: z.number(),
});
/** The legal duty a co-signed petition created: convene the meeting, with the notice the law asks. */
export const Duty = z.object({
  body: MeetingAsked,
  reachedAt: z.string(),
  basis: z.string(), // in plain words: "联名 12 人，达到全村 112 名成年村民的十分之一"
  noticeDays: z.number(),
  convened: z.object({ on: IsoDate, place: z.string(), at: z.string(), by: z.string() }).optional(),
});
export type Duty = z.infer<typeof Duty>;

export const Case = z.object({
  caseId: Id,
  villageId: Id,
  kind: CaseKind,
  categoryId: z.string(),
  categoryLabel: z.string(),
  care: z.boolean(),
  text: z.string(),
  place: z.string().optional(),
  /** Only for those who may know the petitioner, like `submitter`. */
  contactPhone: z.string().optional(),
  photos: z.array(PhotoView),
  public: z.boolean(),
  anonymous: z.boolean(),
  status: CaseStatus,
  route: CaseRoute,
  /** How the author appears to this caller: a full name, a masked one, or 匿名. */
  author: z.string(),
  /** Only for those who may know the petitioner (handlers, the petitioner): never the subject, the public or another village. */
  submitter: PersonRef.extend({ groupName: z.string().optional() }).optional(),
  enteredBy: z.object({ name: z.string(), intake: Intake }).optional(),
  about: z.object({ kind: CaseAbout, name: z.string().optional() }).optional(),
  groupName: z.string().optional(),
  assignee: PersonRef.optional(),
  deadlines: Deadlines,
  overdue: z.enum(['accept', 'resolve']).optional(),
  extension: z.object({ reason: z.string(), at: z.string() }).optional(),
  reply: z.object({ text: z.string(), at: z.string(), by: z.string() }).optional(),
  transfer: z.object({ to: z.string(), reason: z.string(), at: z.string(), by: z.string() }).optional(),
  track: z.object({ kind: CaseTrack, at: z.string() }).optional(),
  rating: z.object({ rating: Rating, comment: z.string().optional(), at: z.string() }).optional(),
  escalation: z
    .object({ reason: z.enum(['overdue_accept', 'overdue_resolve', 'unsatisfied']), at: z.string() })
    .optional(),
  seconds: z.number(),
  coSigning: CoSigning.optional(),
  duty: Duty.optional(),
  mergedInto: Id.optional(),
  merged: z.array(Id).default([]),
  topicId: Id.optional(),
  /** A 关爱线索 filed with the person in care it is about: shown only to those who may read the care registry. */
  careFile: z.object({ personId: Id }).optional(),
  timeline: z.array(TimelineEntry),
  createdAt: z.string(),
  me: z.object({
    isSubmitter: z.boolean(),
    seconded: z.boolean(),
    coSigned: z.boolean(),
    actions: z.array(CaseAction),
  }),
});
export type Case = z.infer<typeof Case>;

export const CaseSummary = Case.pick({
  caseId: true,
  villageId: true,
  kind: true,
  categoryId: true,
  categoryLabel: true,
  care: true,
  text: true,
  public: true,
  status: true,
  route: true,
  author: true,
  groupName: true,
  deadlines: true,
  overdue: true,
  escalation: true,
  seconds: true,
  duty: true,
  track: true,
  createdAt: true,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseView = z.enum(['mine', 'public', 'work'], { error: '列表类型应为 mine、public 或 work' });
export const CaseListQuery = z.object({
  villageId: Id.optional(),
  view: CaseView.default('public'),
  /** Open = not yet closed or declined. */
  open: z
    .enum(['true', 'false'], { error: '应为 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
  /** With the public view: only the suggestions on this list (需求清单, 项目清单), newest on it first. */
  track: CaseTrack.optional(),
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20),
  cursor: Cursor.optional(),
});
export const CasePage = z.object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() });

export const SimilarQuery = z.object({
  text: z.string().trim().min(2, '请至少输入 2 个字').max(2000, '内容最多 2000 字'),
  categoryId: z
    .string()
    .regex(/^[a-z_]{1,30}$/, '类别不正确')
    .optional(),
});
export const SimilarList = z.object({ items: z.array(CaseSummary.extend({ similarity: z.number() })) });

export const Handler = PersonRef.extend({ role: z.string(), groupName: z.string().optional() });
export const HandlerList = z.object({ items: z.array(Handler) });

const Count = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const CaseDashboard = z.object({
  villageId: Id,
  villageName: z.string(),
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
  escalated: z.number(),
  dutiesPending: z.number(),
  byStatus: z.array(Count),
  byCategory: z.array(Count),
  byGrid: z.array(Count),
  /** Mean time, in days (one decimal), from submission to the decision on acceptance, and from acceptance to the reply. */
  averageDaysToAccept: z.number().nullable(),
  averageDaysToResolve: z.number().nullable(),
  ratings: z.object({ satisfied: z.number(), basically: z.number(), unsatisfied: z.number() }),
  /** Satisfied + basically satisfied, as a share of all ratings (0–1); null before any rating. */
  satisfactionRate: z.number().nullable(),
});
export type CaseDashboard = z.infer<typeof CaseDashboard>;

/** The township's list: escalated and overdue cases of all its villages, oldest deadline first. */
export const EscalatedList = z.object({
  items: z.array(CaseSummary.extend({ villageName: z.string() })),
});

export const SecondResult = z.object({ caseId: Id, seconds: z.number() });

const LimitView = z.object({ amount: z.number(), unit: z.enum(['days', 'working_days', 'hours']) });
/** The village's categories and their clocks, for the submit form and the deadline explanations. */
export const CategoryList = z.object({
  items: z.array(
    z.object({
      categoryId: z.string(),
      label: z.string(),
      care: z.boolean(),
      limits: z.object({ accept: LimitView, resolve: LimitView, extension: LimitView, review: LimitView }),
    }),
  ),
});
