/**
 * Quiet hours (免打扰) in village time, e.g. 22:00–07:00 across midnight. Equal
 * start and end mean none. Pure: the push channel asks when a message may go.
 */
export interface QuietHours {
  quietFrom: string;
  quietUntil: string;
}

const DAY = 86_400_000;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The next instant at `hhmm` village time strictly after `now`. */
function next(now: Date, hhmm: string, utcOffsetMinutes: number) {
  const local = now.getTime() + utcOffsetMinutes * 60_000;
  let at = Math.floor(local / DAY) * DAY + minutes(hhmm) * 60_000;
  if (at <= local) at += DAY;
  return new Date(at - utcOffsetMinutes * 60_000);
}

/** When the quiet hours holding `now` end; undefined when `now` is not in them. */
export function quietEnd(now: Date, q: QuietHours, utcOffsetMinutes: number): Date | undefined {
  if (q.quietFrom === q.quietUntil) return undefined;
  const end = next(now, q.quietUntil, utcOffsetMinutes);
  const start = next(now, q.quietFrom, utcOffsetMinutes);
  // Inside the quiet hours, their end comes before the next start.
  return end < start ? end : undefined;
}

/** When the day's active hours end: the next start of quiet hours, or village midnight when there are none. */
export const activeEnd = (now: Date, q: QuietHours, utcOffsetMinutes: number) =>
  next(now, q.quietFrom === q.quietUntil ? '00:00' : q.quietFrom, utcOffsetMinutes);
