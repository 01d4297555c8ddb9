import dayjs from 'dayjs';
import { t } from '../i18n/zh-CN';

export const formatDate = (iso?: string | null) => (iso ? dayjs(iso).format(t.formats.date) : '');
export const formatDateTime = (iso?: string | null) => (iso ? dayjs(iso).format(t.formats.dateTime) : '');
export const daysSince = (iso: string, now = Date.now()) => Math.floor((now - new Date(iso).getTime()) / 86_400_000);
export const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** The last day of a period given its exclusive end (the first instant of the next period). */
export const formatLastDay = (exclusiveEnd?: string | null) =>
  exclusiveEnd ? dayjs(exclusiveEnd).subtract(1, 'millisecond').format(t.formats.date) : '';
