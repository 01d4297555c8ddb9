import * as O from '../schemas/oversight';
import { route } from './route';

/** The 监委会's workspace: the month's check list. */
export const oversightRoutes = {
  checkList: route({
    method: 'GET',
    path: '/oversight/check-list',
    summary:
      '监督检查清单：逾期未公开、财务未经监委会审核、“四议两公开”不完整、逾期事项、逾期未答复的询问和质询（监委会、乡镇）',
    auth: true,
    query: O.CheckListQuery,
    response: O.CheckList,
  }),
} as const;
