import * as A from '../schemas/audit';
import { route, villageScope } from './route';

/** The village's tamper-evident audit record: its daily anchor, and checking the chain. */
export const auditRoutes = {
  verifyAuditChain: route({
    method: 'GET',
    path: '/audit/chain',
    summary: '校验本村操作记录的哈希链：逐条核对，指出第一处缺失、改动或顺序错乱（监委会、乡镇）',
    auth: true,
    query: villageScope,
    response: A.ChainCheck,
  }),
  listAuditEntries: route({
    method: 'GET',
    path: '/audit/entries',
    summary: '本村操作记录：按人、类别和日期筛选，最新的在前，写明改了哪些字段及非敏感字段的前后值（监委会、乡镇）',
    auth: true,
    query: A.AuditListQuery,
    response: A.AuditPage,
  }),
  auditAnchor: route({
    method: 'GET',
    path: '/audit/anchor',
    summary: '本村操作记录哈希链每日公布的链头（村务公开页和公告打印页展示）',
    auth: true,
    query: villageScope,
    response: A.LatestAnchor,
  }),
} as const;
