import * as z from 'zod';
import { VillageScope } from '../schemas/common';

/**
 * The shape of every HTTP route of the API, with the zod schemas of its inputs and output.
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
  /**
   * Its use case answers a repeated Idempotency-Key itself, from a mark its own transaction
   * writes (lib/idempotency.ts retryMarkPut), instead of once(): a ballot, whose answer (the
   * receipt, which leads to the ballot) must not be kept.
   */
  ownRetries?: boolean;
  maxBodyBytes?: number; // default 256 KB
  /** Answers 201 (a new thing was made), not 200. */
  created?: true;
  /**
   * The error statuses its use case can answer that its shape doesn't imply (the rest follow from
   * params, query, body, auth and idempotent: see errorStatuses in shared/openapi.ts): 409 where a
   * state refuses it, 429 where it is rate-limited, 503 where it waits on WeChat, 403/404 where a
   * rule the shape doesn't show refuses it (a demo off the local stage, a person not found).
   */
  answers?: readonly (403 | 404 | 409 | 429 | 503)[];
  /**
   * The use case reads only the signed session, not the person it is bound to:
   * leaving (deleting the account) ends the binding, and a retry must still be answered.
   */
  sessionOnly?: boolean;
  /**
   * A read that must see the caller's roles as the roster has them this instant (it reveals the
   * sensitive tier), not as this instance read them a few seconds ago: see src/functions/lib/callers.ts.
   */
  freshCaller?: true;
}

/** What an Idempotency-Key header must look like: the http wrapper checks it, /openapi.json says it. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** Bytes of body a route takes: the handler checks it, and the local gateway stops reading past it. */
export const bodyLimit = (r: Pick<Route, 'maxBodyBytes'>) => r.maxBodyBytes ?? 256 * 1024;

export const route = <R extends Route>(r: R) => r;
export const noticeParams = z.object({ noticeId: z.string().regex(/^[0-9A-Z]{26}$/, '公告编号不正确') });
export const questionParams = noticeParams.extend({
  questionId: z.string().regex(/^[0-9A-Z]{26}$/, '问题编号不正确'),
});
export const versionParams = noticeParams.extend({
  version: z.coerce.number().int('版本号应为整数').min(1, '版本号从 1 开始').max(10000, '版本号过大'),
});
export const villageScope = VillageScope;
export const personParams = z.object({ personId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '人员编号不正确') });
export const topicParams = z.object({ topicId: z.string().regex(/^[0-9A-Z]{26}$/, '议题编号不正确') });
export const caseParams = z.object({ caseId: z.string().regex(/^[0-9A-Z]{26}$/, '事项编号不正确') });
export const caseScope = z.object({
  villageId: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,64}$/, '村编号不正确')
    .optional(),
});
export const inquiryParams = z.object({ inquiryId: z.string().regex(/^[0-9A-Z]{26}$/, '质询编号不正确') });
export const claimParams = z.object({ claimId: z.string().regex(/^[0-9A-Z]{26}$/, '申请编号不正确') });
export const Health = z.object({ ok: z.literal(true), stage: z.string() });
export const Empty = z.object({});
