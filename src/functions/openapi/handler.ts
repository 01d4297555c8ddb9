import { routes } from '../../shared/api';
import { openApiDocument } from '../../shared/openapi';
import { http } from '../lib/http';

const document = openApiDocument();
export const serve = http(routes.openapi, async () => document);
