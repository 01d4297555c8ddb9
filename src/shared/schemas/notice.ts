import * as z from 'zod';
import { containsIdNumber, containsPhoneNumber, idNumberMessage, phoneNumberMessage } from '../rules/tiers';
import { Rating } from './case';
import { Id, IsoDate, Line, PageQuery, Prose, page, VillageScope } from './common';
import { noticeCategories } from './notice-category';
import { Attachment, Attachments, FileId } from './notice-file';
import { Cadence } from './settings';

export { noticeCategories } from './notice-category';

/** 党务 政务 村务 财务 办事指南 */
export const NoticeCategory = z.enum(noticeCategories, {
  error: '公开类别应为 党务、政务、村务、财务 或 办事指南',
});
export type NoticeCategory = z.infer<typeof NoticeCategory>;

/**
 * One line of a finance notice's ledger (财务公开): amounts in whole fen (分), so
 * totals are exact; the totals themselves are computed by the server, never sent.
 */
export const LedgerLine = z.object({
  date: IsoDate,
  direction: z.enum(['income', 'expense'], { error: '收支方向应为 收入 或 支出' }),
  item: Line('请填写收支项目').min(1, '请填写收支项目').max(60, '收支项目不能超过 60 字'),
  /** 科目, for the chart; a line without one is charted under its item. */
  subject: Line().max(20, '科目不能超过 20 字').optional(),
  amountFen: z
    .number({ error: '金额应为数字' })
    .int('金额应以分为单位，是整数')
    .min(1, '金额应大于 0')
    .max(1e12, '金额过大'),
  counterparty: Line().max(60, '往来单位或个人不能超过 60 字').optional(),
  /** A photo of the voucher (凭证), uploaded as a notice file. */
  voucherFileId: FileId.optional(),
  note: Prose().max(100, '备注不能超过 100 字').optional(),
});
export type LedgerLine = z.infer<typeof LedgerLine>;

export const LedgerTotals = z.object({
  incomeFen: z.number().int(),
  expenseFen: z.number().int(),
  balanceFen: z.number().int(),
  byCategory: z.array(
    z.object({ category: z.string(), direction: LedgerLine.shape.direction, amountFen: z.number().int() }),
  ),
  byMonth: z.array(z.object({ month: z.string(), incomeFen: z.number().int(), expenseFen: z.number().int() })),
});

/** 办事指南: what to bring, how long it takes, where to go. */
export const ServiceGuide = z.object({
  item: Line().min(1, '请填写办理事项').max(60, '办理事项不能超过 60 字'),
  materials: z.array(Line().min(1, '材料名称不能为空').max(60, '材料名称不能超过 60 字')).max(20, '所需材料最多 20 项'),
  timeLimit: Line().min(1, '请填写办理时限').max(40, '办理时限不能超过 40 字'),
  place: Line().min(1, '请填写办理地点').max(60, '办理地点不能超过 60 字'),
});
export type ServiceGuide = z.infer<typeof ServiceGuide>;

export const Period = z
  .object({ from: IsoDate, until: IsoDate })
  .refine((p) => p.from <= p.until, { message: '公开期间的结束日期不能早于开始日期', path: ['until'] });

/** What a committee member writes; the same fields make every version. */
const NoticeContentFields = z.object({
  category: NoticeCategory,
  title: Line('请填写标题').min(1, '请填写标题').max(80, '标题不能超过 80 字'),
  body: Prose('请填写正文').min(1, '请填写正文').max(10000, '正文不能超过 10000 字'),
  period: Period.optional(),
  major: z.boolean().default(false), // 重大事项: disclosed at once
  ledger: z.array(LedgerLine).max(200, '收支明细最多 200 行').optional(),
  guide: ServiceGuide.optional(),
  attachments: Attachments,
});

/** Text a public notice shows, paired with its field path (for refusing sensitive data). */
const publicTexts = (c: z.infer<typeof NoticeContentFields>): [string, string][] => [
  ['title', c.title],
  ['body', c.body],
  ...(c.ledger ?? []).flatMap((r, i): [string, string][] => [
    [`ledger.${i}.item`, r.item],
    [`ledger.${i}.subject`, r.subject ?? ''],
    [`ledger.${i}.counterparty`, r.counterparty ?? ''],
    [`ledger.${i}.note`, r.note ?? ''],
  ]),
  ...c.attachments.map((a, i): [string, string] => [`attachments.${i}.name`, a.name]),
];

/** The rules a notice's fields must meet together, beyond each field's own. */
const contentRules = (c: z.infer<typeof NoticeContentFields>, ctx: z.RefinementCtx) => {
  noIdNumbers(c, ctx);
  categoryFieldsAgree(c, ctx);
};

