import { authRoutes } from './routes/auth';
import { bindingsRoutes } from './routes/bindings';
import { casesRoutes } from './routes/cases';
import { healthRoutes } from './routes/health';
import { inboxRoutes } from './routes/inbox';
import { noticesRoutes } from './routes/notices';
import { peopleRoutes } from './routes/people';
import { topicsRoutes } from './routes/topics';

export { bodyLimit, Empty, Health, type Route } from './routes/route';

/**
 * Every HTTP route of the API, with the zod schemas of its inputs and output, one
 * module a resource (src/shared/routes). Handlers validate with these, each importing
 * only its resource's module (so a function carries only its own schemas); the client
 * calls through this table, /openapi.json is generated from it, and a test checks that
 * serverless.yml declares the same routes.
 */
export const routes = {
  ...healthRoutes,
  ...authRoutes,
  ...bindingsRoutes,
  ...topicsRoutes,
  ...peopleRoutes,
  ...noticesRoutes,
  ...casesRoutes,
  ...inboxRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
