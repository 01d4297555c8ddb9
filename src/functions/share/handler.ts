import { casesRoutes as routes } from '../../shared/routes/cases';
import { http } from '../lib/http';
import * as share from './service';

export const code = http(routes.shareCode, ({ actor, query, now }) => share.shareCode(actor, query, now));
