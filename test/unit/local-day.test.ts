import { addDays, localDay } from '../../src/shared/rules/local-day';

describe('the village day', () => {
  it('is already the next day in Beijing at 07:30 local, while UTC is still on the day before', () => {
    const at = new Date('2026-11-22T23:30:00Z'); // 07:30 on 23 November in Beijing
    expect(localDay(at, 480)).toBe('2026-11-23');
    expect(localDay(at, 0)).toBe('2026-11-22');
  });

  it('turns at local midnight', () => {
    expect(localDay(new Date('2026-11-23T15:59:59Z'), 480)).toBe('2026-11-23');
    expect(localDay(new Date('2026-11-23T16:00:00Z'), 480)).toBe('2026-11-24');
  });
});

describe('days on the calendar', () => {
  it('counts on across months, years and a leap day, and back', () => {
    expect(addDays('2026-11-23', 10)).toBe('2026-12-03');
    expect(addDays('2026-12-28', 5)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
