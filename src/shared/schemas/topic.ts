import * as z from 'zod';
import { readReceipt } from '../rules/receipt';
import { containsIdNumber, containsPhoneNumber, idNumberMessage, phoneNumberMessage } from '../rules/tiers';
import { Cursor, Id, IsoDate, IsoDateTime, Line, Prose } from './common';

/**
 * Consultation topics and votes (议事协商与表决, domain.md §5). A topic is put to
 * a deciding body; its electorate is frozen when voting opens; each voter (or
 * household) counts once across every channel; a secret ballot stores no voter.
 */
export const DecidingBody = z.enum(['villagers_meeting', 'representatives', 'party_members', 'custom'], {
  error: '请选择表决机构',
});
export type DecidingBody = z.infer<typeof DecidingBody>;
export const BallotKind = z.enum(['motion', 'single', 'multiple'], { error: '请选择表决方式' });
export type BallotKind = z.infer<typeof BallotKind>;
/** `opening`: voting was started and the electorate is being frozen off the request (the events queue). */
export const TopicStatus = z.enum(['draft', 'opening', 'open', 'closed']);

/** 四议两公开: the stages a major matter passes, in order. */
export const Stage = z.enum(
  ['proposal', 'committees', 'party_review', 'decision', 'decision_published', 'result_published'],
  { error: '请选择环节' },
);
export type Stage = z.infer<typeof Stage>;
export const stageOrder = Stage.options;
export const stageLabels: Record<Stage, string> = {
  proposal: '党支部提议',
  committees: '“两委”会议商议',
  party_review: '党员大会审议',
  decision: '村民会议或村民代表会议决议',
  decision_published: '决议公开',
  result_published: '实施结果公开',
};
export const StageRecord = z.object({
  stage: Stage,
  on: IsoDate,
  minutes: z.string(), // 会议纪要摘要
  outcome: z.string(),
  recordedBy: z.object({ personId: Id, name: z.string() }),
  recordedAt: z.string(),
});
export const RecordStageRequest = z.object({
  stage: Stage,
  on: IsoDate,
  minutes: Prose()
    .min(4, '请填写会议纪要摘要（至少 4 个字）')
    .max(2000, '纪要摘要最多 2000 字')
    .refine((t) => !containsIdNumber(t), idNumberMessage),
  outcome: Prose().min(2, '请填写结论（至少 2 个字）').max(200, '结论最多 200 字'),
});

/** Discussion before the vote; a hidden comment stays in place, marked hidden with the reason. */
export const Comment = z.object({
  commentId: Id,
  text: z.string().optional(), // absent when hidden
  at: z.string(),
  by: z.object({ name: z.string(), isMe: z.boolean() }),
  hidden: z.object({ reason: z.string(), at: z.string() }).optional(),
});
export const CommentList = z.object({ items: z.array(Comment) });
export const PostCommentRequest = z.object({
  text: Prose()
    .min(2, '请写下您的意见（至少 2 个字）')
    .max(1000, '意见最多 1000 字')
    .refine((t) => !containsIdNumber(t), idNumberMessage)
    .refine((t) => !containsPhoneNumber(t), phoneNumberMessage),
});
export const HideCommentRequest = z.object({
  reason: Prose().min(2, '请写明隐藏的原因（至少 2 个字）').max(200, '原因最多 200 字'),
});
export const Channel = z.enum(['app', 'meeting', 'paper']);
export type Channel = z.infer<typeof Channel>;

/** A motion's options are fixed: 同意 / 反对 / 弃权. */
export const motionOptions = [
  { optionId: 'approve', label: '同意' },
  { optionId: 'oppose', label: '反对' },
  { optionId: 'abstain', label: '弃权' },
];

const Title = Line().min(4, '标题至少 4 个字').max(60, '标题最多 60 字');
export const CreateTopicRequest = z
  .object({
    title: Title,
    background: Prose().min(10, '请说明背景（至少 10 个字）').max(5000, '背景最多 5000 字'),
    body: DecidingBody,
    /** 村民会议: one vote per household (户) instead of one per adult villager. */
    perHousehold: z.boolean().default(false),
    /** For a custom body: the name of the body (a residents' council, an owners' group) its members carry. */
    customBody: Line().max(20).optional(),
    kind: BallotKind,
    options: z.array(Line().min(1, '选项不能为空').max(40, '选项最多 40 字')).max(20, '最多 20 个选项').default([]),
    maxChoices: z.number().int().min(1).max(20).optional(),
    secret: z.boolean({ error: '请选择是否无记名投票' }),
    /** A major matter (重大事项) follows 四议两公开 before its vote. */
    major: z.boolean().optional(),
    /** Documents shown by name, as on a notice (the plan, the budget, the drawings). */
    attachments: z
      .array(z.object({ name: Line().min(1, '附件名称不能为空').max(80, '附件名称不能超过 80 字') }))
      .max(20, '附件最多 20 个')
      .optional(),
    closesAt: IsoDateTime,
  })
  .superRefine((t, ctx) => {
    if (t.kind !== 'motion' && t.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选择题至少要有 2 个选项' });
    if (t.kind === 'multiple' && (!t.maxChoices || t.maxChoices > t.options.length))
      ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: '请填写最多可选几项（不超过选项数）' });
    if (t.body === 'custom' && !t.customBody)
      ctx.addIssue({ code: 'custom', path: ['customBody'], message: '请填写由哪个组织表决' });
    if (t.perHousehold && t.body !== 'villagers_meeting')
      ctx.addIssue({ code: 'custom', path: ['perHousehold'], message: '只有村民会议可以按户表决' });
    if (new Set(t.options).size !== t.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
  });
export type CreateTopicRequest = z.infer<typeof CreateTopicRequest>;

