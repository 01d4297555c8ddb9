import { bindingsRoutes as routes } from '../../shared/routes/bindings';
import { http } from '../lib/http';
import * as bindings from './service';

export const claim = http(routes.claimPerson, ({ session, body, now }) => bindings.claim(session, body, now));
export const myClaims = http(routes.myClaims, ({ session }) => bindings.myClaims(session));
export const redeemInvite = http(routes.redeemInvite, ({ session, body, now }) =>
  bindings.redeemInvite(session, body.code, body.consent, now),
);
export const pending = http(routes.pendingClaims, ({ actor, query, now }) =>
  bindings.pendingClaims(actor, query.villageId, now),
);
export const approve = http(routes.approveClaim, ({ actor, params, body, now }) =>
  bindings.approveClaim(actor, params.claimId, body.personId, now),
);
export const reject = http(routes.rejectClaim, ({ actor, params, body, now }) =>
  bindings.rejectClaim(actor, params.claimId, body.reason, now),
);
export const issueInvite = http(routes.issueInvite, ({ actor, params, now }) =>
  bindings.issueInvite(actor, params.personId, now),
);
export const unbindPerson = http(routes.unbindPerson, ({ actor, params, now }) =>
  bindings.unbindPerson(actor, params.personId, now),
);
