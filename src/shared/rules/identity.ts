/**
 * Resident identity card numbers (GB 11643-1999), phones, birth dates and
 * adulthood: the rules the roster checks what staff type or import against.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const normalizeIdNumber = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export const idCheckDigit = (first17: string) =>
  CHECK[[...first17].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11];

export function isCalendarDate(s: string): boolean {
  const m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export type IdCheck = { ok: true; birthDate: string } | { ok: false; reason: string };

export function checkIdNumber(id: string): IdCheck {
  if (id.length !== 18) return { ok: false, reason: '身份证号应为 18 位' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号只能是数字，最后一位可以是 X' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099 || !isCalendarDate(birthDate))
    return { ok: false, reason: '身份证号中的出生日期不正确' };
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return { ok: false, reason: '身份证号校验位不正确' };
  return { ok: true, birthDate };
}

export const idTail = (id: string) => id.slice(-4);

/** An 11-digit mainland mobile, or a landline with its area code, as digits; undefined when it is neither. */
export function normalizePhone(s: string): string | undefined {
  let digits = s.replace(/[\s()（）-]/g, '');
  if (/^\+?86\d{11}$/.test(digits)) digits = digits.replace(/^\+?86/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{9,11}$/.test(digits)) return digits;
  return undefined;
}

/** The day a person turns `years` old; a 29 February birthday turns on 1 March in a common year. */
export function birthdayOf(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** The day a person turns 18. */
export const adultFrom = (birthDate: string) => birthdayOf(birthDate, 18);

export const isAdult = (birthDate: string, today: string) => today >= adultFrom(birthDate);

/** Whether a person is `years` old or more on `today`. */
export const hasTurned = (birthDate: string, years: number, today: string) => today >= birthdayOf(birthDate, years);

/** Dates as registers write them: 1956-03-07, 1956/3/7, 1956.3.7, 19560307, 1956年3月7日. */
export function parseLooseDate(s: string): string | undefined {
  const m = s
    .replace(/\s+/g, '')
    .match(/^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/);
  if (!m) return undefined;
  const month = m[3] ?? m[5] ?? m[7];
  const day = m[4] ?? m[6] ?? m[8];
  const iso = `${m[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}
