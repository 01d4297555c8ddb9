import * as z from 'zod';
import { sharedPages } from '../links';
import { Id } from './common';

/** The poster's code for one shared page: which page, which item, and (for township staff) in which village. */
export const ShareCodeQuery = z.object({
  kind: z.enum(Object.keys(sharedPages) as [keyof typeof sharedPages], { error: '类型应为 notice、topic 或 case' }),
  id: z.string().regex(/^[0-9A-Z]{26}$/, '格式不正确'),
  villageId: Id.optional(),
});
export type ShareCodeQuery = z.output<typeof ShareCodeQuery>;

/** Where the code's image can be fetched for a while (a pre-signed address of the kept image). */
export const ShareCode = z.object({ url: z.string() });
