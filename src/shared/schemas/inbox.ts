import * as z from 'zod';
import { PageQuery, page } from './common';
import { NoticeCategory } from './notice';

/**
 * 消息: what happened that concerns a person, as an event (written in the same
 * transaction as the change) fanned out to inbox items, and, where the person
 * granted it in the mini-program, a WeChat subscribe message.
 */
export const EventKind = z.enum([
  'topic.opened',
  'topic.closing',
  'topic.result',
  'case.accepted',
  'case.declined',
  'case.assigned',
  'case.replied',
  'case.reopened',
  'case.escalated',
  'case.handle', // to a handler: a case assigned to them
  'case.township', // to the township: a case escalated to it
  'case.due', // to a handler: a clock with one working day left
  'cosign.threshold',
  'question.answered',
  'question.waiting', // to the committee: a question unanswered longer than the village's setting
  'binding.approved',
  'binding.rejected',
  'notice.published',
  'privacy.correction', // to the committee: a resident asks for their register entry to be corrected
  'privacy.corrected', // to the resident: the committee's answer to their correction request
  'notice.signoff', // to the 监委会: a notice waits for its review before it is published
  'inquiry.asked', // to the committee: the 监委会 asks a formal question (质询)
  'inquiry.answered', // to the 监委会 member who asked
  'inquiry.township', // to the township: an inquiry unanswered past its deadline
]);
export type EventKind = z.infer<typeof EventKind>;

/**
 * What a person may turn off on 我的. Everything else is theirs by law or by duty:
 * news of their own petition, a case they handle, their own binding.
 */
export const OptionalGroup = z.enum(['topic', 'question', 'notice'], { error: '消息类别不正确' });
export type OptionalGroup = z.infer<typeof OptionalGroup>;
export const optionalGroupOf: Partial<Record<EventKind, OptionalGroup>> = {
  'topic.opened': 'topic',
  'topic.closing': 'topic',
  'topic.result': 'topic',
  'question.answered': 'question',
  'notice.published': 'notice',
};

/**
 * What quiet hours don't hold back and the daily cap doesn't fold: a clock about
 * to run out (a vote closing, a case's last working day) and an escalation.
 */
export const urgentKinds: ReadonlySet<EventKind> = new Set<EventKind>([
  'topic.closing',
  'case.due',
  'case.escalated',
  'case.township',
  'inquiry.township',
]);

/** Where a message leads: one tap opens the thing it is about. */
export const InboxLink = z.object({
  page: z.enum(['topic', 'case', 'notice', 'binding', 'person', 'my-data', 'inquiry']),
  id: z.string(),
  villageId: z.string().optional(),
});
export type InboxLink = z.infer<typeof InboxLink>;

/** The app page a message opens (a subscribe message's `page`, without the leading slash). */
export function inboxPage(l: InboxLink) {
  const village = l.villageId ? `&villageId=${l.villageId}` : '';
  switch (l.page) {
    case 'topic':
      return `pages/topics/detail/index?id=${l.id}`;
    case 'case':
      return `pages/cases/detail/index?id=${l.id}${village}`;
    case 'notice':
      return `pages/notices/detail/index?id=${l.id}`;
    case 'binding':
      return 'pages/index/index';
    case 'person':
      return `pages/people/detail/index?id=${l.id}${village}`;
    case 'my-data':
      return 'pages/me/data/index';
    case 'inquiry':
      return `pages/oversight/inquiry/index?id=${l.id}${village}`;
  }
}

export const InboxItem = z.object({
  itemId: z.string(),
  kind: EventKind,
  title: z.string(),
  body: z.string(),
  link: InboxLink,
  at: z.string(),
  read: z.boolean(),
});
export type InboxItem = z.infer<typeof InboxItem>;
export const InboxPage = page(InboxItem);
export const InboxQuery = PageQuery;

/** Counted up to a bound: the home screen shows "99+" beyond it. */
export const UnreadCount = z.object({ unread: z.number().int(), more: z.boolean() });
export const MarkedRead = z.object({ marked: z.number().int() });
export const itemParams = z.object({ itemId: z.string().regex(/^[0-9A-Z]{26}$/, '消息编号不正确') });

export const InboxPreferences = z.object({
  /** Optional kinds the person turned off. */
  muted: z.array(OptionalGroup).max(3, '消息类别最多 3 个'),
  /** Notice categories whose new notices they hear of. Major matters are always heard of. */
  categories: z.array(NoticeCategory).max(5, '公开类别最多 5 个'),
});
export type InboxPreferences = z.infer<typeof InboxPreferences>;
export const defaultPreferences = (): InboxPreferences => ({ muted: [], categories: ['finance'] });

/* ---------- WeChat subscribe messages (订阅消息) ---------- */

/** The moments the mini-program asks, each with its template (ids are per-stage configuration). */
export const TemplateKey = z.enum(['case_progress', 'vote', 'vote_closing', 'question_answered'], {
  error: '订阅模板不正确',
});
export type TemplateKey = z.infer<typeof TemplateKey>;
export const templateOf: Partial<Record<EventKind, TemplateKey>> = {
  'case.accepted': 'case_progress',
  'case.declined': 'case_progress',
  'case.assigned': 'case_progress',
  'case.replied': 'case_progress',
  'case.reopened': 'case_progress',
  'case.escalated': 'case_progress',
  'topic.opened': 'vote',
  'topic.closing': 'vote_closing', // a one-time grant is one send: the reminder needs its own
  'topic.result': 'vote',
  'question.answered': 'question_answered',
};

/** What wx.requestSubscribeMessage answered per template id ('filter' and errors count as nothing asked). */
export const GrantAnswer = z.enum(['accept', 'reject', 'ban'], { error: '订阅结果应为 accept、reject 或 ban' });
export const GrantRequest = z.object({
  /** A fresh wx.login code: the send needs the openid, which is kept sealed with the grant only. */
  code: z.string().min(1, '请提供微信登录凭证').max(128, '微信登录凭证过长'),
  answers: z
    .record(z.string().max(64), GrantAnswer)
    .refine((a) => Object.keys(a).length >= 1 && Object.keys(a).length <= 10, '请提供 1 至 10 个订阅结果'),
});
export type GrantRequest = z.infer<typeof GrantRequest>;

export const Grant = z.object({
  template: TemplateKey,
  status: z.enum(['granted', 'refused', 'used']),
  longTerm: z.boolean(),
  /** One-time grants left to use. */
  remaining: z.number().int(),
});
export type Grant = z.infer<typeof Grant>;
export const Grants = z.object({ items: z.array(Grant) });

/** The templates this stage has, for the mini-program to ask with (empty when none are configured). */
export const SubscribeTemplates = z.object({
  items: z.array(z.object({ template: TemplateKey, templateId: z.string(), longTerm: z.boolean() })),
});
