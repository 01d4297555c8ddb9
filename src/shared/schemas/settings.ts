import { z } from 'zod';
import { NoticeCategory } from './notice-category';

/**
 * Per-village settings. Every default is the law's number (domain.md §2);
 * a village may change them, code never hard-codes them.
 */
export const Cadence = z.enum(['monthly', 'quarterly', 'on_change']);
export type Cadence = z.infer<typeof Cadence>;

export const VillageSettings = z.object({
  /** 六规范: a second committee member approves before a notice is published. */
  noticeReviewRequired: z.boolean().default(true),
  /** 村委会组织法 art. 30: ordinary items quarterly, finances monthly. */
  disclosureCadence: z.record(NoticeCategory, Cadence).default({
    party: 'quarterly',
    government: 'quarterly',
    village: 'quarterly',
    finance: 'monthly',
    service: 'on_change',
  }),
  /** Days before a period ends when the calendar starts saying "due". */
  disclosureDueSoonDays: z.number().int().min(0).max(31).default(10),
  /** China has one time zone and no DST; kept as a setting for completeness. */
  utcOffsetMinutes: z.number().int().default(480),
});
export type VillageSettings = z.infer<typeof VillageSettings>;

export const defaultVillageSettings = (): VillageSettings => VillageSettings.parse({});
