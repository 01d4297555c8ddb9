import * as z from 'zod';
import { Health, route } from './route';

/** The service itself: whether it answers, and the API document. */
export const healthRoutes = {
  health: route({ method: 'GET', path: '/health', summary: '服务健康检查', auth: false, response: Health }),
  openapi: route({ method: 'GET', path: '/openapi.json', summary: 'OpenAPI 文档', auth: false, response: z.unknown() }),
} as const;
