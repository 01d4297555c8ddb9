import * as z from 'zod';
import { CaseSummary } from './case';
import { Id } from './common';
import { Inquiry } from './inquiry';
import { CalendarEntry, NoticeSummary, OpenQuestion } from './notice';
import { Stage } from './topic';

/**
 * The 监委会's monthly check list (监督检查清单), made from the data as it stands: what
 * the committee owes the village. Printed, it is the month's report.
 */
export const CheckList = z.object({
  villageId: Id,
  villageName: z.string(),
  /** The village's month (YYYY-MM) the list is made in. */
  month: z.string(),
  asOf: z.string(),
  /** Categories whose disclosure period ended without a notice. */
  disclosureOverdue: z.array(CalendarEntry),
  /** Notices of the sign-off categories waiting for the 监委会, or published without it (before the rule, or with it off). */
  notSignedOff: z.array(NoticeSummary),
  /** Major matters (重大事项) whose 四议两公开 stages are not all recorded. */
  majorMatters: z.array(z.object({ topicId: Id, title: z.string(), status: z.string(), missing: z.array(Stage) })),
  overdueCases: z.array(CaseSummary),
  /** Residents' questions on notices unanswered past questionAnswerDays. */
  unansweredQuestions: z.array(OpenQuestion.extend({ dueBy: z.string() })),
  /** 质询 unanswered past inquiryAnswerDays. */
  unansweredInquiries: z.array(Inquiry),
});
export type CheckList = z.infer<typeof CheckList>;
export const CheckListQuery = z.object({ villageId: Id.optional() });
