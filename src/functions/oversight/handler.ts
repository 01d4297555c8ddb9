import { oversightRoutes as routes } from '../../shared/routes/oversight';
import { http } from '../lib/http';
import * as oversight from './service';

/** HTTP adapter only: the check list is one use case. */
export const checkList = http(routes.checkList, ({ actor, query, now }) =>
  oversight.checkList(actor, query.villageId, now),
);
