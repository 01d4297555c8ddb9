import { townshipRoutes as routes } from '../../shared/routes/township';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import { everyVillage } from '../villages/store';
import * as township from './service';
import { allParts, refreshVillageSummary } from './summary';

export const table = http(routes.townshipTable, ({ actor, query, now }) => township.townshipTable(actor, query, now));

/** Scheduled, daily: every part of every village's summary, for what moves with time alone. */
export const refreshDaily = job(async () => {
  const now = systemClock.now();
  let refreshed = 0;
  for await (const village of everyVillage()) {
    await refreshVillageSummary(village, allParts, now);
    refreshed++;
  }
  logger.info('village summaries refreshed', { refreshed });
  return refreshed;
});
