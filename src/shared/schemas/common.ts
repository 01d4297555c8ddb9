import * as z from 'zod';
import { zhCN } from 'zod/locales';

/**
 * Zod reports in Chinese: every message may reach a villager's screen. The namespace
 * import and the one locale by name let a bundle keep only what it calls, not zod's 64 locales.
 */
z.config(zhCN());

export const Id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '编号格式不正确');
export type Id = z.infer<typeof Id>;

/** Township staff name one of their villages; everyone else is held to their own. */
export const VillageScope = z.object({ villageId: Id.optional() });

/** Calendar date, as printed on a notice: 2026-11-23. */
export const IsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

/* ---------- the one text rule ---------- */

const isBidiControl = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
const isControl = (c: number, multiline: boolean) =>
  (c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a))) || (c >= 0x7f && c <= 0x9f);
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * What makes a text unfit to store and show, if anything: text that isn't text.
 * A NUL or a lone surrogate breaks what reads it later (the name index, an export,
 * the app's renderer); a bidi override or isolate makes a name or a sentence look
 * like something it isn't; other control characters are invisible. Multi-line
 * text keeps its line breaks and tabs.
 */
export function textFlaw(text: string, multiline: boolean): string | undefined {
  if (LONE_SURROGATE.test(text)) return '含有残缺、无法显示的字符，请删除后重新输入';
  // One pass over the code units, no copies: a 10,000-row roster import checks every cell.
  let nul = false;
  let bidi = false;
  let control = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul = true;
    else if (isBidiControl(c)) bidi = true;
    else if (isControl(c, multiline)) control = true;
  }
  if (nul) return '含有空字符，请删除后重新输入';
  if (bidi) return '含有改变文字方向的隐藏字符，显示出来会和实际内容不同，请删除后重新输入';
  if (control)
    return multiline ? '含有看不见的控制字符，请删除后重新输入' : '含有换行或看不见的控制字符，请删除后重新输入';
  return undefined;
}

/**
 * Every free text and name a client sends that people will read goes through one
 * of these two: refused when it has a flaw (the message names no field: the http
 * wrapper puts the field's label in front), then stored in Unicode NFC, so the
 * same name typed on two phones is the same string, and trimmed.
 */
const cleanText = (multiline: boolean, error?: string) =>
  z
    .string(error === undefined ? undefined : { error })
    .overwrite((t) => (multiline ? t.replace(/\r\n?/g, '\n') : t))
    .refine((t) => textFlaw(t, multiline) === undefined, {
      abort: true,
      error: (issue) => textFlaw(String(issue.input), multiline),
    })
    .normalize('NFC')
    .trim();
/** One line: a name, a title, a place, a label. */
export const Line = (error?: string) => cleanText(false, error);
/** Text of one or more lines: a body, a reason, a note, a question, a comment. */
export const Prose = (error?: string) => cleanText(true, error);

/** What a list's last page returned as `nextCursor`, passed back unchanged: opaque, sealed by the server (functions/lib/cursor.ts). */
export const Cursor = z
  .string()
  .max(512, '翻页标记过长')
  .regex(/^[A-Za-z0-9_-]+$/, '无效，请从第一页重新加载');

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(50, '每页最多 50 条').default(20),
  cursor: Cursor.optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Body of every 4xx/5xx the API sends. `fields` names the offending inputs. */
export const ApiError = z.object({
  error: z.object({
    code: z.enum([
      'validation',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'in_progress', // 409: the same request is still being handled; the app retries it
      'key_reused', // 422: an Idempotency-Key sent again with a different request
      'too_many',
      'unavailable',
      'internal',
    ]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;
