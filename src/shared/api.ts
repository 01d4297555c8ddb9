import { z } from 'zod';
import * as B from './schemas/binding';
import * as N from './schemas/notice';
import * as P from './schemas/person';
import * as R from './schemas/roster-import';
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
  /** true: a signed-in account bound to a person; 'account': signed in, bound or not (to bind). */
  auth: boolean | 'account';
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  idempotent?: boolean; // accepts an Idempotency-Key header
  maxBodyBytes?: number; // default 256 KB
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
const personParams = z.object({ personId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '人员编号不正确') });
const claimParams = z.object({ claimId: z.string().regex(/^[0-9A-Z]{26}$/, '申请编号不正确') });
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
  wechatSignIn: route({
    method: 'POST',
    path: '/auth/wechat',
    summary: '微信登录：用小程序登录凭证换取会话',
    auth: false,
    body: P.WechatSignInRequest,
    response: P.SessionResponse,
  }),
  me: route({ method: 'GET', path: '/me', summary: '当前用户', auth: 'account', response: P.Me }),
  mySubmissions: route({
    method: 'GET',
    path: '/me/submissions',
    summary: '我的提交：提过的询问及是否已答复',
    auth: true,
    response: P.MySubmissions,
  }),
  unbindMe: route({
    method: 'DELETE',
    path: '/me/binding',
    summary: '解除本账号与村民身份的绑定',
    auth: true,
    response: P.SessionResponse,
  }),
  villageDirectory: route({
    method: 'GET',
    path: '/villages',
    summary: '可申请绑定的村和社区',
    auth: 'account',
    response: B.VillageDirectory,
  }),
  claimPerson: route({
    method: 'POST',
    path: '/bindings/claims',
    summary: '绑定村民身份：姓名、身份证后 4 位和手机号（不符时待村委会审核）',
    auth: 'account',
    body: B.ClaimRequest,
    response: B.BindingOutcome,
  }),
  myClaims: route({
    method: 'GET',
    path: '/bindings/claims/mine',
    summary: '我的绑定申请',
    auth: 'account',
    response: B.MyClaims,
  }),
  redeemInvite: route({
    method: 'POST',
    path: '/bindings/invites/redeem',
    summary: '用邀请码绑定村民身份',
    auth: 'account',
    body: B.RedeemInviteRequest,
    response: B.BindingOutcome,
  }),
  pendingClaims: route({
    method: 'GET',
    path: '/bindings/claims',
    summary: '待审核的绑定申请',
    auth: true,
    query: villageScope,
    response: B.PendingClaimList,
  }),
  approveClaim: route({
    method: 'POST',
    path: '/bindings/claims/{claimId}/approve',
    summary: '通过绑定申请（指定对应的村民）',
    auth: true,
    params: claimParams,
    body: B.ApproveClaimRequest,
    response: B.Claim,
  }),
  rejectClaim: route({
    method: 'POST',
    path: '/bindings/claims/{claimId}/reject',
    summary: '驳回绑定申请',
    auth: true,
    params: claimParams,
    body: B.RejectClaimRequest,
    response: B.Claim,
  }),
  listPeople: route({
    method: 'GET',
    path: '/people',
    summary: '村民名册（敏感信息已遮挡）',
    auth: true,
    query: P.RosterQuery,
    response: P.RosterPage,
  }),
  addPerson: route({
    method: 'POST',
    path: '/people',
    summary: '登记村民',
    auth: true,
    body: P.PersonInput,
    response: P.PersonDetail,
    idempotent: true,
  }),
  getPerson: route({
    method: 'GET',
    path: '/people/{personId}',
    summary: '村民详情、身份任期与变更记录',
    auth: true,
    params: personParams,
    query: villageScope,
    response: P.PersonDetail,
  }),
  updatePerson: route({
    method: 'PUT',
    path: '/people/{personId}',
    summary: '修改村民信息（含迁户、换组）',
    auth: true,
    params: personParams,
    body: P.PersonUpdate,
    response: P.PersonDetail,
  }),
  recordDeparture: route({
    method: 'POST',
    path: '/people/{personId}/departure',
    summary: '登记去世或迁出（保留记录）',
    auth: true,
    params: personParams,
    body: P.DepartureRequest,
    response: P.PersonDetail,
  }),
  viewSensitive: route({
    method: 'GET',
    path: '/people/{personId}/sensitive',
    summary: '查看完整身份证号、电话和出生日期（记入审计）',
    auth: true,
    params: personParams,
    query: villageScope,
    response: P.SensitiveView,
  }),
  assignRole: route({
    method: 'POST',
    path: '/people/{personId}/roles',
    summary: '任命身份（含任期）',
    auth: true,
    params: personParams,
    body: P.AssignRoleRequest,
    response: P.PersonDetail,
  }),
  endRole: route({
    method: 'POST',
    path: '/people/{personId}/roles/{termId}/end',
    summary: '结束身份任期',
    auth: true,
    params: personParams.extend({ termId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '任期编号不正确') }),
    body: P.EndRoleRequest,
    response: P.PersonDetail,
  }),
  issueInvite: route({
    method: 'POST',
    path: '/people/{personId}/invites',
    summary: '生成当面绑定用的邀请码',
    auth: true,
    params: personParams,
    response: B.Invite,
  }),
  unbindPerson: route({
    method: 'DELETE',
    path: '/people/{personId}/binding',
    summary: '解除某村民的微信绑定',
    auth: true,
    params: personParams,
    response: P.PersonDetail,
  }),
  getHousehold: route({
    method: 'GET',
    path: '/households/{householdId}',
    summary: '一户的成员',
    auth: true,
    params: z.object({ householdId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '户号不正确') }),
    query: villageScope,
    response: P.HouseholdView,
  }),
  rosterSummary: route({
    method: 'GET',
    path: '/roster-summary',
    summary: '名册统计：按村、小组、身份计数',
    auth: true,
    response: P.RosterSummary,
  }),
  previewRosterImport: route({
    method: 'POST',
    path: '/roster-imports/preview',
    summary: '导入名册：预览（不写入）',
    auth: true,
    body: R.RosterFile,
    response: R.ImportPreview,
    maxBodyBytes: 6 * 1024 * 1024,
  }),
  confirmRosterImport: route({
    method: 'POST',
    path: '/roster-imports',
    summary: '导入名册：按预览确认写入',
    auth: true,
    body: R.ConfirmImport,
    response: R.ImportResult,
    maxBodyBytes: 6 * 1024 * 1024,
  }),
  exportRoster: route({
    method: 'GET',
    path: '/roster-export',
    summary: '导出名册 CSV',
    auth: true,
    query: villageScope,
    response: R.RosterExport,
  }),
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
