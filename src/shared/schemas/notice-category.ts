/**
 * 党务 政务 村务 财务 办事指南. Plain values, no zod: the notice list shows them on the
 * app's first screen, which should not wait for the schema library (NoticeCategory in notice.ts validates).
 */
export const noticeCategories = ['party', 'government', 'village', 'finance', 'service'] as const;
export type NoticeCategory = (typeof noticeCategories)[number];
/** The names a message (events/messages.ts) gives the categories. */
export const noticeCategoryLabels: Record<NoticeCategory, string> = {
  party: '党务',
  government: '政务',
  village: '村务',
  finance: '财务',
  service: '办事指南',
};
