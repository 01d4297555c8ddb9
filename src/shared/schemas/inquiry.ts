import * as z from 'zod';
import { containsIdNumber, containsPhoneNumber, idNumberMessage, phoneNumberMessage } from '../rules/tiers';
import { Id, Line, Prose } from './common';

/**
 * 质询: a 监委会 member's formal question to the committee about a notice, a case,
 * a topic, spending or anything else. The committee must answer within the
 * village's setting (working days); an inquiry left unanswered goes to the township.
 */
export const InquirySubject = z.enum(['notice', 'case', 'topic', 'spending', 'other'], {
  error: '质询对象应为 公告、事项、议题、开支 或 其他',
});
export type InquirySubject = z.infer<typeof InquirySubject>;
/** The subjects that name one thing in the app (its id); spending and other are described in the text. */
export const referencedSubjects: readonly InquirySubject[] = ['notice', 'case', 'topic'];

export const AskInquiryRequest = z
  .object({
    subject: InquirySubject,
    refId: Id.optional(),
    title: Line('请填写质询事由').min(2, '质询事由至少 2 个字').max(80, '质询事由不能超过 80 字'),
    text: Prose('请填写质询内容')
      .min(10, '质询内容至少 10 个字')
      .max(3000, '质询内容不能超过 3000 字')
      .refine((t) => !containsIdNumber(t), idNumberMessage)
      .refine((t) => !containsPhoneNumber(t), phoneNumberMessage),
    /** Seen only by the 监委会, the committee and the township: for everyone else it does not exist. */
    confidential: z.boolean({ error: '请选择是否不公开' }).default(false),
  })
  .superRefine((r, ctx) => {
    if (r.refId && !referencedSubjects.includes(r.subject))
      ctx.addIssue({ code: 'custom', path: ['refId'], message: '关联事项：开支和其他类质询不关联具体事项' });
  });
export type AskInquiryRequest = z.infer<typeof AskInquiryRequest>;

export const AnswerInquiryRequest = z.object({
  text: Prose('请填写答复')
    .min(10, '答复至少 10 个字')
    .max(3000, '答复不能超过 3000 字')
    .refine((t) => !containsIdNumber(t), idNumberMessage)
    .refine((t) => !containsPhoneNumber(t), phoneNumberMessage),
});
export type AnswerInquiryRequest = z.infer<typeof AnswerInquiryRequest>;

const PersonRef = z.object({ personId: Id, name: z.string() });

export const InquiryStatus = z.enum(['open', 'answered']);
export const Inquiry = z.object({
  inquiryId: Id,
  villageId: Id,
  subject: InquirySubject,
  refId: Id.optional(),
  /** The referenced notice's or topic's title when it was asked (a case's text is not repeated here). */
  refTitle: z.string().optional(),
  title: z.string(),
  text: z.string(),
  confidential: z.boolean(),
  status: InquiryStatus,
  askedAt: z.string(),
  askedBy: PersonRef,
  /** The end of the answer period on the village's working-day calendar. */
  dueBy: z.string(),
  /** Unanswered at dueBy: the scheduled job put it on the township's list. */
  escalatedAt: z.string().optional(),
  answer: z.object({ text: z.string(), answeredAt: z.string(), answeredBy: PersonRef }).optional(),
  /** Open and past its deadline now. */
  overdue: z.boolean(),
});
export type Inquiry = z.infer<typeof Inquiry>;

export const InquiryListQuery = z.object({
  villageId: Id.optional(), // township staff choose one of their villages
  status: z.enum(['open', 'answered', 'overdue'], { error: '状态应为 待答复、已答复 或 已逾期' }).optional(),
});
export type InquiryListQuery = z.infer<typeof InquiryListQuery>;
export const InquiryList = z.object({ items: z.array(Inquiry) });
