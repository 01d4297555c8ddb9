import { localDateTime } from '../../shared/rules/local-day';

/**
 * WeChat's rules for a subscribe message's values, by the type its key names
 * (thing1, time2, phrase3, ...): a value that breaks them makes the whole send
 * fail (47003), so every value is cut to fit before it goes.
 */
export const fieldTypes = [
  'thing',
  'time',
  'date',
  'phrase',
  'name',
  'number',
  'letter',
  'symbol',
  'character_string',
  'amount',
  'phone_number',
  'car_number',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/** thing1 → thing; character_string12 → character_string; undefined for a key WeChat has no type for. */
export const fieldTypeOf = (key: string): FieldType | undefined => {
  const t = key.replace(/\d+$/, '');
  return (fieldTypes as readonly string[]).includes(t) ? (t as FieldType) : undefined;
};

const chars = (s: string) => [...s]; // by code point, as WeChat counts characters
const cut = (s: string, n: number, ellipsis = true) => {
  const c = chars(s.trim());
  if (c.length <= n) return c.join('');
  return ellipsis ? `${c.slice(0, n - 1).join('')}…` : c.slice(0, n).join('');
};
const han = /\p{Script=Han}/u;

/**
 * A value as WeChat accepts it for its field type. `time` and `date` take an
 * instant and show it in village time ("2026年12月1日 06:55"); text is cut with an
 * ellipsis where the type allows any character, and filtered to what it allows otherwise.
 */
export function fieldValue(type: FieldType, value: string, utcOffsetMinutes: number): string {
  switch (type) {
    case 'thing':
      return cut(value, 20);
    case 'time':
      return localDateTime(value, utcOffsetMinutes);
    case 'date':
      return localDateTime(value, utcOffsetMinutes).split(' ')[0];
    case 'phrase':
      // At most 5 Chinese characters, nothing else.
      return cut(
        chars(value)
          .filter((c) => han.test(c))
          .join(''),
        5,
        false,
      );
    case 'name':
      return chars(value).some((c) => han.test(c)) ? cut(value, 10, false) : cut(value, 20, false);
    case 'number':
      return cut(value.replace(/[^\d.]/g, ''), 32, false);
    case 'letter':
      return cut(value.replace(/[^A-Za-z]/g, ''), 32, false);
    case 'symbol':
      return cut(value.replace(/[\p{L}\p{N}\s]/gu, ''), 5, false);
    case 'character_string':
      return cut(value.replace(/[^\x21-\x7e]/g, ''), 32, false);
    case 'amount': {
      const n = value.replace(/[^\d.]/g, '');
      return `¥${cut(n, 10, false)}`;
    }
    case 'phone_number':
      return cut(value.replace(/[^\d+\-()]/g, ''), 17, false);
    case 'car_number':
      return cut(value.replace(/\s/g, ''), 8, false);
  }
}
