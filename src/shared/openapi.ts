import * as z from 'zod';
import { IDEMPOTENCY_KEY, type Route, resources } from './api';
import { ApiError } from './schemas/common';

const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/** Names a village (township staff choose one of theirs): one that isn't theirs is not found. */
const namesVillage = (r: Route) => r.query instanceof z.ZodObject && 'villageId' in r.query.shape;

/**
 * The error statuses a route can answer, read from its shape as the http wrapper (functions/lib/http.ts)
 * and the policy treat it, plus what it declares in `answers`. A test checks these against real answers.
 */
export function errorStatuses(r: Route): ErrorStatus[] {
  const can: Record<ErrorStatus, boolean> = {
    // Every part it parses, and the Idempotency-Key header, can be refused by field.
    400: Boolean(r.params || r.query || r.body || r.idempotent),
    // An expired or revoked session, or a person no longer bound to the account.
    401: Boolean(r.auth),
    // A bound person is required (an unbound account is refused), and the policy checks roles.
    403: r.auth === true || Boolean(r.answers?.includes(403)),
    // Ids in the path, and another village's things, are not found (their existence is not revealed).
    404: Boolean(r.params) || namesVillage(r) || Boolean(r.answers?.includes(404)),
    // A retry while the first request with the same Idempotency-Key is still running answers in_progress.
    409: Boolean(r.idempotent || r.answers?.includes(409)),
    // The local gateway stops reading a body past the route's limit (413); deployed, the handler refuses it (400).
    413: Boolean(r.body),
    422: Boolean(r.idempotent),
    429: Boolean(r.answers?.includes(429)),
    500: true,
    503: Boolean(r.answers?.includes(503)),
  };
  return (Object.keys(can) as `${ErrorStatus}`[]).filter((s) => can[s]).map(Number) as ErrorStatus[];
}

const error = (code: ApiError['error']['code'], message: string, fields?: ApiError['error']['fields']) =>
  ({
    error: { code, message, ...(fields ? { fields } : {}), requestId: 'c2f0e4a1-7b1d-4c55-9a4e-2b8f0d6e3a10' },
  }) satisfies ApiError;

/** One shared response a status, in the app's error shape, with an example of what it says. */
const errorResponses: Record<ErrorStatus, { name: string; description: string; example: ApiError }> = {
  400: {
    name: 'Validation',
    description: '输入有误（validation）：fields 逐项说明哪个字段、为什么，什么也没有写入',
    example: error('validation', '标题：不能为空', [{ path: 'title', message: '标题：不能为空' }]),
  },
  401: {
    name: 'Unauthenticated',
    description: '未登录或会话已失效（unauthenticated）：请重新登录',
    example: error('unauthenticated', '请先登录'),
  },
  403: {
    name: 'Forbidden',
    description: '无权这样做（forbidden）：未绑定村民身份，或身份不允许',
    example: error('forbidden', '请先绑定村民身份'),
  },
  404: {
    name: 'NotFound',
    description: '没有找到（not_found）；其他村的内容也答复没有找到，不透露是否存在',
    example: error('not_found', '没有找到该内容'),
  },
  409: {
    name: 'Conflict',
    description:
      '当前状态不允许（conflict），或同一防重复提交标记的上一次提交仍在处理（in_progress，稍候重试同一请求）',
    example: error('conflict', '这条公告不在待审核状态'),
  },
  413: {
    name: 'TooLarge',
    description: '请求内容超过该接口的上限（validation，fields 指向 request）；部署后同样的拒绝以 400 答复',
    example: error('validation', '请求内容过长（最多 256 KB）', [
      { path: 'request', message: '请求内容过长（最多 256 KB）' },
    ]),
  },
  422: {
    name: 'KeyReused',
    description: '同一个 Idempotency-Key 已用于内容不同的另一次提交（key_reused）',
    example: error('key_reused', '同一个防重复提交标记已用于内容不同的另一次提交，请重新提交', [
      { path: 'idempotency-key', message: '同一个防重复提交标记已用于内容不同的另一次提交，请重新提交' },
    ]),
  },
  429: {
    name: 'TooMany',
    description: '次数超过限制（too_many）：请稍后再试',
    example: error('too_many', '今天的绑定申请次数已用完，请明天再试，或请网格员当面帮您绑定'),
  },
  500: {
    name: 'Internal',
    description: '服务出错（internal）：带 requestId，日志中不含个人信息',
    example: error('internal', '服务暂时出错，请稍后再试'),
  },
  503: {
    name: 'Unavailable',
    description: '依赖的微信服务暂时不可用或未配置（unavailable）',
    example: error('unavailable', '微信服务暂时无法连接，请稍后再试'),
  },
};

const parameters = (r: Route) => [
  ...Object.entries((r.params?.shape ?? {}) as Record<string, z.ZodType>).map(([name, s]) => ({
    name,
    in: 'path',
    required: true,
    schema: schema(s, 'input'),
  })),
  ...(r.query instanceof z.ZodObject
    ? Object.entries(r.query.shape as Record<string, z.ZodType>).map(([name, s]) => ({
        name,
        in: 'query',
        required: !s.safeParse(undefined).success,
        schema: schema(s, 'input'),
      }))
    : []),
  ...(r.idempotent
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: '防重复提交：同一标记的重试只执行一次，答复与第一次相同',
          schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
        },
      ]
    : []),
];

const operation = (name: string, tag: string, r: Route) => ({
  operationId: name,
  summary: r.summary,
  tags: [tag],
  // The document's security (a session) applies unless the route is public.
  ...(r.auth ? {} : { security: [] }),
  parameters: parameters(r),
  ...(r.body
    ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } }
    : {}),
  responses: {
    [r.created ? '201' : '200']: {
      description: r.created ? '已创建' : '成功',
      content: { 'application/json': { schema: schema(r.response, 'output') } },
    },
    ...Object.fromEntries(
      errorStatuses(r).map((s) => [s, { $ref: `#/components/responses/${errorResponses[s].name}` }]),
    ),
  },
});

/** The OpenAPI 3.1 document, generated from the same route table and zod schemas the handlers validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [tag, { routes: own }] of Object.entries(resources))
    for (const [name, r] of Object.entries(own) as [string, Route][]) {
      paths[r.path] ??= {};
      paths[r.path][r.method.toLowerCase()] = operation(name, tag, r);
    }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Village Hall API (村民议事厅)',
      version: '0.1.0',
      description: '村民议事厅的接口。错误都用同一个形状（ApiError）答复，message 是给人看的中文。',
    },
    servers: [
      {
        url: 'http://127.0.0.1:{port}/api',
        description: '本地（npm start）',
        variables: { port: { default: '3000' } },
      },
      {
        // serverless.yml's HTTP API: one API a stage, served on its $default stage (no path prefix).
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: '已部署的 stage（serverless deploy --stage <stage> 打印的地址）',
        variables: {
          apiId: { default: 'api-id', description: '该 stage 的 HTTP API 编号' },
          region: { default: 'ap-east-1' },
        },
      },
    ],
    security: [{ session: [] }],
    tags: Object.entries(resources).map(([name, { description }]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: '登录（演示登录、微信登录或扫码登录）得到的会话令牌',
        },
      },
      schemas: { ApiError: schema(ApiError, 'output') },
      responses: Object.fromEntries(
        Object.values(errorResponses).map(({ name, description, example }) => [
          name,
          {
            description,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' }, example } },
          },
        ]),
      ),
    },
  };
}
