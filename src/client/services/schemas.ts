import { routes } from '../../shared/api';

/**
 * The routes' zod schemas, to check a body before it is sent. In the mini-program
 * they are in the package already; on H5 schemas.h5.ts loads them on first use.
 */
export const loadRoutes = async () => routes;
