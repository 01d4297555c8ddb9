import * as Q from '../schemas/inquiry';
import { inquiryParams, route, villageScope } from './route';

/** 质询: the 监委会's formal questions to the committee, and the committee's answers. */
export const inquiriesRoutes = {
  listInquiries: route({
    method: 'GET',
    path: '/inquiries',
    summary: '监委会质询列表（最新在前；不公开的只有监委会、村委会和乡镇看得到）',
    auth: true,
    query: Q.InquiryListQuery,
    response: Q.InquiryList,
  }),
  askInquiry: route({
    method: 'POST',
    path: '/inquiries',
    summary: '监委会向村委会提出质询',
    auth: true,
    body: Q.AskInquiryRequest,
    response: Q.Inquiry,
    idempotent: true,
    created: true,
  }),
  getInquiry: route({
    method: 'GET',
    path: '/inquiries/{inquiryId}',
    summary: '查看质询及答复',
    auth: true,
    params: inquiryParams,
    query: villageScope,
    response: Q.Inquiry,
  }),
  answerInquiry: route({
    method: 'POST',
    path: '/inquiries/{inquiryId}/answer',
    summary: '村委会答复质询',
    auth: true,
    params: inquiryParams,
    body: Q.AnswerInquiryRequest,
    response: Q.Inquiry,
    answers: [409],
  }),
} as const;
