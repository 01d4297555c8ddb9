import * as z from 'zod';

/**
 * What checking a village's hash-chained audit record (防篡改校验) finds: that
 * every link holds, up to the head whose hash is shown to the village; or the
 * first link that doesn't, and why.
 */
export const ChainProblem = z.enum(['missing_link', 'out_of_order', 'missing_entry', 'changed_entry', 'anchor']);
export type ChainProblem = z.infer<typeof ChainProblem>;
export const ChainCheck = z.union([
  z.object({ ok: z.literal(true), length: z.number().int(), hash: z.string() }),
  z.object({
    ok: z.literal(false),
    length: z.number().int(),
    /** The first link (1 = the oldest entry) that doesn't hold. */
    seq: z.number().int(),
    problem: ChainProblem,
    /** The entry's time (a changed entry) or the anchor's day (an anchor the chain doesn't reach). */
    at: z.string().optional(),
  }),
]);
export type ChainCheck = z.infer<typeof ChainCheck>;

/** The head as anchored each day: shown on 村务公开 and printed in notices' footers. */
export const ChainAnchor = z.object({ day: z.string(), seq: z.number().int(), hash: z.string() });
export type ChainAnchor = z.infer<typeof ChainAnchor>;
export const LatestAnchor = z.object({ anchor: ChainAnchor.nullable() });
