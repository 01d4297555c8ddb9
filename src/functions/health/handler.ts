import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { healthRoutes } from '../../shared/routes/health';
import type { ApiError } from '../../shared/schemas/common';
import { env } from '../lib/env';
import { noSuchRoute } from '../lib/errors';
import { json, publicHttp } from '../lib/http-base';

// A health check needs no caller and no database: publicHttp keeps the DynamoDB client out of this function.
export const check = publicHttp(healthRoutes.health, async () => ({ ok: true as const, stage: env.stage }));

/** The catch-all route (ANY /{proxy+}): the most specific route wins, so this answers only what nothing else serves. */
export const unknownRoute = async (
  _event: APIGatewayProxyEventV2,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> => {
  const e = noSuchRoute();
  const body: ApiError = { error: { code: e.code, message: e.message, requestId: context.awsRequestId } };
  return json(e.status, body);
};
