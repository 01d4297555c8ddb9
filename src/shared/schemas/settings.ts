import * as z from 'zod';
import { chinaCalendar2026to2027, petitionLawLimits, urgentLimits } from '../rules/deadlines';
import { lawDefaults as voteLawDefaults } from '../rules/quorum';
import { retentionDefaults } from '../rules/retention';
import { Line } from './common';
import { type NoticeCategory, noticeCategories } from './notice-category';

/**
 * Per-village settings. Every default is the law's number (domain.md §2);
 * a village may change them, code never hard-codes them.
 */
export const Cadence = z.enum(['monthly', 'quarterly', 'on_change'], {
  error: '公开周期应为 每月、每季度 或 有变化时',
});
export type Cadence = z.infer<typeof Cadence>;

const cadenceByCategory = z.object({
  party: Cadence,
  government: Cadence,
  village: Cadence,
  finance: Cadence,
  service: Cadence,
} satisfies Record<NoticeCategory, typeof Cadence>);

const share = z.tuple([z.number().int().min(1), z.number().int().min(1)], { error: '比例应为 [分子, 分母]' });
const threshold = z.object({ share, strict: z.boolean() });
/** Quorum and majority per deciding body (村民委员会组织法 art. 22, 26 by default). */
const voteRule = z.object({ turnout: threshold, majority: threshold });
const voteRules = z.object({
  villagers_meeting: voteRule,
  representatives: voteRule,
  party_members: voteRule,
  custom: voteRule,
});

/** A time limit (期限): calendar days roll over a holiday, working days skip them, hours are an urgent clock. */
const Limit = z.object({
  amount: z.number({ error: '期限应为数字' }).int('期限应为整数').min(1, '期限至少为 1').max(365, '期限最多 365'),
  unit: z.enum(['days', 'working_days', 'hours'], { error: '期限单位应为 天、工作日 或 小时' }),
});
const CaseLimits = z.object({ accept: Limit, resolve: Limit, extension: Limit, review: Limit });
/** A category of suggestions and petitions, with its own clocks (停水 24 小时, 一般 15/60 天). */
const CaseCategory = z.object({
  categoryId: z.string().regex(/^[a-z_]{1,30}$/, '类别编号只能用小写字母和下划线'),
  label: Line('请填写类别名称').min(1, '请填写类别名称').max(12, '类别名称最多 12 字'),
  /** 关爱线索: a concern about a vulnerable neighbour, seen only by civil affairs and the assigned cadre. */
  care: z.boolean().default(false),
  limits: CaseLimits,
});
const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

const workingDays = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .int(`${what}应为整数`)
    .min(1, `${what}至少 1 个工作日`)
    .max(60, `${what}最多 60 个工作日`);

