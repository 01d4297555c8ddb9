import { addDays, localDay } from './local-day';

/**
 * Time limits of the suggestions & petitions workflow (受理, 办结, 延期, 复查).
 * Pure: every instant, "now" included, is passed in as an ISO string, and every
 * deadline comes back as an ISO UTC instant (`toISOString()`).
 */

/** How a time limit is counted. */
export type LimitUnit = 'days' | 'working_days' | 'hours';
export interface Limit {
  amount: number;
  unit: LimitUnit;
}

/**
 * The village's working calendar: statutory holidays (法定节假日, days off even on
 * weekdays) and make-up working days (调休上班, weekend days that are working days).
 * ISO dates YYYY-MM-DD, in the village's local time.
 */
export interface WorkCalendar {
  utcOffsetMinutes: number;
  holidays: string[];
  workdays: string[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const parse = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  return ms;
};

/** Midnight UTC of a YYYY-MM-DD date, used only to do date arithmetic. */
const dateMs = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** The instant the local day `day` ends, i.e. local midnight at the start of the next day. */
const endOfDay = (day: string, utcOffsetMinutes: number) =>
  new Date(dateMs(day) + DAY_MS - utcOffsetMinutes * 60_000).toISOString();

/**
 * The local day an instant belongs to for counting a period. An instant exactly at
 * local midnight belongs to the day it closes: a deadline returned by `dueAt` is such
 * an instant, and a period counted on from it (an extension, 延长) must start the day
 * after that deadline's last day, not a day later.
 */
const startDay = (ms: number, utcOffsetMinutes: number) => localDay(new Date(ms - 1), utcOffsetMinutes);

/** A test built once per calendar, so that counting 60 days does not search the lists 60 times. */
const workingDayTest = (cal: WorkCalendar) => {
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays);
  return (day: string) => {
    const weekday = new Date(dateMs(day)).getUTCDay();
    // Weekends are off unless the State Council moved a working day onto them (调休上班);
    // weekdays are working days unless they fall in a holiday (including 调休 days off).
    return weekday === 0 || weekday === 6 ? workdays.has(day) : !holidays.has(day);
  };
};

/** Mon–Fri unless a holiday; Sat/Sun only if in `workdays`. */
export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  return workingDayTest(cal)(day);
}

/**
 * The instant a limit runs out, counted from `from` (an ISO instant).
 *  - hours: exactly `from` + N hours, ignoring the calendar: an urgent clock (24 h for a
 *    water cut) keeps running over weekends and holidays.
 *  - working_days: the end of the N-th working day after the local day of `from`; the
 *    day of submission does not count (期间开始的日不计算在期间内), since it is rarely whole.
 *  - days: calendar days, as the Petition Work Regulations count 日: the end of the N-th
 *    day after the local day of `from`, except that a period whose last day is not a
 *    working day ends at the end of the next working day (期间届满的最后一日是法定休假日的，
 *    以法定休假日后的第一日为期间届满的日期) — nobody can be expected to act on a holiday.
 * "End of a day" is the local midnight that starts the following day; that instant is
 * the first moment the limit has run out.
 */
export function dueAt(from: string, limit: Limit, cal: WorkCalendar): string {
  const fromMs = parse(from);
  if (limit.unit === 'hours') return new Date(fromMs + limit.amount * HOUR_MS).toISOString();
  const working = workingDayTest(cal);
  let day = startDay(fromMs, cal.utcOffsetMinutes);
  if (limit.unit === 'working_days') {
    for (let counted = 0; counted < limit.amount; ) {
      day = addDays(day, 1);
      if (working(day)) counted++;
    }
  } else {
    day = addDays(day, limit.amount);
    while (!working(day)) day = addDays(day, 1);
  }
  return endOfDay(day, cal.utcOffsetMinutes);
}

export interface CaseClock {
  submittedAt: string;
  acceptedAt?: string;
  /** The one extension granted, if any. */
  extendedBy?: Limit;
  repliedAt?: string;
}
export interface CaseLimits {
  accept: Limit;
  resolve: Limit;
  extension: Limit;
  review: Limit;
}
export interface CaseDeadlines {
  acceptBy: string;
  resolveBy?: string;
  reviewBy?: string;
}

/**
 * The deadlines of one case. The resolve clock only starts once the case is accepted
 * (the 60 days of the Regulations run from 受理), and the one extension (延长) is counted
 * on from the original resolve deadline, not from the day it was granted. The review
 * window (复查请求期限) runs from the written reply. Whether the extension granted fits
 * `limits.extension` is checked where it is granted, not here.
 */
