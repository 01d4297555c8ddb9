import * as I from '../schemas/inbox';
import { route } from './route';

/** 消息: the inbox, its preferences, and WeChat subscribe messages. */
export const inboxRoutes = {
  listInbox: route({
    method: 'GET',
    path: '/inbox',
    summary: '消息：与我有关的事，最新在前',
    auth: 'account',
    query: I.InboxQuery,
    response: I.InboxPage,
  }),
  unreadInbox: route({
    method: 'GET',
    path: '/inbox/unread',
    summary: '未读消息数',
    auth: 'account',
    response: I.UnreadCount,
  }),
  readInboxItem: route({
    method: 'POST',
    path: '/inbox/{itemId}/read',
    summary: '标记一条消息已读',
    auth: 'account',
    params: I.itemParams,
    response: I.MarkedRead,
  }),
  readAllInbox: route({
    method: 'POST',
    path: '/inbox/read-all',
    summary: '全部标记已读',
    auth: 'account',
    response: I.MarkedRead,
  }),
  inboxPreferences: route({
    method: 'GET',
    path: '/me/inbox-preferences',
    summary: '我接收哪些消息',
    auth: true,
    response: I.InboxPreferences,
  }),
  setInboxPreferences: route({
    method: 'PUT',
    path: '/me/inbox-preferences',
    summary: '选择接收哪些消息（本人诉求的答复等依法应知的不能关闭）',
    auth: true,
    body: I.InboxPreferences,
    response: I.InboxPreferences,
  }),
  subscribeTemplates: route({
    method: 'GET',
    path: '/subscriptions/templates',
    summary: '可订阅的微信消息模板（小程序请求订阅时用）',
    auth: 'account',
    response: I.SubscribeTemplates,
  }),
  listGrants: route({
    method: 'GET',
    path: '/subscriptions/grants',
    summary: '我订阅的微信消息',
    auth: 'account',
    response: I.Grants,
  }),
  recordGrants: route({
    method: 'POST',
    path: '/subscriptions/grants',
    summary: '记录订阅结果（一次性订阅可发一条，长期订阅直到取消）',
    auth: 'account',
    body: I.GrantRequest,
    response: I.Grants,
    answers: [403],
  }),
} as const;
