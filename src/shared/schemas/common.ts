import { z } from 'zod';

/** Zod reports in Chinese: every message may reach a villager's screen. */
z.config(z.locales.zhCN());

export const Id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '编号格式不正确');
export type Id = z.infer<typeof Id>;

/** Calendar date, as printed on a notice: 2026-11-23. */
export const IsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

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
