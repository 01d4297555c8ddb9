import {
  type CaseClock,
  caseDeadlines,
  chinaCalendar2026to2027,
  dueAt,
  inReviewWindow,
  isWorkingDay,
  overdueClock,
  petitionLawLimits,
  urgentLimits,
  type WorkCalendar,
  workingDaysLeft,
} from '../../src/shared/rules/deadlines';

// Beijing time is UTC+8: the end of a Beijing day is 16:00 UTC of that date.
const cal: WorkCalendar = { utcOffsetMinutes: 480, ...chinaCalendar2026to2027 };
const plainWeeks: WorkCalendar = { utcOffsetMinutes: 480, holidays: [], workdays: [] };
const workingDays = (amount: number) => ({ amount, unit: 'working_days' as const });
const days = (amount: number) => ({ amount, unit: 'days' as const });
const hours = (amount: number) => ({ amount, unit: 'hours' as const });

describe('the 2026 calendar is the State Council notice', () => {
  it('has the 33 days off of 2026 and its 6 make-up working days', () => {
    const in2026 = (d: string) => d.startsWith('2026-');
    expect(chinaCalendar2026to2027.holidays.filter(in2026)).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(chinaCalendar2026to2027.workdays.filter(in2026)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
  it('the Spring Festival break runs from 15 to 23 February, National Day from 1 to 7 October', () => {
    for (const d of ['2026-02-15', '2026-02-19', '2026-02-23', '2026-10-01', '2026-10-07'])
      expect(chinaCalendar2026to2027.holidays).toContain(d);
    expect(chinaCalendar2026to2027.holidays).not.toContain('2026-02-24');
    expect(chinaCalendar2026to2027.holidays).not.toContain('2026-10-08');
  });
  it('every make-up working day is a Saturday or Sunday and none is also a holiday', () => {
    for (const d of chinaCalendar2026to2027.workdays) {
      expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect(chinaCalendar2026to2027.holidays).not.toContain(d);
    }
  });
});

describe('working days', () => {
  it('an ordinary Tuesday is one, an ordinary Saturday and Sunday are not', () => {
    expect(isWorkingDay('2026-11-24', cal)).toBe(true);
    expect(isWorkingDay('2026-11-28', cal)).toBe(false);
    expect(isWorkingDay('2026-11-29', cal)).toBe(false);
  });
  it('a Monday inside the Spring Festival break is not one', () => {
    expect(isWorkingDay('2026-02-16', cal)).toBe(false);
    expect(isWorkingDay('2026-02-16', plainWeeks)).toBe(true);
  });
  it('a make-up Saturday (调休上班) is one', () => {
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-14', plainWeeks)).toBe(false);
  });
});

describe('a limit in working days ends at the end of the N-th working day after the day of submission', () => {
  it('3 working days from a Friday skip the weekend and end on Wednesday night', () => {
    expect(dueAt('2026-11-20T02:00:00Z', workingDays(3), cal)).toBe('2026-11-25T16:00:00.000Z');
  });
  it('3 working days from the Friday before Spring Festival: the make-up Saturday, then two days after the break', () => {
    expect(dueAt('2026-02-13T02:00:00Z', workingDays(3), cal)).toBe('2026-02-25T16:00:00.000Z');
  });
  it('1 working day from that Friday ends on the make-up Saturday', () => {
    expect(dueAt('2026-02-13T02:00:00Z', workingDays(1), cal)).toBe('2026-02-14T16:00:00.000Z');
  });
  it('a make-up Sunday counts too (20 September 2026, before National Day)', () => {
    expect(dueAt('2026-09-18T02:00:00Z', workingDays(1), cal)).toBe('2026-09-20T16:00:00.000Z');
  });
  it('2 working days from 30 September jump the National Day week to 8 and 9 October', () => {
    expect(dueAt('2026-09-30T02:00:00Z', workingDays(2), cal)).toBe('2026-10-09T16:00:00.000Z');
  });
  it('the third of them is the make-up Saturday of 10 October', () => {
    expect(dueAt('2026-09-30T02:00:00Z', workingDays(3), cal)).toBe('2026-10-10T16:00:00.000Z');
  });
});

describe('the day of submission is the Beijing day', () => {
  it('at 23:30 Beijing (15:30 UTC) on Thursday it is still Thursday: 1 working day ends Friday night', () => {
    expect(dueAt('2026-11-19T15:30:00Z', workingDays(1), cal)).toBe('2026-11-20T16:00:00.000Z');
  });
  it('an hour later it is already Friday in Beijing: 1 working day ends Monday night', () => {
    expect(dueAt('2026-11-19T16:30:00Z', workingDays(1), cal)).toBe('2026-11-23T16:00:00.000Z');
  });
  it('a village on UTC counts both as Thursday and ends at its own midnight', () => {
    const utc = { ...cal, utcOffsetMinutes: 0 };
    expect(dueAt('2026-11-19T15:30:00Z', workingDays(1), utc)).toBe('2026-11-21T00:00:00.000Z');
    expect(dueAt('2026-11-19T16:30:00Z', workingDays(1), utc)).toBe('2026-11-21T00:00:00.000Z');
  });
});

describe('a limit in calendar days (the Petition Regulations’ 日)', () => {
  it('15 days from Monday 2 March end on Tuesday 17 March at midnight', () => {
    expect(dueAt('2026-03-02T02:00:00Z', days(15), cal)).toBe('2026-03-17T16:00:00.000Z');
  });
  it('counts weekends and holidays inside the period', () => {
    // 1 Feb + 30 = 3 Mar; the whole Spring Festival break lies inside and does not lengthen it.
    expect(dueAt('2026-02-01T02:00:00Z', days(30), cal)).toBe('2026-03-03T16:00:00.000Z');
  });
  it('whose last day is 1 October runs to the end of 8 October, the first working day after the holiday', () => {
    expect(dueAt('2026-09-16T02:00:00Z', days(15), cal)).toBe('2026-10-08T16:00:00.000Z');
  });
  it('whose last day is in the Spring Festival break runs to Tuesday 24 February', () => {
    expect(dueAt('2026-02-01T02:00:00Z', days(15), cal)).toBe('2026-02-24T16:00:00.000Z');
  });
  it('whose last day is an ordinary Sunday runs to Monday', () => {
    expect(dueAt('2026-11-07T02:00:00Z', days(15), cal)).toBe('2026-11-23T16:00:00.000Z');
  });
  it('whose last day is a make-up Saturday ends that Saturday', () => {
    // 10 March + 60 days = Saturday 9 May, a working day in 2026.
    expect(dueAt('2026-03-10T03:00:00Z', days(60), cal)).toBe('2026-05-09T16:00:00.000Z');
  });
});

describe('a limit in hours', () => {
  it('24 hours from 04:00 on National Day are 24 hours, holiday or not', () => {
    expect(dueAt('2026-09-30T20:00:00Z', hours(24), cal)).toBe('2026-10-01T20:00:00.000Z');
  });
  it('72 hours from the eve of the Spring Festival break end in the middle of it', () => {
    expect(dueAt('2026-02-14T09:15:00Z', hours(72), cal)).toBe('2026-02-17T09:15:00.000Z');
  });
});

describe('the defaults', () => {
  it('Petition Work Regulations 2022: 15 days to accept, 60 to resolve, one extension of 30, 30 to ask for review', () => {
    expect(petitionLawLimits).toEqual({
      accept: { amount: 15, unit: 'days' },
      resolve: { amount: 60, unit: 'days' },
      extension: { amount: 30, unit: 'days' },
      review: { amount: 30, unit: 'days' },
    });
  });
  it('urgent (a water cut): 24 hours to accept and 24 to resolve', () => {
    expect(urgentLimits.accept).toEqual({ amount: 24, unit: 'hours' });
    expect(urgentLimits.resolve).toEqual({ amount: 24, unit: 'hours' });
    expect(urgentLimits.extension).toEqual({ amount: 24, unit: 'hours' });
    expect(urgentLimits.review).toEqual({ amount: 30, unit: 'days' });
  });
});

// A petition submitted Monday 2 March 2026 at 10:00 Beijing, accepted Tuesday 10 March.
const submitted: CaseClock = { submittedAt: '2026-03-02T02:00:00Z' };
const accepted: CaseClock = { ...submitted, acceptedAt: '2026-03-10T03:00:00Z' };

describe('the deadlines of a case', () => {
  it('before acceptance there is only the acceptance deadline', () => {
    expect(caseDeadlines(submitted, petitionLawLimits, cal)).toEqual({ acceptBy: '2026-03-17T16:00:00.000Z' });
  });
  it('the 60 days to resolve run from acceptance, not from submission', () => {
    expect(caseDeadlines(accepted, petitionLawLimits, cal)).toEqual({
      acceptBy: '2026-03-17T16:00:00.000Z',
      resolveBy: '2026-05-09T16:00:00.000Z',
    });
  });
  it('the extension of 30 days runs on from the original deadline (9 May), ending 8 June, not a day later', () => {
    const d = caseDeadlines({ ...accepted, extendedBy: days(30) }, petitionLawLimits, cal);
    expect(d.resolveBy).toBe('2026-06-08T16:00:00.000Z');
  });
  it('an extension is never counted before there is a resolve clock', () => {
    expect(caseDeadlines({ ...submitted, extendedBy: days(30) }, petitionLawLimits, cal).resolveBy).toBeUndefined();
  });
  it('the 30 days to ask for review run from the reply', () => {
    const d = caseDeadlines({ ...accepted, repliedAt: '2026-06-01T08:00:00Z' }, petitionLawLimits, cal);
    expect(d.reviewBy).toBe('2026-07-01T16:00:00.000Z');
  });
  it('an urgent case runs on hours: accept and resolve within 24 hours each, the extension adds 24 more', () => {
    const c = { submittedAt: '2026-10-01T02:00:00Z', acceptedAt: '2026-10-01T05:00:00Z' };
    expect(caseDeadlines(c, urgentLimits, cal)).toEqual({
      acceptBy: '2026-10-02T02:00:00.000Z',
      resolveBy: '2026-10-02T05:00:00.000Z',
    });
    expect(caseDeadlines({ ...c, extendedBy: hours(24) }, urgentLimits, cal).resolveBy).toBe(
      '2026-10-03T05:00:00.000Z',
    );
  });
});

describe('the review window', () => {
  const d = caseDeadlines({ ...accepted, repliedAt: '2026-06-01T08:00:00Z' }, petitionLawLimits, cal);
  it('is open one millisecond before the deadline', () => {
    expect(inReviewWindow(d, '2026-07-01T15:59:59.999Z')).toBe(true);
  });
  it('is closed at the deadline', () => {
    expect(inReviewWindow(d, '2026-07-01T16:00:00.000Z')).toBe(false);
  });
  it('does not exist before a reply', () => {
    expect(inReviewWindow(caseDeadlines(accepted, petitionLawLimits, cal), '2026-04-01T00:00:00Z')).toBe(false);
  });
});

describe('which clock has run out', () => {
  const d0 = caseDeadlines(submitted, petitionLawLimits, cal); // accept by 2026-03-17T16:00Z
  it('no clock one millisecond before the acceptance deadline', () => {
    expect(overdueClock(submitted, d0, '2026-03-17T15:59:59.999Z')).toBeUndefined();
  });
  it('the acceptance clock at the deadline and after', () => {
    expect(overdueClock(submitted, d0, '2026-03-17T16:00:00.000Z')).toBe('accept');
    expect(overdueClock(submitted, d0, '2026-04-30T00:00:00Z')).toBe('accept');
  });
  it('a decline in time stops the acceptance clock for good', () => {
    expect(
      overdueClock({ ...submitted, decidedAt: '2026-03-12T02:00:00Z' }, d0, '2026-04-30T00:00:00Z'),
    ).toBeUndefined();
  });
  it('a late decision stops it only from the moment it is made', () => {
    const late = { ...submitted, decidedAt: '2026-03-20T02:00:00Z' };
    expect(overdueClock(late, d0, '2026-03-19T00:00:00Z')).toBe('accept');
    expect(overdueClock(late, d0, '2026-03-20T02:00:00Z')).toBeUndefined();
  });

  const c = { ...accepted, decidedAt: accepted.acceptedAt };
  const d = caseDeadlines(c, petitionLawLimits, cal); // resolve by 2026-05-09T16:00Z
  it('once accepted, no clock until the resolve deadline', () => {
    expect(overdueClock(c, d, '2026-05-09T15:59:59.999Z')).toBeUndefined();
  });
  it('the resolve clock from the resolve deadline on', () => {
    expect(overdueClock(c, d, '2026-05-09T16:00:00.000Z')).toBe('resolve');
  });
  it('acceptance recorded without decidedAt also stops the acceptance clock', () => {
    expect(overdueClock(accepted, d, '2026-04-01T00:00:00Z')).toBeUndefined();
    expect(overdueClock(accepted, d, '2026-05-10T00:00:00Z')).toBe('resolve');
  });
  it('the extension moves the resolve deadline', () => {
    const ext = { ...c, extendedBy: days(30) };
    const de = caseDeadlines(ext, petitionLawLimits, cal);
    expect(overdueClock(ext, de, '2026-05-10T00:00:00Z')).toBeUndefined();
    expect(overdueClock(ext, de, '2026-06-08T16:00:00.000Z')).toBe('resolve');
  });
  it('a reply stops the resolve clock, even a late one from the moment it is sent', () => {
    const replied = { ...c, repliedAt: '2026-05-20T02:00:00Z' };
    expect(overdueClock(replied, d, '2026-05-12T00:00:00Z')).toBe('resolve');
    expect(overdueClock(replied, d, '2026-05-20T02:00:00Z')).toBeUndefined();
    expect(overdueClock(replied, d, '2026-12-01T00:00:00Z')).toBeUndefined();
  });
});

describe('working days left, as shown beside a case', () => {
  const monday10am = '2026-11-23T02:00:00Z';
  it('2 left on Monday morning for a deadline at the end of Wednesday', () => {
    expect(workingDaysLeft(monday10am, '2026-11-25T16:00:00.000Z', cal)).toBe(2);
  });
  it('0 left when the deadline is the end of today', () => {
    expect(workingDaysLeft(monday10am, '2026-11-23T16:00:00.000Z', cal)).toBe(0);
  });
  it('1 left on Friday for a deadline at the end of Monday: the weekend does not count', () => {
    expect(workingDaysLeft('2026-11-27T02:00:00Z', '2026-11-30T16:00:00.000Z', cal)).toBe(1);
  });
  it('2 left on 30 September for a deadline at the end of 9 October: the National Day week does not count', () => {
    expect(workingDaysLeft('2026-09-30T02:00:00Z', '2026-10-09T16:00:00.000Z', cal)).toBe(2);
  });
  it('1 overdue on Tuesday, 2 on Wednesday, for a deadline at the end of Monday', () => {
    expect(workingDaysLeft('2026-11-24T02:00:00Z', '2026-11-23T16:00:00.000Z', cal)).toBe(-1);
    expect(workingDaysLeft('2026-11-25T02:00:00Z', '2026-11-23T16:00:00.000Z', cal)).toBe(-2);
  });
  it('overdue is never shown as 0: a Friday deadline looked at on Saturday is 1 overdue', () => {
    expect(workingDaysLeft('2026-11-28T02:00:00Z', '2026-11-27T16:00:00.000Z', cal)).toBe(-1);
  });
  it('an hours deadline passed earlier today is 1 overdue', () => {
    expect(workingDaysLeft('2026-11-23T06:00:00Z', '2026-11-23T05:00:00.000Z', cal)).toBe(-1);
  });
});
