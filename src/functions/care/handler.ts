import { careRoutes as routes } from '../../shared/routes/care';
import { http } from '../lib/http';
import { overview as careOverview } from './overview';
import * as care from './service';
import * as visits from './visits';

/** HTTP adapters only: the care registry for people in extreme poverty (特困人员监护照料). */
export const list = http(routes.listCare, ({ actor, query, now }) => care.listCare(actor, query.villageId, now));
export const register = http(routes.registerCare, ({ actor, query, body, now }) =>
  care.registerCare(actor, query.villageId, body, now),
);
export const overview = http(routes.careOverview, ({ actor, now }) => careOverview(actor, now));
export const get = http(routes.getCare, ({ actor, params, query, now }) =>
  care.getCare(actor, params.personId, query.villageId, now),
);
export const replaceGuardian = http(routes.replaceGuardian, ({ actor, params, query, body, now }) =>
  care.replaceGuardian(actor, params.personId, query.villageId, body, now),
);
export const addAgreement = http(routes.addAgreement, ({ actor, params, query, body, now }) =>
  care.addAgreement(actor, params.personId, query.villageId, body, now),
);
export const recordVisit = http(routes.recordVisit, ({ actor, params, query, body, now }) =>
  visits.recordVisit(actor, params.personId, query.villageId, body, now),
);
export const resolveProblem = http(routes.resolveCareProblem, ({ actor, params, query, body, now }) =>
  visits.resolveProblem(actor, params, query.villageId, body.resolution, now),
);
export const linkCase = http(routes.linkCareCase, ({ actor, params, query, body, now }) =>
  care.linkCase(actor, params.personId, query.villageId, body, now),
);
