import dayjs from 'dayjs';

export const formatDate = (iso?: string | null) => (iso ? dayjs(iso).format('YYYY年M月D日') : '');
export const formatDateTime = (iso?: string | null) => (iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '');
export const daysSince = (iso: string, now = Date.now()) => Math.floor((now - new Date(iso).getTime()) / 86_400_000);
export const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