const noIdNumbers = (c: z.infer<typeof NoticeContentFields>, ctx: z.RefinementCtx) => {
  for (const [path, text] of publicTexts(c))
    if (containsIdNumber(text)) ctx.addIssue({ code: 'custom', path: path.split('.'), message: idNumberMessage });
};

const categoryFieldsAgree = (c: z.infer<typeof NoticeContentFields>, ctx: z.RefinementCtx) => {
  if (c.category === 'service' && !c.guide)
    ctx.addIssue({ code: 'custom', path: ['guide'], message: '办事指南须填写办理事项、材料、时限和地点' });
  if (c.category !== 'service' && c.guide)
    ctx.addIssue({ code: 'custom', path: ['guide'], message: '只有办事指南类公告可以填写办事信息' });
  if (c.category !== 'finance' && c.ledger?.length)
    ctx.addIssue({ code: 'custom', path: ['ledger'], message: '只有财务公开可以填写收支明细' });
  const { period } = c;
  if (period)
    c.ledger?.forEach((l, i) => {
      if (l.date < period.from || l.date > period.until)
        ctx.addIssue({ code: 'custom', path: ['ledger', i, 'date'], message: '收支日期应在公开期间之内' });
    });
};

export const NoticeContent = NoticeContentFields.superRefine(contentRules);
export type NoticeContent = z.infer<typeof NoticeContent>;

