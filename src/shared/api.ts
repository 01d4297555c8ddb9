import { authRoutes } from './routes/auth';
import { bindingsRoutes } from './routes/bindings';
import { casesRoutes } from './routes/cases';
import { inboxRoutes } from './routes/inbox';
import { noticesRoutes } from './routes/notices';
import { peopleRoutes } from './routes/people';
import { privacyRoutes } from './routes/privacy';
import { topicsRoutes } from './routes/topics';

export { bodyLimit, Empty, Health, type Route } from './routes/route';

/**
 * Every HTTP route of the API, with the zod schemas of its inputs and output, one
 * module a resource (src/shared/routes). Handlers validate with these, the client
 * calls through them, /openapi.json is generated from them, and a test checks that
 * serverless.yml declares the same routes.
 */
export const routes = {
  ...authRoutes,
  ...bindingsRoutes,
  ...topicsRoutes,
  ...peopleRoutes,
  ...noticesRoutes,
  ...casesRoutes,
  ...inboxRoutes,
  ...privacyRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
