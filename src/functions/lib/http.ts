import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { bodyLimit, type Route } from '../../shared/api';
import { fieldLabel } from '../../shared/field-labels';
import { type Actor, loadActor } from './actor';
import { type Clock, systemClock } from './clock';
import { listScope, openQueryCursor, sealPageCursor } from './cursor';
import { AppError, type FieldProblem, validation } from './errors';
import { once } from './idempotency';
import { logger } from './log';
import { type SessionClaims, verifySession } from './session';

type In<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HttpInput<R extends Route> {
  actor: R['auth'] extends true ? Actor : R['auth'] extends 'account' ? Actor | undefined : undefined;
  session: R['auth'] extends false ? undefined : SessionClaims;
  params: In<R['params']>;
  query: In<R['query']>;
  body: In<R['body']>;
  idempotencyKey?: string;
  now: Date;
  requestId: string;
  /** The caller's browser or app, as API Gateway reports it. */
  userAgent?: string;
}

const problems = (error: z.ZodError): FieldProblem[] =>
  error.issues.map((i) => {
    const path = i.path.map(String).join('.') || 'request';
    const label = fieldLabel(path);
    return { path, message: i.message.includes(label) ? i.message : `${label}：${i.message}` };
  });

function parsePart<S extends z.ZodType | undefined>(schema: S, value: unknown): In<S> {
  if (!schema) return undefined as In<S>;
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw validation(problems(r.error));
  return r.data as In<S>;
}

function readJson(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
  if (!event.body) return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > maxBytes)
    throw validation([{ path: 'request', message: `请求内容过长（最多 ${Math.round(maxBytes / 1024)} KB）` }]);
  try {
    return JSON.parse(text);
  } catch {
    throw validation([{ path: 'request', message: '请求内容不是有效的 JSON' }]);
  }
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
function readIdempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw validation([{ path: 'idempotency-key', message: '防重复提交标记应为 8–64 位字母、数字、- 或 _' }]);
  return key;
}

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** Maps typed errors to their status once; anything else is a 500 logged without personal data. */
const errorResponses = (): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: (request) => {
    const requestId = request.context.awsRequestId;
    const e = request.error;
    if (e instanceof AppError) {
      request.response = json(e.status, { error: { code: e.code, message: e.message, fields: e.fields, requestId } });
      return;
    }
    logger.error('unhandled', { requestId, route: request.event.routeKey, errorName: e?.name, stack: e?.stack });
    request.response = json(500, { error: { code: 'internal', message: '服务暂时出错，请稍后再试', requestId } });
  },
});

/**
 * The one wrapper every HTTP handler uses: parse with the route's zod schemas,
 * authenticate, run the use case, strip the answer to the response schema.
 */
export function http<R extends Route>(
  route: R,
  run: (input: HttpInput<R>) => Promise<z.input<R['response']>>,
  options: { status?: number; clock?: Clock } = {},
) {
  const clock = options.clock ?? systemClock;
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    const now = clock.now();
    const params = parsePart(route.params, event.pathParameters);
    const query = parsePart(route.query, event.queryStringParameters);
    const body = parsePart(route.body, route.body ? readJson(event, bodyLimit(route)) : undefined);
    const idempotencyKey = route.idempotent ? readIdempotencyKey(event) : undefined;
    const session = route.auth ? await verifySession(event.headers?.authorization, now) : undefined;
    // An 'account' route serves unbound accounts too (to bind); a bound one still gets its actor checked.
    const actor =
      session && !route.sessionOnly && (route.auth === true || session.person)
        ? await loadActor(session, now)
        : undefined;
    // Paging is sealed here, once: use cases see their own positions, clients only opaque cursors.
    const list = listScope(route, params, query, session);
    const answer = async () =>
      route.response.parse(
        sealPageCursor(
          await run({
            actor: actor as HttpInput<R>['actor'],
            session: session as HttpInput<R>['session'],
            params: params as HttpInput<R>['params'],
            query: openQueryCursor(query, list, now) as HttpInput<R>['query'],
            body: body as HttpInput<R>['body'],
            idempotencyKey,
            now,
            requestId: context.awsRequestId,
            userAgent: event.requestContext?.http?.userAgent || event.headers?.['user-agent'],
          }),
          list,
          now,
        ),
      );
    // A retried create answers what the first one did (lib/idempotency.ts).
    const result =
      idempotencyKey && actor
        ? await once(
            { actor, route: `${route.method} ${route.path}`, key: idempotencyKey, keepAnswer: !route.answerNotKept },
            { params, query, body },
            answer,
            context,
          )
        : await answer();
    return json(options.status ?? 200, result);
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(handler)
    .use(httpHeaderNormalizer())
    .use(
      httpCors({
        origins: (process.env.CORS_ORIGINS ?? '*').split(','),
        headers: 'authorization,content-type,idempotency-key',
      }),
    )
    .use(errorResponses());
}