const fields = {
  /** 六规范: a second committee member approves before a notice is published. */
  noticeReviewRequired: z.boolean({ error: '请选择是否需要审核' }),
  /** The categories whose notices a 监委会 member reviews (签字把关) before they are published: 财务 by default. */
  signOffCategories: z
    .array(z.enum(noticeCategories, { error: '公开类别应为 党务、政务、村务、财务 或 办事指南' }))
    .max(noticeCategories.length, '类别不能重复')
    .refine((cs) => new Set(cs).size === cs.length, '类别不能重复'),
  /** 质询: the working days the committee has to answer the 监委会; then the township is told. */
  inquiryAnswerDays: workingDays('质询答复期限'),
  /** A resident's question on a notice: the working days to answer before it goes on the 监委会's check list. */
  questionAnswerDays: workingDays('询问答复期限'),
  /** 村委会组织法 art. 30: ordinary items quarterly, finances monthly. */
  disclosureCadence: cadenceByCategory,
  /** Days before a period ends when the calendar starts saying "due". */
  disclosureDueSoonDays: z
    .number({ error: '提前提醒天数应为数字' })
    .int('提前提醒天数应为整数')
    .min(0, '提前提醒天数不能为负数')
    .max(31, '提前提醒天数最多 31 天'),
  /** China has one time zone and no DST; kept as a setting for completeness. */
  voteRules,
  /** A major matter may not be put to the vote before its 四议 stages are recorded. */
  majorMattersProcessMandatory: z.boolean({ error: '请选择是否强制“四议两公开”程序' }),
  /** Proxy votes (委托投票) recorded by scrutineers: off unless the village's rules allow them. */
  proxyVotesAllowed: z.boolean({ error: '请选择是否允许委托投票' }),
  caseCategories: z
    .array(CaseCategory)
    .min(1, '至少要有一个类别')
    .max(30, '最多 30 个类别')
    .refine((cs) => new Set(cs.map((c) => c.categoryId)).size === cs.length, '类别编号不能重复'),
  /** Statutory holidays (法定节假日) and make-up working days (调休上班): working-day clocks skip the first and count the second. */
  holidays: z.array(day).max(200, '节假日最多 200 天'),
  workdays: z.array(day).max(50, '调休工作日最多 50 天'),
  /** An unsatisfied rating reopens the case in the village, or escalates it to the township. */
  unsatisfiedRating: z.enum(['reopen', 'escalate'], { error: '请选择不满意时重新办理还是上报乡镇' }),
  /** 组织法 art. 21, 26: co-signers that oblige the committee to convene a meeting. */
  coSigning: z.object({
    villagersMeetingAdults: share,
    villagersMeetingRepresentatives: share,
    assemblyRepresentatives: share,
    /** The notice a villagers' meeting needs (10 days by law). */
    meetingNoticeDays: z.number().int().min(0).max(60),
  }),
  /** 消息: how long an inbox item is kept, quiet hours (village time) for what is not urgent, a daily cap per person. */
  inbox: z.object({
    keepDays: z
      .number({ error: '保留天数应为数字' })
      .int('保留天数应为整数')
      .min(7, '至少保留 7 天')
      .max(730, '最多保留 730 天'),
    quietFrom: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '免打扰开始时间应为 HH:mm'),
    quietUntil: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '免打扰结束时间应为 HH:mm'),
    dailyCap: z
      .number({ error: '每日条数应为数字' })
      .int('每日条数应为整数')
      .min(1, '每天至少 1 条')
      .max(50, '每天最多 50 条'),
    /** A notice question unanswered this long is brought to the committee. */
    questionWaitHours: z.number().int().min(1, '至少 1 小时').max(720, '最多 720 小时'),
  }),
  /** Per person, so one account (or a script behind it) cannot flood the committee: beyond them a 429. */
  writeLimits: z.object({
    casesPerDay: z
      .number({ error: '每天提交建议诉求的条数应为数字' })
      .int('每天提交建议诉求的条数应为整数')
      .min(1, '每天至少可提交 1 条建议诉求')
      .max(100, '每天最多 100 条建议诉求'),
    questionsPerHour: z
      .number({ error: '每小时提问条数应为数字' })
      .int('每小时提问条数应为整数')
      .min(1, '每小时至少可提问 1 条')
      .max(200, '每小时最多 200 条提问'),
  }),
  /** Personal information (PIPL): how soon a correction request is answered, how long a closed petition keeps its petitioner. */
  privacy: z.object({
    correctionDays: z
      .number({ error: '更正期限应为数字' })
      .int('更正期限应为整数')
      .min(1, '更正期限至少 1 天')
      .max(60, '更正期限最多 60 天'),
    closedPetitionDays: z
      .number({ error: '保留天数应为数字' })
      .int('保留天数应为整数')
      .min(30, '至少保留 30 天')
      .max(3650, '最多保留 3650 天'),
  }),
  /** 特困人员监护照料: how often each person is visited, how soon a visit must be entered, how long a problem may stay open. */
  care: z.object({
    visitEveryDays: z
      .number({ error: '走访周期应为数字' })
      .int('走访周期应为整数')
      .min(7, '走访周期至少 7 天')
      .max(92, '走访周期最多 92 天'),
    lateEntryHours: z
      .number({ error: '补录时限应为数字' })
      .int('补录时限应为整数')
      .min(1, '补录时限至少 1 小时')
      .max(720, '补录时限最多 720 小时'),
    problemWorkingDays: z
      .number({ error: '问题整改期限应为数字' })
      .int('问题整改期限应为整数')
      .min(1, '问题整改期限至少 1 个工作日')
      .max(60, '问题整改期限最多 60 个工作日'),
  }),
  utcOffsetMinutes: z
    .number({ error: '时区应为数字' })
    .int('时区应为整数分钟')
    .min(-720, '时区超出范围')
    .max(840, '时区超出范围'),
};

