import { routes } from '../../shared/api';
import { http } from '../lib/http';
import * as privacy from './service';

export const myData = http(routes.myData, ({ actor, session, now }) => privacy.myData(actor, session, now));
export const requestCorrection = http(
  routes.requestCorrection,
  ({ actor, body, now }) => privacy.requestCorrection(actor, body, now),
  { status: 201 },
);
export const deleteMyAccount = http(routes.deleteMyAccount, ({ session, now }) => privacy.deleteAccount(session, now));
