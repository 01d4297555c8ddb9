import { z } from 'zod';

/** 党务 政务 村务 财务 办事指南 */
export const NoticeCategory = z.enum(['party', 'government', 'village', 'finance', 'service'], {
  error: '公开类别应为 党务、政务、村务、财务 或 办事指南',
});
export type NoticeCategory = z.infer<typeof NoticeCategory>;
export const noticeCategories = NoticeCategory.options;
