import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { fieldLabel } from '../../shared/field-labels';
import type { Route } from '../../shared/routes/route';
import { AppError, type FieldProblem, validation } from './errors';
import { logger } from './log';

/*
 * What every HTTP function shares and that needs no database: reading and checking
 * the request with the route's schemas, the error shape, CORS. lib/http.ts adds the
 * signed-in caller, paging and retries; a route that needs none of them (health)
 * uses publicHttp and so starts without the DynamoDB client.
 */

export type In<S> = S extends z.ZodType ? z.output<S> : undefined;

const problems = (error: z.ZodError): FieldProblem[] =>
  error.issues.map((i) => {
    const path = i.path.map(String).join('.') || 'request';
    const label = fieldLabel(path);
    return { path, message: i.message.includes(label) ? i.message : `${label}：${i.message}` };
  });

export function parsePart<S extends z.ZodType | undefined>(schema: S, value: unknown): In<S> {
  if (!schema) return undefined as In<S>;
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw validation(problems(r.error));
  return r.data as In<S>;
}

export function readJson(event: APIGatewayProxyEventV2, maxBytes: number): unknown {
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

export const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** A line per request at DEBUG: the route and the status, nothing the person sent. */
const served = (request: { event: APIGatewayProxyEventV2; response: APIGatewayProxyStructuredResultV2 | null }) =>
  logger.debug('served', { route: request.event.routeKey, status: request.response?.statusCode });

/** Maps typed errors to their status once; anything else is a 500 logged without personal data. */
const errorResponses = (): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  after: served,
  onError: (request) => {
    mapError(request);
    served(request);
  },
});

function mapError(request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>) {
  const requestId = request.context.awsRequestId;
  const e = request.error;
  if (e instanceof AppError) {
    request.response = json(e.status, { error: { code: e.code, message: e.message, fields: e.fields, requestId } });
    if (e.retryAfterSeconds !== undefined)
      request.response.headers = { ...request.response.headers, 'retry-after': String(e.retryAfterSeconds) };
    return;
  }
  logger.error('unhandled', { requestId, route: request.event.routeKey, errorName: e?.name, stack: e?.stack });
  request.response = json(500, { error: { code: 'internal', message: '服务暂时出错，请稍后再试', requestId } });
}

/** The middy stack around a handler: the request id on every log line, normalised headers, CORS, and typed errors mapped to their status. */
export const stack = (
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>,
) =>
  middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(handler)
    // Every log line of the request carries its id (the one a 500 shows the person).
    .use(injectLambdaContext(logger))
    .use(httpHeaderNormalizer())
    .use(
      httpCors({
        origins: (process.env.CORS_ORIGINS ?? '*').split(','),
        headers: 'authorization,content-type,idempotency-key',
      }),
    )
    .use(errorResponses());

/** A route anyone may call, with no body, no paging and no retries to answer: checked and answered as http() would. */
export function publicHttp<R extends Route & { auth: false; body?: undefined; idempotent?: false }>(
  route: R,
  run: (input: { params: In<R['params']>; query: In<R['query']> }) => Promise<z.input<R['response']>>,
) {
  return stack(async (event) => {
    const params = parsePart(route.params, event.pathParameters) as In<R['params']>;
    const query = parsePart(route.query, event.queryStringParameters) as In<R['query']>;
    return json(200, route.response.parse(await run({ params, query })));
  });
}
