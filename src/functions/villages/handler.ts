import { noticesRoutes as routes } from '../../shared/routes/notices';
import { http } from '../lib/http';
import * as villages from './service';

export const settings = http(routes.villageSettings, ({ actor, query }) => villages.settingsOf(actor, query.villageId));
export const updateSettings = http(routes.updateVillageSettings, ({ actor, body, now }) =>
  villages.changeSettings(actor, body, now),
);
