import { casesRoutes as routes } from '../../shared/routes/cases';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import * as photos from './service';

/** HTTP adapter only: a pre-signed upload for one photo (the bytes go straight to storage). */
export const requestUpload = http(routes.requestPhotoUpload, ({ actor, body, now }) =>
  photos.requestUpload(actor, body, now),
);

/** Scheduled (serverless.yml): deletes uploads nobody attached to a case before they expired. */
export const sweepUnattached = job(async () => {
  const done = await photos.sweepUnattached(systemClock.now());
  if (done.deleted) logger.info('unattached photos deleted', done);
  return done;
});
