/**
 * Text as a person would read it aloud (朗读): amounts, dates, times, percentages
 * and numbers in the words a villager says, so a speech engine doesn't spell
 * "¥1,234.50" or "2026-12-01" digit by digit or in English. Pure; the app passes
 * the result to the platform's text-to-speech.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS = ['', '十', '百', '千'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** 0–9999 in words, with 零 where a place is skipped inside (一千零五). */
function underTenThousand(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + SMALL_UNITS[place];
  }
  return out;
}

/** A whole number in words: 10 → 十, 15 → 十五, 105 → 一百零五, 20000 → 二万, 100010 → 十万零一十. */
export function integerWords(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `负${integerWords(-n)}`;
  n = Math.floor(n);
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    // A group below 1000 after a higher one is read with 零 (十万零一十).
    if (out && g < 1000) out += '零';
    out += underTenThousand(g) + BIG_UNITS[i];
  }
  // 一十 at the very start is said 十 (十五, 十万), never inside (一百一十).
  return out.replace(/^一十/, '十').replace(/零+/g, '零');
}

/** A decimal as read: 3.5 → 三点五, 0.25 → 零点二五. */
export function numberWords(text: string): string {
  const [whole, fraction] = text.replace(/,/g, '').split('.');
  const head = integerWords(Number(whole));
  return fraction ? `${head}点${[...fraction].map((d) => DIGITS[Number(d)]).join('')}` : head;
}

/** Money as read: ¥1,234.50 → 一千二百三十四元五角; 0.05 → 五分; 100 → 一百元. */
export function amountWords(text: string): string {
  const value = Math.round(Number(text.replace(/,/g, '')) * 100);
  const yuan = Math.floor(value / 100);
  const jiao = Math.floor(value / 10) % 10;
  const fen = value % 10;
  let out = yuan ? `${integerWords(yuan)}元` : '';
  if (jiao) out += `${DIGITS[jiao]}角`;
  else if (fen && yuan) out += '零';
  if (fen) out += `${DIGITS[fen]}分`;
  return out || '零元';
}

/** A run of digits read one by one (a phone, an ID, a receipt): 1 as 幺 is for radio, not for villagers. */
const digitByDigit = (digits: string) => [...digits].map((d) => DIGITS[Number(d)] ?? d).join('');

const timeWords = (h: number, m: number) => `${integerWords(h)}点${m ? `${integerWords(m)}分` : '整'}`;
const dateWords = (y: number, mo: number, d: number, thisYear: number) =>
  `${y === thisYear ? '' : `${digitByDigit(String(y))}年`}${integerWords(mo)}月${integerWords(d)}日`;

/**
 * The whole text, ready to be spoken: dates (2026-12-01, 2026年12月1日, with a time),
 * amounts (¥ or 元), percentages, long digit runs (digit by digit) and other numbers.
 * A date in the reader's own year leaves the year out, as people say it.
 */
export function spoken(text: string, now: Date = new Date()): string {
  const thisYear = now.getFullYear();
  return (
    text
      // 2026-12-01 06:55, 2026/12/01, 2026年12月1日 06:55
      .replace(
        /(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:\s*(\d{1,2}):(\d{2}))?/g,
        (_, y, m1, d1, m2, d2, h, min) =>
          dateWords(Number(y), Number(m1 ?? m2), Number(d1 ?? d2), thisYear) +
          (h === undefined ? '' : ` ${timeWords(Number(h), Number(min))}`),
      )
      .replace(/(\d{1,2}):(\d{2})/g, (_, h, m) => timeWords(Number(h), Number(m)))
      .replace(/[¥￥]\s*([\d,]+(?:\.\d+)?)/g, (_, n) => amountWords(n))
      .replace(/([\d,]+(?:\.\d+)?)\s*元/g, (_, n) => amountWords(n))
      .replace(/([\d.]+)\s*%/g, (_, n) => `百分之${numberWords(n)}`)
      // Seven digits or more with no separators is a phone, an ID or a code: read each digit.
      .replace(/\d{7,}/g, digitByDigit)
      .replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g, numberWords)
  );
}
