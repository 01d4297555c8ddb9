import { inquiriesRoutes as routes } from '../../shared/routes/inquiries';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import * as inquiries from './service';

/** HTTP adapters only: each parses, names its use case, and replies. Permission checks live in lib/policy. */
export const list = http(routes.listInquiries, ({ actor, query, now }) => inquiries.list(actor, query, now));
export const ask = http(routes.askInquiry, ({ actor, body, idempotencyKey, now }) =>
  inquiries.ask(actor, body, idempotencyKey, now),
);
export const get = http(routes.getInquiry, ({ actor, params, query, now }) =>
  inquiries.open(actor, params.inquiryId, query.villageId, now),
);
export const answer = http(routes.answerInquiry, ({ actor, params, body, now }) =>
  inquiries.answer(actor, params.inquiryId, body.text, now),
);

/** Scheduled: inquiries unanswered at their deadline go to the township. */
export const escalateDue = job(async () => {
  const done = await inquiries.escalateDue(systemClock.now());
  if (done.escalated) logger.info('inquiries escalated', done);
  return done;
});
