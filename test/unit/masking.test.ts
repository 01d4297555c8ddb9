import { maskBirthDate, maskIdNumber, maskPhone } from '../../src/shared/rules/tiers';

describe('masking the sensitive tier', () => {
  it('shows an ID number as its first 3 digits only: never the last 4 a binding claim asks for', () => {
    expect(maskIdNumber('330102195601011234')).toBe('330***************');
    expect(maskIdNumber('11010519491231002X')).toBe('110***************');
  });

  it('hides a number too short to be an ID entirely', () => {
    expect(maskIdNumber('33010219560101123')).toBe('*****************');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
  });

  it('shows a mobile as its first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('shows other phones as their first 3 and last 2, and hides very short ones entirely', () => {
    expect(maskPhone('057188886666')).toBe('057*******66');
    expect(maskPhone('1381234')).toBe('138**34');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('shows only the year of a birth date', () => {
    expect(maskBirthDate('1956-03-07')).toBe('1956-**-**');
  });
});
