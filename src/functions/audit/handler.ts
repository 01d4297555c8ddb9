import { auditRoutes as routes } from '../../shared/routes/audit';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { logger } from '../lib/log';
import { everyVillage, listTownships } from '../villages/store';
import { anchorAll } from './anchor';
import { chainPending } from './chain';
import * as audit from './service';

export const verifyChain = http(routes.verifyAuditChain, ({ actor, query }) => audit.verify(actor, query.villageId));
export const listEntries = http(routes.listAuditEntries, ({ actor, query, now }) =>
  audit.listEntries(actor, query, now),
);
export const anchor = http(routes.auditAnchor, ({ actor, query }) => audit.latestAnchor(actor, query.villageId));

/** Scheduled: links what is unchained and anchors each village's head, once a day. */
export const anchorDaily = async () => {
  const anchored = await anchorAll(systemClock.now());
  logger.info('audit chains anchored', { anchored });
  return anchored;
};

/** Scheduled: links the entries written since the last run, so a verification has little left to link. */
export const chainRecent = async () => {
  let linked = 0;
  // Township staff's own actions are audited under the township.
  for (const { townshipId } of await listTownships()) linked += await chainPending(townshipId);
  for await (const { villageId } of everyVillage()) linked += await chainPending(villageId);
  logger.info('audit entries chained', { linked });
  return linked;
};
