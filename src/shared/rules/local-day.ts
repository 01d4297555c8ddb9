/**
 * The calendar day in the village's time zone (UTC+8 in China by default): a
 * date typed as "today" at 7 a.m. in Beijing is still yesterday in UTC.
 */
export const localDay = (now: Date, utcOffsetMinutes: number) =>
  new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
