/**
 * The calendar day in the village's time zone (UTC+8 in China by default): a
 * date typed as "today" at 7 a.m. in Beijing is still yesterday in UTC.
 */
export const localDay = (now: Date, utcOffsetMinutes: number) =>
  new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** A moment as people read it in the village: 2026年12月1日 06:55 (UTC+8 in China by default). */
export function localDateTime(at: Date | string, utcOffsetMinutes: number) {
  const local = new Date(new Date(at).getTime() + utcOffsetMinutes * 60_000).toISOString();
  const [y, m, d] = [local.slice(0, 4), local.slice(5, 7), local.slice(8, 10)].map(Number);
  return `${y}年${m}月${d}日 ${local.slice(11, 16)}`;
}

/** A calendar date `n` days after (or before, when negative) another: 2026-11-23 + 10 = 2026-12-03. */
export const addDays = (day: string, n: number) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n))
    .toISOString()
    .slice(0, 10);
