import { inboxRoutes as routes } from '../../shared/routes/inbox';
import { ownerOf } from '../inbox/service';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import { releaseHeld } from './push';
import * as subscriptions from './service';

export const templates = http(routes.subscribeTemplates, async () => subscriptions.templates());
export const grants = http(routes.listGrants, ({ actor, session }) =>
  subscriptions.grants(ownerOf(actor, session.accountId)),
);
export const grant = http(routes.recordGrants, ({ actor, session, body, now }) =>
  subscriptions.recordGrants(ownerOf(actor, session.accountId), session.accountId, body, now),
);

/** Scheduled (serverless.yml): sends the pushes quiet hours held back, and each day's digest of what the cap folded. */
export const release = job(async () => {
  const released = await releaseHeld(systemClock.now());
  if (released) logger.info('pushes released', { released });
  return { released };
});
