import { privacyRoutes as routes } from '../../shared/routes/privacy';
import { http } from '../lib/http';
import * as privacy from './service';

export const myData = http(routes.myData, ({ actor, session, now }) => privacy.myData(actor, session, now));
export const requestCorrection = http(routes.requestCorrection, ({ actor, body, now }) =>
  privacy.requestCorrection(actor, body, now),
);
export const deleteMyAccount = http(routes.deleteMyAccount, ({ session, now }) => privacy.deleteAccount(session, now));
