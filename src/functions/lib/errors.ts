import type { ApiError } from '../../shared/schemas/common';

type Code = ApiError['error']['code'];
export interface FieldProblem {
  path: string;
  message: string;
}

/** The few errors a use case may raise; the http wrapper maps each to one status. */
export class AppError extends Error {
  constructor(
    readonly code: Code,
    readonly status: number,
    message: string,
    readonly fields?: FieldProblem[],
    /** A 429's Retry-After, in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const validation = (fields: FieldProblem[]) =>
  new AppError('validation', 400, fields.map((f) => f.message).join('；'), fields);
export const invalidField = (path: string, message: string) => validation([{ path, message }]);
export const unauthenticated = (message = '请先登录') => new AppError('unauthenticated', 401, message);
export const forbidden = (message: string) => new AppError('forbidden', 403, message);
export const notFound = (message = '没有找到该内容') => new AppError('not_found', 404, message);
/** A path no route serves: API Gateway's own answer would be `{"message":"Not Found"}`, not the app's shape. */
export const noSuchRoute = () => notFound('没有这个接口，请检查网址');
export const conflict = (message: string) => new AppError('conflict', 409, message);
export const tooMany = (message: string, retryAfterSeconds?: number) =>
  new AppError('too_many', 429, message, undefined, retryAfterSeconds);
export const unavailable = (message: string) => new AppError('unavailable', 503, message);