export function caseDeadlines(c: CaseClock, limits: CaseLimits, cal: WorkCalendar): CaseDeadlines {
  const d: CaseDeadlines = { acceptBy: dueAt(c.submittedAt, limits.accept, cal) };
  if (c.acceptedAt) {
    const resolveBy = dueAt(c.acceptedAt, limits.resolve, cal);
    d.resolveBy = c.extendedBy ? dueAt(resolveBy, c.extendedBy, cal) : resolveBy;
  }
  if (c.repliedAt) d.reviewBy = dueAt(c.repliedAt, limits.review, cal);
  return d;
}

export type OverdueClock = 'accept' | 'resolve';

/**
 * Which clock has run out at `now` for a case in a given stage: 'accept' while not yet
 * accepted/declined, 'resolve' while accepted but not replied; undefined otherwise.
 * The accept clock stops at the decision (`decidedAt`, or `acceptedAt` when only that is
 * recorded), the resolve clock at the reply. Stages are read as of `now`, so asking about
 * a past moment gives the answer that was true then. A deadline has run out from its
 * instant on (`now >= deadline`), matching `inReviewWindow`.
 */
export function overdueClock(
  c: CaseClock & { decidedAt?: string },
  d: CaseDeadlines,
  now: string,
): OverdueClock | undefined {
  const nowMs = parse(now);
  const happened = (at?: string) => at !== undefined && parse(at) <= nowMs;
  const decidedAt = c.decidedAt ?? c.acceptedAt;
  if (!happened(decidedAt)) return nowMs >= parse(d.acceptBy) ? 'accept' : undefined;
  if (!happened(c.acceptedAt) || happened(c.repliedAt)) return undefined; // declined, or answered
  return d.resolveBy !== undefined && nowMs >= parse(d.resolveBy) ? 'resolve' : undefined;
}

/** True only if there is a review deadline and `now` is before it. */
export function inReviewWindow(d: CaseDeadlines, now: string): boolean {
  return d.reviewBy !== undefined && parse(now) < parse(d.reviewBy);
}

/**
 * Whole working days left until an instant (negative when overdue), for
 * "还剩 3 个工作日" / "已超期 2 个工作日". Counted in whole local days, today excluded:
 * a deadline at the end of today leaves 0 (due today), the end of the next working day
 * leaves 1. Overdue counts the working days since the deadline's last day, today
 * included, and is at least 1, so that the sign alone tells an overdue case (even one
 * that ran out on a Friday evening and is looked at on Saturday) from one due today.
 */
export function workingDaysLeft(now: string, until: string, cal: WorkCalendar): number {
  const nowMs = parse(now);
  const untilMs = parse(until);
  const working = workingDayTest(cal);
  const today = localDay(new Date(nowMs), cal.utcOffsetMinutes);
  const lastDay = startDay(untilMs, cal.utcOffsetMinutes); // the day the deadline closes
  const countAfter = (from: string, to: string) => {
    let n = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (working(day)) n++;
    return n;
  };
  if (nowMs < untilMs) return countAfter(today, lastDay);
  return -Math.max(1, countAfter(lastDay, today));
}

/** 信访工作条例 (2022): decide on acceptance within 15 days, resolve within 60, one extension of 30, review request within 30 days of the reply. */
export const petitionLawLimits: CaseLimits = {
  accept: { amount: 15, unit: 'days' },
  resolve: { amount: 60, unit: 'days' },
  extension: { amount: 30, unit: 'days' },
  review: { amount: 30, unit: 'days' },
};

/** Hotline-style urgent clock (e.g. 停水): accept within 24 hours, resolve within 24 hours (extension 24 h, review 30 days). */
export const urgentLimits: CaseLimits = {
  accept: { amount: 24, unit: 'hours' },
  resolve: { amount: 24, unit: 'hours' },
  extension: { amount: 24, unit: 'hours' },
  review: { amount: 30, unit: 'days' },
};

/** Every date from `first` to `last`, both included. */
const span = (first: string, last: string) => {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
};

/**
 * China's statutory holidays and make-up working days for 2026 and 2027, as announced by
 * the State Council General Office. Only 2026 is included so far: 国务院办公厅关于2026年
 * 部分节假日安排的通知 (4 Nov 2025, Xinhua / gov.cn). The 2027 notice had not been
 * published when this was written; until it is added, 2027 counts plain Mon–Fri weeks.
 * The notice comes out each November: a village (or the township) updates its calendar
 * setting every year.
 */
export const chinaCalendar2026to2027: { holidays: string[]; workdays: string[] } = {
  holidays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节 (腊月二十八 to 正月初七)
    ...span('2026-04-04', '2026-04-06'), // 清明节
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节
    ...span('2026-09-25', '2026-09-27'), // 中秋节
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: [
    '2026-01-04', // Sunday, for 元旦
    '2026-02-14', // Saturday, for 春节
    '2026-02-28', // Saturday, for 春节
    '2026-05-09', // Saturday, for 劳动节
    '2026-09-20', // Sunday, for 国庆节
    '2026-10-10', // Saturday, for 国庆节
  ],
};
