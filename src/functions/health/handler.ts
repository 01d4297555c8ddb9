import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routes } from '../../shared/api';
import type { ApiError } from '../../shared/schemas/common';
import { env } from '../lib/env';
import { noSuchRoute } from '../lib/errors';
import { http } from '../lib/http';

export const check = http(routes.health, async () => ({ ok: true as const, stage: env.stage }));

/** The catch-all route (ANY /{proxy+}): the most specific route wins, so this answers only what nothing else serves. */
export const unknownRoute = async (
  _event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const e = noSuchRoute();
  const body: ApiError = { error: { code: e.code, message: e.message, requestId: context.awsRequestId } };
  return {
    statusCode: e.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
};
