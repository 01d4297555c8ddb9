import Taro from '@tarojs/taro';
import type { z } from 'zod';
import type { Route, RouteName, routes } from '../../shared/api';
import { t } from '../i18n/zh-CN';
import { signInHere } from './next';
import { loadRoutes } from './schemas';
import { session } from './session';

/**
 * How to reach each route (method, path, auth), taken from the shared table when the
 * app is built (config/index.ts): calling a route does not need its zod schemas.
 */
declare const ROUTE_TABLE: Record<RouteName, Pick<Route, 'method' | 'path' | 'auth' | 'idempotent'>>;

/**
 * The typed API client: every call goes through the shared route table, so the
 * request and response types are the zod schemas the server validates with.
 */
type Routes = typeof routes;
type Schema<N extends RouteName, K extends 'params' | 'query' | 'body'> =
  Routes[N] extends Record<K, z.ZodType> ? z.input<Routes[N][K]> : never;

export interface CallInput<N extends RouteName> {
  params?: Schema<N, 'params'>;
  query?: Schema<N, 'query'>;
  body?: Schema<N, 'body'>;
  idempotencyKey?: string;
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** A failed call, with the server's (Chinese) message and the fields it named. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** Problems with a body, found before sending, using the same schema as the server. */
export async function checkBody<N extends RouteName>(name: N, body: unknown): Promise<FieldProblem[]> {
  const schema = ((await loadRoutes())[name] as { body?: z.ZodType }).body;
  const r = schema?.safeParse(body);
  if (!r || r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const fillPath = (path: string, params: Record<string, unknown> = {}) =>
  path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(String(params[k])));

const queryString = (query: Record<string, unknown> = {}) => {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

const IN_PROGRESS_RETRIES = 5;
const inProgress = (res: Taro.request.SuccessCallbackResult) =>
  res.statusCode === 409 &&
  (typeof res.data === 'object' ? res.data : JSON.parse(res.data || '{}'))?.error?.code === 'in_progress';

export const newIdempotencyKey = () => `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/**
 * Calls one route of the shared table: fills the path, checks the body with the
 * server's own schema first, signs the request, and throws an ApiFailure (Chinese
 * message plus the fields it names) on anything but 2xx. A 401 ends the session.
 * Idempotent routes always carry an Idempotency-Key; pass one kept across retries
 * (see newIdempotencyKey) so that a double tap or a retry never creates two.
 */
export async function call<N extends RouteName>(
  name: N,
  input: CallInput<N> = {},
): Promise<z.output<Routes[N]['response']>> {
  const route = ROUTE_TABLE[name];
  const idempotencyKey = input.idempotencyKey ?? (route.idempotent ? newIdempotencyKey() : undefined);
  // Schemas that cannot load (the line dropped) leave the check to the server, which makes the same one.
  const problems = input.body === undefined ? [] : await checkBody(name, input.body).catch(() => []);
  if (problems.length) throw new ApiFailure(400, problems.map((p) => p.message).join('；'), problems);
  const token = session.token();
  const send = () =>
    Taro.request({
      url: `${process.env.TARO_APP_API_BASE}${fillPath(route.path, input.params as Record<string, unknown>)}${queryString(input.query as Record<string, unknown>)}`,
      method: route.method,
      data: input.body === undefined ? undefined : JSON.stringify(input.body),
      header: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      dataType: 'json',
      timeout: 20_000,
    });
  let res: Taro.request.SuccessCallbackResult;
  try {
    res = await send();
    // The same request is still being handled (a retry overtook it): ask again with the same key for its answer.
    for (let retry = 0; retry < IN_PROGRESS_RETRIES && inProgress(res); retry++) {
      await new Promise((r) => setTimeout(r, 1000));
      res = await send();
    }
  } catch {
    throw new ApiFailure(0, t.state.offline);
  }
  const body = typeof res.data === 'string' && res.data ? JSON.parse(res.data) : res.data;
  if (res.statusCode >= 200 && res.statusCode < 300) return body;
  if (res.statusCode === 401 && route.auth) {
    // Missing or expired session: forget it and start again at sign-in, coming back here after.
    session.signOut();
    signInHere();
  }
  const error = body?.error;
  throw new ApiFailure(res.statusCode, error?.message ?? t.state.error, error?.fields ?? []);
}

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : t.state.error);
export const fieldsOf = (e: unknown): Record<string, string> =>
  Object.fromEntries((e instanceof ApiFailure ? e.fields : []).map((f) => [f.path, f.message]));
