import * as z from 'zod';
import { type Route, routes } from './api';
import { ApiError } from './schemas/common';

const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

const parameters = (r: Route) => [
  ...Object.keys(r.params?.shape ?? {}).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  })),
  ...(r.query instanceof z.ZodObject
    ? Object.entries(r.query.shape as Record<string, z.ZodType>).map(([name, s]) => ({
        name,
        in: 'query',
        required: !s.safeParse(undefined).success,
        schema: schema(s, 'input'),
      }))
    : []),
  ...(r.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }] : []),
];

const operation = (name: string, r: Route) => ({
  operationId: name,
  summary: r.summary,
  ...(r.auth ? { security: [{ session: [] }] } : {}),
  parameters: parameters(r),
  ...(r.body
    ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } } }
    : {}),
  responses: {
    '200': { description: 'OK', content: { 'application/json': { schema: schema(r.response, 'output') } } },
    default: { description: '错误', content: { 'application/json': { schema: schema(ApiError, 'output') } } },
  },
});

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, r] of Object.entries(routes) as [string, Route][]) {
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = operation(name, r);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Village Hall API (村民议事厅)', version: '0.1.0' },
    components: { securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
