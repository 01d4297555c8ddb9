import { routes } from '../../shared/api';
import { http } from '../lib/http';
import * as auth from './service';

export const demoPeople = http(routes.demoPeople, ({ now }) => auth.demoPeople(now));
export const demoSignIn = http(routes.demoSignIn, ({ body, now }) =>
  auth.demoSignIn(body.tenantId, body.personId, now),
);
export const me = http(routes.me, ({ actor }) => auth.me(actor));
export const myHousehold = http(routes.myHousehold, ({ actor }) => auth.myHousehold(actor));