export const Option = z.object({ optionId: z.string(), label: z.string() });
export const Tally = z.object({ optionId: z.string(), votes: z.number() });
export const Outcome = z.object({
  electorate: z.number(),
  participants: z.number(),
  valid: z.boolean(),
  turnoutNeeded: z.number(),
  passed: z.boolean(),
  winners: z.array(z.string()),
  tallies: z.array(Tally),
  explanation: z.string(),
});
export type Outcome = z.infer<typeof Outcome>;

export const Topic = z.object({
  topicId: Id,
  villageId: Id,
  title: z.string(),
  background: z.string(),
  body: DecidingBody,
  perHousehold: z.boolean(),
  customBody: z.string().optional(),
  kind: BallotKind,
  options: z.array(Option),
  maxChoices: z.number().optional(),
  secret: z.boolean(),
  major: z.boolean().default(false),
  attachments: z.array(z.object({ name: z.string() })).default([]),
  stages: z.array(StageRecord).default([]),
  status: TopicStatus,
  closesAt: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ personId: Id, name: z.string() }),
  openedAt: z.string().optional(),
  closedAt: z.string().optional(),
  closedEarlyReason: z.string().optional(),
  electorate: z.number().optional(), // frozen when voting opened
  /** Why the last start of voting fell back to a draft: the deciding body had nobody with a vote. */
  openRefused: z.string().optional(),
  result: Outcome.optional(),
  resultNoticeId: Id.optional(),
  /** The adopted suggestion this topic was made from (议事 from 建议), linked both ways. */
  fromCaseId: Id.optional(),
  /** The caller's own standing: eligible in the frozen electorate, and whether their vote (or household's) is in. */
  me: z.object({ eligible: z.boolean(), voted: z.boolean() }).optional(),
});
export type Topic = z.infer<typeof Topic>;
export const TopicList = z.object({ items: z.array(Topic.omit({ background: true, me: true })) });

export const CastBallotRequest = z.object({
  choices: z.array(z.string().max(40)).min(1, '请选择').max(20, '选项过多'),
});
/**
 * An open (记名) ballot a scrutineer (监票人) records for a voter: at the meeting,
 * or from a paper ballot afterwards. A secret ballot is never recorded this way:
 * see the register and the ballot box below.
 */
export const RecordBallotRequest = CastBallotRequest.extend({
  personId: Id,
  channel: Channel.exclude(['app']),
  proxy: z.boolean().default(false),
});
/** Proof for the voter that their ballot is in the count, not of how they voted. */
export const Receipt = z.object({ topicId: Id, receipt: z.string(), channel: Channel });
/** A receipt as a voter types it back (any case, spaces, look-alikes), in its one written form. */
export const ReceiptCode = z
  .string()
  .max(40, '回执格式不正确')
  .transform((typed, ctx) => {
    const receipt = readReceipt(typed);
    if (!receipt) ctx.addIssue({ code: 'custom', message: '回执应为 16 位字母和数字，如 7KQ2-9XMD-4RTA-0WZE' });
    return receipt ?? typed;
  });
export const ReceiptCheck = z.object({ counted: z.boolean() });

/**
 * 登记领票, on a secret ballot: the scrutineer marks who received a ballot at the
 * meeting or on paper (the register the voter signs). Marked, they have voted for
 * the one-vote rule, on every channel; what they chose is never said here.
 */
export const MarkVotersRequest = z.object({
  personIds: z.array(Id).min(1, '请选择领票人').max(25, '一次最多登记 25 人'),
  channel: Channel.exclude(['app'], { error: '请选择是会场投票还是纸质票' }),
  proxy: z.boolean().default(false),
});
/** The most ballots one entry takes (one transaction holds each ballot, its counters and the audit entry). */
export const BOX_ENTRY_MAX = 90;
/**
 * 录入票箱, on a secret ballot: the box's contents, choices only, counted per
 * choice. Nothing in it names a voter; together with what was entered before it
 * never exceeds the people marked.
 */
export const EnterBallotsRequest = z.object({
  ballots: z
    .array(
      CastBallotRequest.extend({
        count: z.number({ error: '请填写张数' }).int('张数应为整数').min(1, '张数至少为 1').max(BOX_ENTRY_MAX),
      }),
    )
    .min(1, '请录入至少一张选票')
    .max(20, '一次最多录入 20 种选法')
    .refine((b) => b.reduce((n, x) => n + x.count, 0) <= BOX_ENTRY_MAX, {
      message: `一次最多录入 ${BOX_ENTRY_MAX} 张，多的请分几次录入`,
    }),
});
/** The register of a secret ballot, for the scrutineer: people marked offline, ballots entered from the box. */
export const BallotRegister = z.object({ marked: z.number(), entered: z.number() });
export type BallotRegister = z.infer<typeof BallotRegister>;

export const Turnout = z.object({
  electorate: z.number(),
  participants: z.number(),
  needed: z.number(),
  unit: z.enum(['人', '户']),
  /**
   * Who took part: shown to the electorate and to those who run the vote (committee,
   * supervisors), absent for everyone else (counts only). How they voted, on a secret
   * ballot, never.
   */
  voters: z.array(z.object({ name: z.string(), channel: Channel, choices: z.array(z.string()).optional() })).optional(),
  /** More names than one page: pass it back as `cursor` for the next ones (the counts stay whole on every page). */
  nextCursor: z.string().optional(),
});
export const TurnoutQuery = z.object({ cursor: Cursor.optional() });
/** The reason is required when the vote ends before its scheduled time (the service checks the time). */
export const CloseTopicRequest = z.object({
  reason: Prose().min(2, '请写明提前结束的原因（至少 2 个字）').max(200, '原因最多 200 字').optional(),
});
