import {
  adultFrom,
  checkIdNumber,
  idCheckDigit,
  idTail,
  isAdult,
  normalizeIdNumber,
  normalizePhone,
  parseLooseDate,
} from '../../src/shared/rules/identity';
import { maskBirthDate, maskIdNumber, maskPhone } from '../../src/shared/rules/tiers';

const valid = (first17: string) => first17 + idCheckDigit(first17);

describe('ID numbers (GB 11643)', () => {
  it('accepts a number with its check digit, and gives the birth date in it', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, birthDate: '1949-12-31' });
    expect(checkIdNumber(valid('33010219560307123'))).toEqual({ ok: true, birthDate: '1956-03-07' });
  });

  it('refuses a wrong check digit, a wrong length, letters, and impossible dates', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: expect.stringContaining('校验位') });
    expect(checkIdNumber('11010519491231002')).toEqual({ ok: false, reason: '身份证号应为 18 位' });
    expect(checkIdNumber('1101051949123100AX')).toEqual({ ok: false, reason: expect.stringContaining('数字') });
    expect(checkIdNumber(valid('33010219570229123'))).toEqual({
      ok: false,
      reason: expect.stringContaining('出生日期'),
    });
    expect(checkIdNumber(valid('33010218990101123'))).toEqual({
      ok: false,
      reason: expect.stringContaining('出生日期'),
    });
  });

  it('takes 29 February in a leap year, and a lowercase x once normalised', () => {
    expect(checkIdNumber(valid('33010219560229123')).ok).toBe(true);
    expect(checkIdNumber(normalizeIdNumber(' 11010519491231002x '))).toEqual({ ok: true, birthDate: '1949-12-31' });
  });
});

describe('adulthood from the birth date', () => {
  it('begins on the 18th birthday, not the day before', () => {
    expect(adultFrom('2008-11-23')).toBe('2026-11-23');
    expect(isAdult('2008-11-23', '2026-11-23')).toBe(true);
    expect(isAdult('2008-11-24', '2026-11-23')).toBe(false);
  });

  it('comes on 1 March for a 29 February birthday in a common year', () => {
    expect(adultFrom('2008-02-29')).toBe('2026-03-01');
    expect(isAdult('2008-02-29', '2026-02-28')).toBe(false);
  });
});

describe('phones and dates as registers write them', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['+86 13812345678', '13812345678'],
    ['0571-88886666', '057188886666'],
    ['12345', undefined],
    ['23812345678', undefined],
  ])('%s → %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each([
    ['1956-03-07', '1956-03-07'],
    ['1956/3/7', '1956-03-07'],
    ['1956.3.7', '1956-03-07'],
    ['19560307', '1956-03-07'],
    ['1956年3月7日', '1956-03-07'],
    ['1956-02-30', undefined],
    ['三月七日', undefined],
  ])('%s → %s', (input, expected) => expect(parseLooseDate(input)).toBe(expected));
});

describe('masks of the sensitive tier', () => {
  it('shows only the first 3 of an ID number, the ends of a phone, the year of a birth date', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***************');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('057188886666')).toBe('057*******66');
    expect(maskBirthDate('1956-03-07')).toBe('1956-**-**');
  });

  it('never shows what a binding claim asks for, nor the birth date inside the number', () => {
    const id = valid('33010219560307123');
    expect(maskIdNumber(id)).not.toContain(idTail(id));
    expect(maskIdNumber(id)).not.toContain('19560307');
  });
});
