import { activeEnd, quietEnd } from '../../src/shared/rules/quiet-hours';

/** Quiet hours in village time (UTC+8 here): 22:00–07:00 by default, across midnight. */
const q = { quietFrom: '22:00', quietUntil: '07:00' };
const beijing = (s: string) => new Date(`${s}+08:00`);

describe('quiet hours', () => {
  it('hold a message sent at night until 07:00 the next morning', () => {
    expect(quietEnd(beijing('2026-12-01T22:30:00'), q, 480)).toEqual(beijing('2026-12-02T07:00:00'));
    expect(quietEnd(beijing('2026-12-02T03:10:00'), q, 480)).toEqual(beijing('2026-12-02T07:00:00'));
    expect(quietEnd(beijing('2026-12-01T22:00:00'), q, 480)).toEqual(beijing('2026-12-02T07:00:00'));
  });

  it('let a message go during the day', () => {
    for (const t of ['07:00:00', '12:00:00', '21:59:00'])
      expect(quietEnd(beijing(`2026-12-01T${t}`), q, 480)).toBeUndefined();
  });

  it('work within one day, and equal ends mean none', () => {
    const lunch = { quietFrom: '12:00', quietUntil: '14:00' };
    expect(quietEnd(beijing('2026-12-01T13:00:00'), lunch, 480)).toEqual(beijing('2026-12-01T14:00:00'));
    expect(quietEnd(beijing('2026-12-01T15:00:00'), lunch, 480)).toBeUndefined();
    expect(quietEnd(beijing('2026-12-01T03:00:00'), { quietFrom: '00:00', quietUntil: '00:00' }, 480)).toBeUndefined();
  });

  it('end the active day at 22:00, or at village midnight when there are none', () => {
    expect(activeEnd(beijing('2026-12-01T09:00:00'), q, 480)).toEqual(beijing('2026-12-01T22:00:00'));
    const none = { quietFrom: '00:00', quietUntil: '00:00' };
    expect(activeEnd(beijing('2026-12-01T09:00:00'), none, 480)).toEqual(beijing('2026-12-02T00:00:00'));
  });
});
