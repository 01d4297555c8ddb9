import type { Cadence } from '../schemas/settings';

/**
 * Disclosure cadence (村务公开 时限, Organisation Law art. 30): each category must be
 * disclosed at least once per period (a calendar month or quarter, local time).
 *  - ok: disclosed this period, or last period with more than `dueSoonDays` left;
 *  - due: not yet disclosed this period and the period ends within `dueSoonDays`;
 *  - overdue: the previous period passed with no disclosure at all.
 */
export interface CadenceInput {
  cadence: Cadence;
  lastPublishedAt: string | null;
  now: Date;
  utcOffsetMinutes: number;
  dueSoonDays: number;
}

export interface CadenceStatus {
  status: 'ok' | 'due' | 'overdue' | 'not_required';
  periodStart: string | null;
  periodEnd: string | null; // exclusive: the first instant of the next period
  daysLeft: number | null;
}

const DAY = 86_400_000;
const monthsPer: Record<Exclude<Cadence, 'on_change'>, number> = { monthly: 1, quarterly: 3 };

/** First instant (UTC) of the local month `monthIndex` of `year` (may overflow either way). */
const localMonthStart = (year: number, monthIndex: number, offsetMs: number) =>
  new Date(Date.UTC(year, monthIndex, 1) - offsetMs);

export function periodAround(cadence: Exclude<Cadence, 'on_change'>, now: Date, utcOffsetMinutes: number) {
  const offsetMs = utcOffsetMinutes * 60_000;
  const local = new Date(now.getTime() + offsetMs);
  const span = monthsPer[cadence];
  const firstMonth = Math.floor(local.getUTCMonth() / span) * span;
  const year = local.getUTCFullYear();
  return {
    previousStart: localMonthStart(year, firstMonth - span, offsetMs),
    start: localMonthStart(year, firstMonth, offsetMs),
    end: localMonthStart(year, firstMonth + span, offsetMs),
  };
}

export function disclosureStatus(input: CadenceInput): CadenceStatus {
  if (input.cadence === 'on_change')
    return { status: 'not_required', periodStart: null, periodEnd: null, daysLeft: null };
  const { previousStart, start, end } = periodAround(input.cadence, input.now, input.utcOffsetMinutes);
  const daysLeft = Math.ceil((end.getTime() - input.now.getTime()) / DAY);
  const last = input.lastPublishedAt ? new Date(input.lastPublishedAt).getTime() : null;
  const period = { periodStart: start.toISOString(), periodEnd: end.toISOString(), daysLeft };
  if (last !== null && last >= start.getTime()) return { status: 'ok', ...period };
  if (last === null || last < previousStart.getTime()) return { status: 'overdue', ...period };
  return { status: daysLeft <= input.dueSoonDays ? 'due' : 'ok', ...period };
}
