import * as D from '../schemas/my-data';
import { route } from './route';

/** A resident's rights over their own data (PIPL art. 44–47): see and download it, ask to correct it, leave. */
export const privacyRoutes = {
  myData: route({
    method: 'GET',
    path: '/me/data',
    summary: '我的数据：村里保存的关于我的全部信息（可下载）',
    auth: true,
    response: D.MyData,
  }),
  requestCorrection: route({
    method: 'POST',
    path: '/me/data/corrections',
    summary: '申请更正我的个人信息（交村委会在期限内核实）',
    auth: true,
    body: D.CorrectionRequest,
    response: D.CorrectionReceipt,
    idempotent: true,
    created: true,
  }),
  listCorrections: route({
    method: 'GET',
    path: '/corrections',
    summary: '村民的更正申请：尚未答复的，期限最近的在前（村委会）',
    auth: true,
    query: D.CorrectionListQuery,
    response: D.CorrectionPage,
  }),
  resolveCorrection: route({
    method: 'POST',
    path: '/corrections/{correctionId}/resolve',
    summary: '答复一条更正申请：是否已更正，并通过消息告诉申请的村民（村委会）',
    auth: true,
    params: D.correctionParams,
    body: D.ResolveCorrectionRequest,
    response: D.CorrectionResolved,
    answers: [404, 409],
  }),
  deleteMyAccount: route({
    method: 'DELETE',
    path: '/me/account',
    summary: '注销账号：删除账号、登录、订阅和消息（村民名册中的登记保留）',
    auth: 'account',
    sessionOnly: true,
    response: D.AccountDeleted,
  }),
} as const;
