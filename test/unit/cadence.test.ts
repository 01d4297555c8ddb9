import { disclosureStatus, periodAround } from '../../src/shared/rules/cadence';

const CHINA = 480;
const at = (iso: string) => new Date(iso);
const base = { utcOffsetMinutes: CHINA, dueSoonDays: 10 };

describe('disclosure periods follow the local (China) calendar', () => {
  it('a quarter starts at local midnight on 1 Jan/Apr/Jul/Oct', () => {
    // 1 Oct 00:30 Beijing is still 30 Sep in UTC, but belongs to Q4.
    const p = periodAround('quarterly', at('2026-09-30T16:30:00Z'), CHINA);
    expect(p.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(p.previousStart.toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('a month period crosses the year boundary', () => {
    const p = periodAround('monthly', at('2027-01-15T04:00:00Z'), CHINA);
    expect(p.previousStart.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('disclosure status per category', () => {
  it('is ok when something was published this period', () => {
    const s = disclosureStatus({
      ...base,
      cadence: 'monthly',
      lastPublishedAt: '2026-11-03T02:00:00Z',
      now: at('2026-11-25T02:00:00Z'),
    });
    expect(s.status).toBe('ok');
  });

  it('is due in the last days of a period when this period has nothing yet', () => {
    const s = disclosureStatus({
      ...base,
      cadence: 'monthly',
      lastPublishedAt: '2026-10-05T02:00:00Z',
      now: at('2026-11-25T02:00:00Z'),
    });
    expect(s.status).toBe('due');
    expect(s.daysLeft).toBe(6); // until 1 Dec 00:00 Beijing
  });

  it('is still ok early in a period if the previous period was disclosed', () => {
    const s = disclosureStatus({
      ...base,
      cadence: 'quarterly',
      lastPublishedAt: '2026-08-20T02:00:00Z',
      now: at('2026-10-10T02:00:00Z'),
    });
    expect(s.status).toBe('ok');
  });

  it('is overdue when the whole previous period passed without a disclosure', () => {
    const s = disclosureStatus({
      ...base,
      cadence: 'quarterly',
      lastPublishedAt: '2026-05-20T02:00:00Z',
      now: at('2026-10-10T02:00:00Z'),
    });
    expect(s.status).toBe('overdue');
  });

  it('is overdue when the category was never disclosed', () => {
    const s = disclosureStatus({ ...base, cadence: 'monthly', lastPublishedAt: null, now: at('2026-10-10T02:00:00Z') });
    expect(s.status).toBe('overdue');
  });

  it('counts a notice published at 00:10 on the 1st (Beijing) in the new month', () => {
    const s = disclosureStatus({
      ...base,
      cadence: 'monthly',
      lastPublishedAt: '2026-10-31T16:10:00Z',
      now: at('2026-11-02T02:00:00Z'),
    });
    expect(s.status).toBe('ok');
    const before = disclosureStatus({
      ...base,
      cadence: 'monthly',
      lastPublishedAt: '2026-10-31T15:50:00Z',
      now: at('2026-11-25T02:00:00Z'),
    });
    expect(before.status).toBe('due');
  });

  it('service guides are disclosed when they change, with no period', () => {
    const s = disclosureStatus({
      ...base,
      cadence: 'on_change',
      lastPublishedAt: null,
      now: at('2026-10-10T02:00:00Z'),
    });
    expect(s).toEqual({ status: 'not_required', periodStart: null, periodEnd: null, daysLeft: null });
  });

  it('the due window is a setting', () => {
    const input = {
      cadence: 'monthly' as const,
      lastPublishedAt: '2026-10-05T02:00:00Z',
      now: at('2026-11-15T02:00:00Z'),
      utcOffsetMinutes: CHINA,
    };
    expect(disclosureStatus({ ...input, dueSoonDays: 10 }).status).toBe('ok');
    expect(disclosureStatus({ ...input, dueSoonDays: 20 }).status).toBe('due');
  });
});
