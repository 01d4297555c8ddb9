import { casesRoutes as routes } from '../../shared/routes/cases';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import * as oversight from './oversight';
import * as retention from './retention';
import * as cases from './service';
import * as support from './support';
import * as view from './view';

export const submit = http(routes.submitCase, ({ actor, body, idempotencyKey, now }) =>
  cases.submitCase(actor, body, idempotencyKey, now),
);
export const list = http(routes.listCases, ({ actor, query, now }) => cases.listCases(actor, query, now));
export const categories = http(routes.caseCategories, ({ actor, query }) => view.categories(actor, query.villageId));
export const similar = http(routes.similarCases, ({ actor, query, now }) =>
  cases.similarCases(actor, query.text, query.categoryId, now),
);
export const dashboard = http(routes.caseDashboard, ({ actor, query, now }) =>
  oversight.dashboard(actor, query.villageId, now),
);
export const escalated = http(routes.escalatedCases, ({ actor, now }) => oversight.townshipList(actor, now));
export const get = http(routes.getCase, ({ actor, params, query, now }) =>
  view.getCase(actor, params.caseId, query.villageId, now),
);
export const handlers = http(routes.caseHandlers, ({ actor, params, query, now }) =>
  cases.handlers(actor, { caseId: params.caseId, villageId: query.villageId }, now),
);
export const accept = http(routes.acceptCase, ({ actor, params, query, body, now }) =>
  cases.accept(actor, { caseId: params.caseId, villageId: query.villageId }, body.note, now),
);
export const decline = http(routes.declineCase, ({ actor, params, query, body, now }) =>
  cases.decline(actor, { caseId: params.caseId, villageId: query.villageId }, body.reason, now),
);
export const assign = http(routes.assignCase, ({ actor, params, query, body, now }) =>
  cases.assign(actor, { caseId: params.caseId, villageId: query.villageId }, body.personId, body.note, now),
);
export const progress = http(routes.caseProgress, ({ actor, params, query, body, now }) =>
  cases.progress(actor, { caseId: params.caseId, villageId: query.villageId }, body.note, now),
);
export const sort = http(routes.sortCase, ({ actor, params, query, body, now }) =>
  cases.sort(actor, { caseId: params.caseId, villageId: query.villageId }, body, now),
);
export const transfer = http(routes.transferCase, ({ actor, params, query, body, now }) =>
  cases.transfer(actor, { caseId: params.caseId, villageId: query.villageId }, body, now),
);
export const extend = http(routes.extendCase, ({ actor, params, query, body, now }) =>
  cases.extend(actor, { caseId: params.caseId, villageId: query.villageId }, body.reason, now),
);
export const reply = http(routes.replyCase, ({ actor, params, query, body, now }) =>
  cases.reply(actor, { caseId: params.caseId, villageId: query.villageId }, body.text, now),
);
export const rate = http(routes.rateCase, ({ actor, params, query, body, now }) =>
  cases.rate(actor, { caseId: params.caseId, villageId: query.villageId }, body, now),
);
export const second = http(routes.secondCase, ({ actor, params, query, now }) =>
  support.second(actor, { caseId: params.caseId, villageId: query.villageId }, now),
);
export const coSign = http(routes.coSignCase, ({ actor, params, query, now }) =>
  support.coSign(actor, { caseId: params.caseId, villageId: query.villageId }, now),
);
export const convene = http(routes.conveneCase, ({ actor, params, query, body, now }) =>
  support.convene(actor, { caseId: params.caseId, villageId: query.villageId }, body, now),
);
export const merge = http(routes.mergeCase, ({ actor, params, query, body, now }) =>
  cases.merge(actor, { caseId: params.caseId, villageId: query.villageId }, body.intoCaseId, body.note, now),
);
export const toTopic = http(routes.caseToTopic, ({ actor, params, query, body, now }) =>
  cases.toTopic(actor, { caseId: params.caseId, villageId: query.villageId }, body, now),
);

/** Scheduled (serverless.yml): escalates overdue cases to the township and closes answered ones past their review window. */
/** Daily: closed petitions past the village's retention lose their petitioner's identity and contact. */
export const anonymiseClosed = job(async () => {
  const anonymised = await retention.anonymiseDue(systemClock.now());
  if (anonymised) logger.info('closed petitions anonymised', { anonymised });
  return anonymised;
});

export const escalateDue = job(async () => {
  const done = await oversight.escalateDue(systemClock.now());
  if (done.escalated || done.closed) logger.info('cases escalated or closed', done);
  return done;
});
