import { peopleRoutes as routes } from '../../shared/routes/people';
import { http } from '../lib/http';
import * as people from './service';

export const list = http(routes.listPeople, ({ actor, query, now }) => people.listRoster(actor, query, now));
export const add = http(routes.addPerson, ({ actor, body, idempotencyKey, now }) =>
  people.addPerson(actor, body, idempotencyKey, now),
);
export const get = http(routes.getPerson, ({ actor, params, query, now }) =>
  people.personDetail(actor, params.personId, query.villageId, now),
);
export const update = http(routes.updatePerson, ({ actor, params, body, now }) =>
  people.updatePerson(actor, params.personId, body, now),
);
export const departure = http(routes.recordDeparture, ({ actor, params, body, now }) =>
  people.recordDeparture(actor, params.personId, body, now),
);
export const sensitive = http(routes.viewSensitive, ({ actor, params, query, now }) =>
  people.viewSensitive(actor, params.personId, query.villageId, now),
);
export const assignRole = http(routes.assignRole, ({ actor, params, body, now }) =>
  people.assignRole(actor, params.personId, body, now),
);
export const endRole = http(routes.endRole, ({ actor, params, body, now }) =>
  people.endRole(actor, params.personId, params.termId, body, now),
);
export const household = http(routes.getHousehold, ({ actor, params, query, now }) =>
  people.household(actor, params.householdId, query.villageId, now),
);
export const summary = http(routes.rosterSummary, ({ actor, now }) => people.rosterSummary(actor, now));
