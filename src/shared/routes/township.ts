import * as T from '../schemas/township';
import { route } from './route';

/** The township's view across its villages. */
export const townshipRoutes = {
  townshipTable: route({
    method: 'GET',
    path: '/township/villages',
    summary: '乡镇各村一览：公开、事项、表决、绑定、质询与满意度（可排序）',
    auth: true,
    query: T.TownshipTableQuery,
    response: T.TownshipTable,
  }),
} as const;
