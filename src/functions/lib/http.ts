import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { bodyLimit, IDEMPOTENCY_KEY, type Route } from '../../shared/routes/route';
import { type Actor, loadActor } from './actor';
import { type Clock, systemClock } from './clock';
import { listScope, openQueryCursor, sealPageCursor } from './cursor';
import { validation } from './errors';
import { type In, json, parsePart, readJson, stack } from './http-base';
import { once } from './idempotency';
import { loadSecrets } from './secrets';
import { checkBrowserSession, type SessionClaims, verifySession } from './session';

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

function readIdempotencyKey(event: APIGatewayProxyEventV2): string | undefined {
  const key = event.headers?.['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw validation([{ path: 'idempotency-key', message: '防重复提交标记应为 8–64 位字母、数字、- 或 _' }]);
  return key;
}

/**
 * The one wrapper every HTTP handler uses: parse with the route's zod schemas,
 * authenticate, run the use case, strip the answer to the response schema.
 */
export function http<R extends Route>(
  route: R,
  run: (input: HttpInput<R>) => Promise<z.input<R['response']>>,
  options: { clock?: Clock } = {},
) {
  const clock = options.clock ?? systemClock;
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    await loadSecrets();
    const now = clock.now();
    const params = parsePart(route.params, event.pathParameters);
    const query = parsePart(route.query, event.queryStringParameters);
    const body = parsePart(route.body, route.body ? readJson(event, bodyLimit(route)) : undefined);
    const idempotencyKey = route.idempotent ? readIdempotencyKey(event) : undefined;
    const session = route.auth ? await verifySession(event.headers?.authorization, now) : undefined;
    // An 'account' route serves unbound accounts too (to bind); a bound one still gets its actor checked.
    // A browser's session record and the caller's roster item are read side by side; a signed-out browser
    // is told so first, as when they were read one after the other.
    const [browser, caller] = await Promise.allSettled([
      session && checkBrowserSession(session),
      session && !route.sessionOnly && (route.auth === true || session.person)
        ? loadActor(session, now, route.method === 'GET' && !route.freshCaller ? 'kept' : 'fresh')
        : undefined,
    ]);
    if (browser.status === 'rejected') throw browser.reason;
    if (caller.status === 'rejected') throw caller.reason;
    const actor = caller.value;
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
      idempotencyKey && actor && !route.ownRetries
        ? await once(
            { actor, route: `${route.method} ${route.path}`, key: idempotencyKey },
            { params, query, body },
            answer,
            context,
          )
        : await answer();
    return json(route.created ? 201 : 200, result);
  };
  return stack(handler);
}
