import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { bindingsRoutes } from './routes/bindings';
import { careRoutes } from './routes/care';
import { casesRoutes } from './routes/cases';
import { healthRoutes } from './routes/health';
import { inboxRoutes } from './routes/inbox';
import { inquiriesRoutes } from './routes/inquiries';
import { noticesRoutes } from './routes/notices';
import { oversightRoutes } from './routes/oversight';
import { peopleRoutes } from './routes/people';
import { privacyRoutes } from './routes/privacy';
import { topicsRoutes } from './routes/topics';
import { townshipRoutes } from './routes/township';

export { bodyLimit, Empty, Health, IDEMPOTENCY_KEY, type Route } from './routes/route';

/**
 * Every HTTP route of the API, with the zod schemas of its inputs and output, one
 * module a resource (src/shared/routes). Handlers validate with these, each importing
 * only its resource's module (so a function carries only its own schemas); the client
 * calls through this table, /openapi.json is generated from it, and a test checks that
 * serverless.yml declares the same routes.
 */
export const routes = {
  ...healthRoutes,
  ...authRoutes,
  ...bindingsRoutes,
  ...topicsRoutes,
  ...peopleRoutes,
  ...noticesRoutes,
  ...casesRoutes,
  ...inboxRoutes,
  ...auditRoutes,
  ...privacyRoutes,
  ...townshipRoutes,
  ...careRoutes,
  ...inquiriesRoutes,
  ...oversightRoutes,
} as const;

/** Each route module, by the resource it serves: /openapi.json tags every operation with its module's name. */
export const resources = {
  health: { description: '服务健康检查与 API 文档', routes: healthRoutes },
  auth: { description: '登录、我的账号与扫码登录', routes: authRoutes },
  bindings: { description: '绑定村民身份：申请、邀请码与村委会审核', routes: bindingsRoutes },
  topics: { description: '议事协商与表决', routes: topicsRoutes },
  people: { description: '村民名册、户与名册导入导出', routes: peopleRoutes },
  notices: { description: '村务公开：公告、版本、提问与公开日历', routes: noticesRoutes },
  cases: { description: '建议与诉求：提交、办理、附议与联名；照片上传与海报分享码', routes: casesRoutes },
  inbox: { description: '消息与订阅', routes: inboxRoutes },
  privacy: { description: '我的数据与个人信息权利：查阅、下载、更正、注销', routes: privacyRoutes },
  audit: { description: '操作记录的哈希链：校验与每日公布的链头', routes: auditRoutes },
  township: { description: '乡镇视图：各村一览与对比', routes: townshipRoutes },
  care: { description: '特困人员监护照料：名册、监护人、协议、走访探视与问题整改（仅工作人员）', routes: careRoutes },
  inquiries: { description: '监委会质询：提出、答复与逾期上报乡镇', routes: inquiriesRoutes },
  oversight: { description: '监委会工作台：每月监督检查清单', routes: oversightRoutes },
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