const lawDefaults = {
  noticeReviewRequired: true,
  signOffCategories: ['finance'] as NoticeCategory[],
  inquiryAnswerDays: 10,
  questionAnswerDays: 5,
  disclosureCadence: {
    party: 'quarterly',
    government: 'quarterly',
    village: 'quarterly',
    finance: 'monthly',
    service: 'on_change',
  },
  disclosureDueSoonDays: 10,
  voteRules: voteLawDefaults,
  majorMattersProcessMandatory: true,
  proxyVotesAllowed: false,
  caseCategories: [
    { categoryId: 'roads', label: '道路交通', care: false, limits: petitionLawLimits },
    { categoryId: 'water', label: '供水用水', care: false, limits: petitionLawLimits },
    { categoryId: 'outage', label: '停水停电', care: false, limits: urgentLimits },
    { categoryId: 'sanitation', label: '环境卫生', care: false, limits: petitionLawLimits },
    { categoryId: 'land', label: '土地宅基地', care: false, limits: petitionLawLimits },
    { categoryId: 'disputes', label: '矛盾纠纷', care: false, limits: petitionLawLimits },
    { categoryId: 'finances', label: '村务财务', care: false, limits: petitionLawLimits },
    { categoryId: 'conduct', label: '干部作风', care: false, limits: petitionLawLimits },
    { categoryId: 'care', label: '关爱线索', care: true, limits: petitionLawLimits },
    { categoryId: 'other', label: '其他', care: false, limits: petitionLawLimits },
  ],
  holidays: chinaCalendar2026to2027.holidays,
  workdays: chinaCalendar2026to2027.workdays,
  unsatisfiedRating: 'reopen',
  coSigning: {
    villagersMeetingAdults: [1, 10],
    villagersMeetingRepresentatives: [1, 3],
    assemblyRepresentatives: [1, 5],
    meetingNoticeDays: 10,
  },
  inbox: { keepDays: 180, quietFrom: '22:00', quietUntil: '07:00', dailyCap: 5, questionWaitHours: 72 },
  writeLimits: { casesPerDay: 10, questionsPerHour: 20 },
  privacy: {
    correctionDays: retentionDefaults.correctionDays,
    closedPetitionDays: retentionDefaults.closedPetitionDays,
  },
  // The plan: township leaders and the cadre in charge visit at least once a month.
  care: { visitEveryDays: 30, lateEntryHours: 48, problemWorkingDays: 5 },
  utcOffsetMinutes: 480,
} satisfies z.input<z.ZodObject<typeof fields>>;

/** Settings as stored: a setting added later takes the law's default for older villages. */
export const VillageSettings = z.object({
  noticeReviewRequired: fields.noticeReviewRequired.default(lawDefaults.noticeReviewRequired),
  signOffCategories: fields.signOffCategories.default(lawDefaults.signOffCategories),
  inquiryAnswerDays: fields.inquiryAnswerDays.default(lawDefaults.inquiryAnswerDays),
  questionAnswerDays: fields.questionAnswerDays.default(lawDefaults.questionAnswerDays),
  disclosureCadence: fields.disclosureCadence.default(lawDefaults.disclosureCadence),
  disclosureDueSoonDays: fields.disclosureDueSoonDays.default(lawDefaults.disclosureDueSoonDays),
  voteRules: fields.voteRules.default(lawDefaults.voteRules),
  majorMattersProcessMandatory: fields.majorMattersProcessMandatory.default(lawDefaults.majorMattersProcessMandatory),
  proxyVotesAllowed: fields.proxyVotesAllowed.default(lawDefaults.proxyVotesAllowed),
  caseCategories: fields.caseCategories.default(lawDefaults.caseCategories),
  holidays: fields.holidays.default(lawDefaults.holidays),
  workdays: fields.workdays.default(lawDefaults.workdays),
  unsatisfiedRating: fields.unsatisfiedRating.default(lawDefaults.unsatisfiedRating),
  coSigning: fields.coSigning.default(lawDefaults.coSigning),
  inbox: fields.inbox.default(lawDefaults.inbox),
  writeLimits: fields.writeLimits.default(lawDefaults.writeLimits),
  privacy: fields.privacy.default(lawDefaults.privacy),
  care: fields.care.default(lawDefaults.care),
  utcOffsetMinutes: fields.utcOffsetMinutes.default(lawDefaults.utcOffsetMinutes),
});
export type VillageSettings = z.infer<typeof VillageSettings>;

/** A change states every setting: an empty or partial body never silently resets one to its default. */
export const VillageSettingsUpdate = z.object(fields);

export const defaultVillageSettings = (): VillageSettings => VillageSettings.parse({});

export const SettingsView = z.object({
  villageId: z.string(),
  villageName: z.string(),
  settings: VillageSettings,
  /** The law's numbers, so a page can show what a village changed. */
  defaults: VillageSettings,
});
export type SettingsView = z.infer<typeof SettingsView>;
