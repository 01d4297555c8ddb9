import { privacyRoutes as routes } from '../../shared/routes/privacy';
import { http } from '../lib/http';
import * as privacy from './service';

export const myData = http(routes.myData, ({ actor, session, now }) => privacy.myData(actor, session, now));
export const requestCorrection = http(routes.requestCorrection, ({ actor, body, now }) =>
  privacy.requestCorrection(actor, body, now),
);
export const deleteMyAccount = http(routes.deleteMyAccount, ({ session, now }) => privacy.deleteAccount(session, now));
export const listCorrections = http(routes.listCorrections, ({ actor, query, now }) =>
  privacy.listCorrections(actor, query, now),
);
export const resolveCorrection = http(routes.resolveCorrection, ({ actor, params, body, now }) =>
  privacy.resolveCorrection(actor, params.correctionId, body, now),
);
