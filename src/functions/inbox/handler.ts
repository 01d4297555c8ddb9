import { inboxRoutes as routes } from '../../shared/routes/inbox';
import { http } from '../lib/http';
import * as inbox from './service';

export const list = http(routes.listInbox, ({ actor, session, query }) =>
  inbox.listInbox(inbox.ownerOf(actor, session.accountId), query.limit, query.cursor),
);
export const unread = http(routes.unreadInbox, ({ actor, session }) =>
  inbox.unread(inbox.ownerOf(actor, session.accountId)),
);
export const read = http(routes.readInboxItem, ({ actor, session, params, now }) =>
  inbox.markRead(inbox.ownerOf(actor, session.accountId), params.itemId, now),
);
export const readAll = http(routes.readAllInbox, ({ actor, session, now }) =>
  inbox.markAllRead(inbox.ownerOf(actor, session.accountId), now),
);
export const preferences = http(routes.inboxPreferences, ({ actor }) => inbox.preferences(actor));
export const setPreferences = http(routes.setInboxPreferences, ({ actor, body, now }) =>
  inbox.setPreferences(actor, body, now),
);
