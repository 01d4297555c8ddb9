import { peopleRoutes as routes } from '../../shared/routes/people';
import { http } from '../lib/http';
import * as imports from './service';

export const preview = http(routes.previewRosterImport, ({ actor, body }) => imports.previewImport(actor, body));
export const confirm = http(routes.confirmRosterImport, ({ actor, body, now }) =>
  imports.confirmImport(actor, body, now),
);
export const exportCsv = http(routes.exportRoster, ({ actor, query, now }) =>
  imports.exportRoster(actor, query.villageId, now),
);
