import { z } from 'zod';
import { lawDefaults as voteLawDefaults } from '../rules/quorum';
import type { NoticeCategory } from './notice-category';

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

const fields = {
  /** 六规范: a second committee member approves before a notice is published. */
  noticeReviewRequired: z.boolean({ error: '请选择是否需要审核' }),
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
  utcOffsetMinutes: z
    .number({ error: '时区应为数字' })
    .int('时区应为整数分钟')
    .min(-720, '时区超出范围')
    .max(840, '时区超出范围'),
};

const lawDefaults = {
  noticeReviewRequired: true,
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
  utcOffsetMinutes: 480,
} satisfies z.input<z.ZodObject<typeof fields>>;

/** Settings as stored: a setting added later takes the law's default for older villages. */
export const VillageSettings = z.object({
  noticeReviewRequired: fields.noticeReviewRequired.default(lawDefaults.noticeReviewRequired),
  disclosureCadence: fields.disclosureCadence.default(lawDefaults.disclosureCadence),
  disclosureDueSoonDays: fields.disclosureDueSoonDays.default(lawDefaults.disclosureDueSoonDays),
  voteRules: fields.voteRules.default(lawDefaults.voteRules),
  majorMattersProcessMandatory: fields.majorMattersProcessMandatory.default(lawDefaults.majorMattersProcessMandatory),
  proxyVotesAllowed: fields.proxyVotesAllowed.default(lawDefaults.proxyVotesAllowed),
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
