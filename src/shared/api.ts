import { z } from 'zod';
import * as N from './schemas/notice';
import * as P from './schemas/person';
import * as S from './schemas/settings';

/**
 * Every HTTP route of the API, with the zod schemas of its inputs and output.
 * Handlers validate with these, the client calls through them, /openapi.json is
 * generated from them, and a test checks that serverless.yml declares the same routes.
 */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  auth: boolean;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  idempotent?: boolean; // accepts an Idempotency-Key header
}

const route = <R extends Route>(r: R) => r;
const noticeParams = z.object({ noticeId: z.string().regex(/^[0-9A-Z]{26}$/, '公告编号不正确') });
const questionParams = noticeParams.extend({
  questionId: z.string().regex(/^[0-9A-Z]{26}$/, '问题编号不正确'),
});
const versionParams = noticeParams.extend({
  version: z.coerce.number().int('版本号应为整数').min(1, '版本号从 1 开始').max(10000, '版本号过大'),
});
/** Township staff name one of their villages; everyone else is held to their own. */
const villageScope = N.CalendarQuery;
export const Health = z.object({ ok: z.literal(true), stage: z.string() });
export const Empty = z.object({});

export const routes = {
  health: route({ method: 'GET', path: '/health', summary: '服务健康检查', auth: false, response: Health }),
  openapi: route({ method: 'GET', path: '/openapi.json', summary: 'OpenAPI 文档', auth: false, response: z.unknown() }),
  demoPeople: route({
    method: 'GET',
    path: '/auth/demo-people',
    summary: '演示登录：可选的演示人员（仅本地）',
    auth: false,
    response: P.DemoPeople,
  }),
  demoSignIn: route({
    method: 'POST',
    path: '/auth/demo-sign-in',
    summary: '演示登录（仅本地）',
    auth: false,
    body: P.DemoSignInRequest,
    response: P.SessionResponse,
  }),
  me: route({ method: 'GET', path: '/me', summary: '当前用户', auth: true, response: P.Me }),
  myHousehold: route({
    method: 'GET',
    path: '/me/household',
    summary: '我的户：户主与家庭成员',
    auth: true,
    response: P.MyHousehold,
  }),
  listNotices: route({
    method: 'GET',
    path: '/notices',
    summary: '公告列表（最新在前）',
    auth: true,
    query: N.NoticeListQuery,
    response: N.NoticePage,
  }),
  createNotice: route({
    method: 'POST',
    path: '/notices',
    summary: '起草公告',
    auth: true,
    body: N.CreateNoticeRequest,
    response: N.Notice,
    idempotent: true,
  }),
  getNotice: route({
    method: 'GET',
    path: '/notices/{noticeId}',
    summary: '查看公告',
    auth: true,
    params: noticeParams,
    query: villageScope,
    response: N.Notice,
  }),
  updateDraft: route({
    method: 'PUT',
    path: '/notices/{noticeId}',
    summary: '修改草稿',
    auth: true,
    params: noticeParams,
    body: N.UpdateDraftRequest,
    response: N.Notice,
  }),
  deleteDraft: route({
    method: 'DELETE',
    path: '/notices/{noticeId}',
    summary: '删除草稿（已发布的公告不能删除）',
    auth: true,
    params: noticeParams,
    response: Empty,
  }),
  publishNotice: route({
    method: 'POST',
    path: '/notices/{noticeId}/publish',
    summary: '发布公告（需审核时提交审核）',
    auth: true,
    params: noticeParams,
    response: N.Notice,
  }),
  approveNotice: route({
    method: 'POST',
    path: '/notices/{noticeId}/approve',
    summary: '审核通过并发布',
    auth: true,
    params: noticeParams,
    response: N.Notice,
  }),
  rejectNotice: route({
    method: 'POST',
    path: '/notices/{noticeId}/reject',
    summary: '审核退回',
    auth: true,
    params: noticeParams,
    body: N.ReasonRequest,
    response: N.Notice,
  }),
  correctNotice: route({
    method: 'POST',
    path: '/notices/{noticeId}/corrections',
    summary: '更正已发布公告（生成新版本）',
    auth: true,
    params: noticeParams,
    body: N.CorrectNoticeRequest,
    response: N.Notice,
  }),
  withdrawNotice: route({
    method: 'POST',
    path: '/notices/{noticeId}/withdraw',
    summary: '撤回公告（保留可见）',
    auth: true,
    params: noticeParams,
    body: N.ReasonRequest,
    response: N.Notice,
  }),
  listVersions: route({
    method: 'GET',
    path: '/notices/{noticeId}/versions',
    summary: '公告的全部版本',
    auth: true,
    params: noticeParams,
    query: villageScope,
    response: N.NoticeVersionList,
  }),
  getVersion: route({
    method: 'GET',
    path: '/notices/{noticeId}/versions/{version}',
    summary: '公告的某一版本',
    auth: true,
    params: versionParams,
    query: villageScope,
    response: N.NoticeVersion,
  }),
  listReaders: route({
    method: 'GET',
    path: '/notices/{noticeId}/readers',
    summary: '已读名单与覆盖率',
    auth: true,
    params: noticeParams,
    query: villageScope.extend({ cursor: z.string().max(512, '翻页标记过长').optional() }),
    response: N.Readers,
  }),
  listQuestions: route({
    method: 'GET',
    path: '/notices/{noticeId}/questions',
    summary: '公告的询问与答复',
    auth: true,
    params: noticeParams,
    query: villageScope,
    response: N.QuestionList,
  }),
  askQuestion: route({
    method: 'POST',
    path: '/notices/{noticeId}/questions',
    summary: '对公告提出询问',
    auth: true,
    params: noticeParams,
    body: N.AskQuestionRequest,
    response: N.Question,
    idempotent: true,
  }),
  answerQuestion: route({
    method: 'POST',
    path: '/notices/{noticeId}/questions/{questionId}/answer',
    summary: '答复询问',
    auth: true,
    params: questionParams,
    body: N.AnswerQuestionRequest,
    response: N.Question,
  }),
  openQuestions: route({
    method: 'GET',
    path: '/notice-questions/open',
    summary: '待答复的询问（等待最久的在前）',
    auth: true,
    query: villageScope,
    response: N.OpenQuestionList,
  }),
  villageSettings: route({
    method: 'GET',
    path: '/village-settings',
    summary: '本村设置（公开周期、审核要求等，默认值为法定标准）',
    auth: true,
    query: villageScope,
    response: S.SettingsView,
  }),
  updateVillageSettings: route({
    method: 'PUT',
    path: '/village-settings',
    summary: '修改本村设置',
    auth: true,
    body: S.VillageSettingsUpdate,
    response: S.SettingsView,
  }),
  disclosureCalendar: route({
    method: 'GET',
    path: '/disclosure-calendar',
    summary: '公开日历：各类别的公开周期与到期情况',
    auth: true,
    query: N.CalendarQuery,
    response: N.DisclosureCalendar,
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
