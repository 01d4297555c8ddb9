/**
 * H5: the routes' zod schemas (zod and every resource's schemas, the app's largest
 * code) load when a body is first checked, not with the first screen, which only reads.
 */
export const loadRoutes = () => import('../../shared/api').then((m) => m.routes);
