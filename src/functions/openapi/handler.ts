import { routes } from '../../shared/api';
import { openApiDocument } from '../../shared/openapi';
import { publicHttp } from '../lib/http-base';

const document = openApiDocument();
export const serve = publicHttp(routes.openapi, async () => document);
