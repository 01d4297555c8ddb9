import { authRoutes as routes } from '../../shared/routes/auth';
import * as bindings from '../bindings/service';
import { http } from '../lib/http';
import * as notices from '../notices/service';
import * as qr from './qr';
import * as auth from './service';

export const wechatSignIn = http(routes.wechatSignIn, ({ body, now }) => auth.wechatSignIn(body.code, now));
export const demoPeople = http(routes.demoPeople, ({ now }) => auth.demoPeople(now));
export const demoSignIn = http(routes.demoSignIn, ({ body, now }) =>
  auth.demoSignIn(body.tenantId, body.personId, now),
);
export const me = http(routes.me, ({ session, actor }) => auth.me(session, actor));
export const agreeToPolicy = http(routes.agreeToPolicy, ({ session, actor, body, now }) =>
  auth.agreeToPolicy(session, actor, body, now),
);
export const myHousehold = http(routes.myHousehold, ({ actor }) => auth.myHousehold(actor));
export const unbindMe = http(routes.unbindMe, ({ actor, now }) => bindings.unbindMe(actor, now));
export const villageDirectory = http(routes.villageDirectory, () => auth.villageDirectory());
export const mySubmissions = http(routes.mySubmissions, ({ actor }) => notices.mySubmissions(actor));
export const createQrTicket = http(routes.createQrTicket, ({ userAgent, now }) => qr.createTicket(userAgent, now));
export const pollQrTicket = http(routes.pollQrTicket, ({ params, body, now }) =>
  qr.pollTicket(params.ticketId, body.pollSecret, now),
);
export const scanQrTicket = http(routes.scanQrTicket, ({ actor, params, now }) =>
  qr.scanTicket(actor, params.ticketId, now),
);
export const confirmQrTicket = http(routes.confirmQrTicket, ({ actor, params, now }) =>
  qr.confirmTicket(actor, params.ticketId, now),
);
export const mySessions = http(routes.mySessions, ({ actor, session, now }) => qr.mySessions(actor, session, now));
export const endMySession = http(routes.endMySession, ({ actor, params }) => qr.endMySession(actor, params.sessionId));
