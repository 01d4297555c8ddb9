import * as z from 'zod';
import { TemplateKey } from '../../shared/schemas/inbox';
import { logger } from '../lib/log';
import { fieldTypeOf } from './fields';

/**
 * The subscribe-message templates of this stage: each template's id in the
 * mini-program's account, whether it is long-term (政务民生 categories may have
 * those), and which of a message's values goes in which of its fields. Set per
 * stage (WECHAT_SUBSCRIBE_TEMPLATES, JSON, from serverless.yml's params), never in code:
 *
 *   {"vote": {"id": "AbC…", "longTerm": false, "fields": {"thing1": "title", "time2": "time", "phrase3": "status"}}}
 */
export const MessageValue = z.enum(['title', 'body', 'status', 'time', 'village']);
export type MessageValue = z.infer<typeof MessageValue>;

const Template = z.object({
  id: z.string().min(1),
  longTerm: z.boolean().default(false),
  fields: z
    .record(z.string(), MessageValue)
    .refine((f) => Object.keys(f).every((k) => fieldTypeOf(k)), 'a field key WeChat has no type for'),
});
export type TemplateConfig = z.infer<typeof Template>;
const Templates = z.partialRecord(TemplateKey, Template);

let parsed: { raw: string; templates: Partial<Record<TemplateKey, TemplateConfig>> } | undefined;

/**
 * This stage's templates (none when unset); read per call so the local stack can
 * set them. A setting that doesn't parse counts as none, said once in the log:
 * the inbox must not stop because of it.
 */
export function subscribeTemplates(): Partial<Record<TemplateKey, TemplateConfig>> {
  const raw = process.env.WECHAT_SUBSCRIBE_TEMPLATES ?? '';
  if (parsed?.raw !== raw) {
    let templates: Partial<Record<TemplateKey, TemplateConfig>> = {};
    try {
      templates = raw ? Templates.parse(JSON.parse(raw)) : {};
    } catch (e) {
      logger.error('WECHAT_SUBSCRIBE_TEMPLATES does not parse; no subscribe messages are sent', {
        errorName: (e as Error).name,
      });
    }
    parsed = { raw, templates };
  }
  return parsed.templates;
}

/** The template a WeChat template id stands for, if this stage has it. */
export const templateById = (templateId: string) =>
  (Object.entries(subscribeTemplates()) as [TemplateKey, TemplateConfig][]).find(([, t]) => t.id === templateId)?.[0];

/** The mini-program's version a message opens: formal (released), trial or developer. */
export const miniprogramState = () => process.env.WECHAT_MINIPROGRAM_STATE || 'formal';
