import { z } from 'zod';

/** 党务 政务 村务 财务 办事指南 */
export const NoticeCategory = z.enum(['party', 'government', 'village', 'finance', 'service'], {
  error: '公开类别应为 党务、政务、村务、财务 或 办事指南',
});
export type NoticeCategory = z.infer<typeof NoticeCategory>;
export const noticeCategories = NoticeCategory.options;
/** The names a message (events/messages.ts) gives the categories. */
export const noticeCategoryLabels: Record<NoticeCategory, string> = {
  party: '党务',
  government: '政务',
  village: '村务',
  finance: '财务',
  service: '办事指南',
};