/** pending_signoff: waiting for a 监委会 member's review, where the village asks it for the category (财务 by default). */
export const NoticeStatus = z.enum(['draft', 'pending_review', 'pending_signoff', 'published', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

export const Reason = Prose('请填写原因').min(2, '原因至少 2 个字').max(500, '原因不能超过 500 字');

export const CreateNoticeRequest = NoticeContent;
export const UpdateDraftRequest = NoticeContent;
export const CorrectNoticeRequest = NoticeContentFields.extend({ reason: Reason }).superRefine(contentRules);
export type CorrectNoticeRequest = z.infer<typeof CorrectNoticeRequest>;
export const ReasonRequest = z.object({ reason: Reason });
export type ReasonRequest = z.infer<typeof ReasonRequest>;

export const PersonRef = z.object({ personId: Id, name: z.string() });

/** What a reader gets beside the content: files with their size and a short-lived link, and the ledger's totals. */
const ContentAsRead = {
  attachments: z.array(Attachment),
  ledger: z.array(LedgerLine.extend({ voucherUrl: z.string().optional() })).optional(),
  ledgerTotals: LedgerTotals.optional(),
};

export const Notice = NoticeContentFields.extend({
  ...ContentAsRead,
  noticeId: Id,
  villageId: Id,
  status: NoticeStatus,
  version: z.number().int().min(1), // current published version (1 until corrected)
  createdAt: z.string(),
  createdBy: PersonRef,
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
  reviewNote: z.string().optional(), // why a reviewer sent it back
  approvedBy: PersonRef.optional(),
  /** The 监委会 member who reviewed it before it was published (监委会审核), shown on the notice. */
  signedOffBy: PersonRef.optional(),
  signedOffAt: z.string().optional(),
  /**
   * A correction is public at once, as every correction is; where the 监委会 reviews the category, the corrected
   * notice bears no sign-off until a 监委会 member has reviewed the new version (the earlier sign-off was not of it).
   */
  correctionUnreviewed: z.boolean().optional(),
  publishedAt: z.string().optional(),
  correctedAt: z.string().optional(),
  withdrawnAt: z.string().optional(),
  withdrawReason: z.string().optional(),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeSummary = Notice.pick({
  noticeId: true,
  villageId: true,
  category: true,
  title: true,
  status: true,
  version: true,
  major: true,
  createdAt: true,
  publishedAt: true,
  correctedAt: true,
  withdrawnAt: true,
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const NoticeListQuery = PageQuery.extend({
  category: NoticeCategory.optional(),
  /** public = published + withdrawn; the others are staff-only. */
  status: z.enum(['public', 'draft', 'pending_review', 'pending_signoff']).default('public'),
  q: z.string().trim().max(40, '搜索词不能超过 40 字').optional(),
  villageId: Id.optional(), // township staff choose one of their villages
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;
export const NoticePage = page(NoticeSummary);
export type NoticePage = z.infer<typeof NoticePage>;

export const NoticeVersion = NoticeContentFields.extend({
  ...ContentAsRead,
  noticeId: Id,
  version: z.number().int().min(1),
  publishedAt: z.string(),
  publishedBy: PersonRef,
  reason: z.string().optional(), // why this correction was made; absent on version 1
});
export type NoticeVersion = z.infer<typeof NoticeVersion>;
export const NoticeVersionList = z.object({ items: z.array(NoticeVersion) });

/** A resident's question (询问) and the committee's answer. */
export const AskQuestionRequest = z.object({
  text: Prose('请填写问题')
    .min(2, '问题至少 2 个字')
    .max(1000, '问题不能超过 1000 字')
    .refine((t) => !containsIdNumber(t), idNumberMessage)
    .refine((t) => !containsPhoneNumber(t), phoneNumberMessage),
});
export type AskQuestionRequest = z.infer<typeof AskQuestionRequest>;
export const AnswerQuestionRequest = z.object({
  text: Prose('请填写答复')
    .min(2, '答复至少 2 个字')
    .max(2000, '答复不能超过 2000 字')
    .refine((t) => !containsIdNumber(t), idNumberMessage)
    .refine((t) => !containsPhoneNumber(t), phoneNumberMessage),
});
export type AnswerQuestionRequest = z.infer<typeof AnswerQuestionRequest>;
export const Question = z.object({
  questionId: Id,
  noticeId: Id,
  text: z.string(),
  askedAt: z.string(),
  /** Masked (张**) for other residents; whole for the asker and for staff. */
  askedBy: z.object({ name: z.string(), isMe: z.boolean() }),
  answer: z.object({ text: z.string(), answeredAt: z.string(), answeredBy: z.object({ name: z.string() }) }).optional(),
});
export type Question = z.infer<typeof Question>;
export const QuestionList = z.object({ items: z.array(Question) });

/** The committee's list of questions still waiting for an answer, longest waiting first. */
export const OpenQuestion = Question.omit({ answer: true }).extend({ noticeTitle: z.string() });
export type OpenQuestion = z.infer<typeof OpenQuestion>;
export const OpenQuestionList = z.object({ items: z.array(OpenQuestion), more: z.boolean() });

export const Readers = z.object({
  noticeId: Id,
  readerCount: z.number().int(),
  verifiedResidents: z.number().int(),
  reach: z.number(), // readerCount / verifiedResidents, 0..1
  /** Whether the caller sees who read it: the village's overseers do; the township sees counts only. */
  namesShown: z.boolean(),
  items: z.array(z.object({ personId: Id, name: z.string(), groupName: z.string().optional(), readAt: z.string() })),
  nextCursor: z.string().nullable(),
});
export type Readers = z.infer<typeof Readers>;

export const CalendarEntry = z.object({
  category: NoticeCategory,
  cadence: Cadence,
  status: z.enum(['ok', 'due', 'overdue', 'not_required']),
  lastPublishedAt: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
});
export type CalendarEntry = z.infer<typeof CalendarEntry>;
export const DisclosureCalendar = z.object({
  villageId: Id,
  villageName: z.string(),
  asOf: z.string(),
  entries: z.array(CalendarEntry),
});
export type DisclosureCalendar = z.infer<typeof DisclosureCalendar>;
export const CalendarQuery = VillageScope;

/**
 * 一满意: a resident rates a published notice once (满意 / 基本满意 / 不满意, the case
 * ratings' scale), with a reason if they like. Staff see counts and reasons, never who.
 */
export const RateNoticeRequest = z.object({
  rating: Rating,
  reason: Prose('请填写原因')
    .min(2, '原因至少 2 个字')
    .max(500, '原因不能超过 500 字')
    .refine((t) => !containsIdNumber(t), idNumberMessage)
    .refine((t) => !containsPhoneNumber(t), phoneNumberMessage)
    .optional(),
});
export type RateNoticeRequest = z.infer<typeof RateNoticeRequest>;
/** The caller's own rating of a notice: null before they rate. */
export const MyNoticeRating = z.object({
  noticeId: Id,
  rating: Rating.nullable(),
  reason: z.string().optional(),
});
export type MyNoticeRating = z.infer<typeof MyNoticeRating>;
export const RatingCounts = z.object({
  satisfied: z.number().int(),
  basically: z.number().int(),
  unsatisfied: z.number().int(),
});
export type RatingCounts = z.infer<typeof RatingCounts>;
/** What staff and the 监委会 see: counts and reasons, in no order that follows the rating (no rater, no time). */
export const NoticeRatings = z.object({
  noticeId: Id,
  counts: RatingCounts,
  total: z.number().int(),
  /** Satisfied + basically satisfied, as a share of all ratings (0–1); null before any rating. */
  satisfactionRate: z.number().nullable(),
  reasons: z.array(z.object({ rating: Rating, reason: z.string() })),
});
export type NoticeRatings = z.infer<typeof NoticeRatings>;
