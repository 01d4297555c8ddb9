/**
 * The calendar day in the village's time zone (UTC+8 in China by default): a
 * date typed as "today" at 7 a.m. in Beijing is still yesterday in UTC.
 */
export const localDay = (now: Date, utcOffsetMinutes: number) =>
  new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** A calendar date `n` days after (or before, when negative) another: 2026-11-23 + 10 = 2026-12-03. */
export const addDays = (day: string, n: number) =>
  new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n))
    .toISOString()
    .slice(0, 10);
