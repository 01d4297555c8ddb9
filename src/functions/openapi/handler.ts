import { healthRoutes } from '../../shared/routes/health';
import { publicHttp } from '../lib/http-base';
import { document } from './document';

export const serve = publicHttp(healthRoutes.openapi, async () => document);
