import * as z from 'zod';
import * as C from '../schemas/care';
import { personParams, route, villageScope } from './route';

const problemParams = personParams.extend({
  problemId: z.string().regex(/^[0-9A-Z]{26}$/, '问题编号不正确'),
});

/**
 * The care registry for people in extreme poverty (特困人员监护照料): staff only.
 * Township staff name the village (`villageId`); everyone else is held to their own.
 */
export const careRoutes = {
  listCare: route({
    method: 'GET',
    path: '/care',
    summary: '特困人员监护照料名册（本村）',
    auth: true,
    query: villageScope,
    response: C.CareList,
  }),
  registerCare: route({
    method: 'POST',
    path: '/care',
    summary: '登记特困人员：认定条件、供养方式、照料需求和监护人',
    auth: true,
    query: villageScope,
    body: C.RegisterCareRequest,
    response: C.CareRecord,
    idempotent: true,
    created: true,
    answers: [409],
  }),
  careOverview: route({
    method: 'GET',
    path: '/care-overview',
    summary: '监护照料总览：逾期走访、未解决问题、多次出问题的监护人（乡镇看所辖各村）',
    auth: true,
    response: C.CareOverview,
  }),
  getCare: route({
    method: 'GET',
    path: '/care/{personId}',
    summary: '一名特困人员的监护照料档案（每次查看记入审计）',
    auth: true,
    params: personParams,
    query: villageScope,
    response: C.CareRecord,
    answers: [404],
  }),
  replaceGuardian: route({
    method: 'POST',
    path: '/care/{personId}/guardian',
    summary: '更换监护人（写明原因，原监护人记录保留）',
    auth: true,
    params: personParams,
    query: villageScope,
    body: C.ReplaceGuardianRequest,
    response: C.CareRecord,
    answers: [404],
  }),
  addAgreement: route({
    method: 'POST',
    path: '/care/{personId}/agreements',
    summary: '登记监护照料协议：职责、期限和签字扫描件',
    auth: true,
    params: personParams,
    query: villageScope,
    body: C.AgreementRequest,
    response: C.CareRecord,
    idempotent: true,
    created: true,
    answers: [404],
  }),
  recordVisit: route({
    method: 'POST',
    path: '/care/{personId}/visits',
    summary: '登记走访探视：吃穿住医、安全和监护人履责，照片和满意度',
    auth: true,
    params: personParams,
    query: villageScope,
    body: C.VisitRequest,
    response: C.CareRecord,
    idempotent: true,
    created: true,
    answers: [404],
  }),
  resolveCareProblem: route({
    method: 'POST',
    path: '/care/{personId}/problems/{problemId}/resolve',
    summary: '走访发现的问题：登记解决情况',
    auth: true,
    params: problemParams,
    query: villageScope,
    body: C.ResolveProblemRequest,
    response: C.CareRecord,
    answers: [404, 409],
  }),
  linkCareCase: route({
    method: 'POST',
    path: '/care/{personId}/cases',
    summary: '把一条关爱线索关联到这名特困人员的档案（一条线索只关联一人）',
    auth: true,
    params: personParams,
    query: villageScope,
    body: C.LinkCaseRequest,
    response: C.CareRecord,
    answers: [404, 409],
  }),
} as const;
