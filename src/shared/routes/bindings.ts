import * as B from '../schemas/binding';
import { claimParams, route, villageScope } from './route';

/** Getting bound to a person of the roster: the village directory, claims, invites and the committee's review. */
export const bindingsRoutes = {
  villageDirectory: route({
    method: 'GET',
    path: '/villages',
    summary: '可申请绑定的村和社区',
    auth: 'account',
    response: B.VillageDirectory,
  }),
  claimPerson: route({
    method: 'POST',
    path: '/bindings/claims',
    summary: '绑定村民身份：姓名、身份证后 4 位和手机号（不符时待村委会审核）',
    auth: 'account',
    body: B.ClaimRequest,
    response: B.BindingOutcome,
    answers: [404, 409, 429],
  }),
  myClaims: route({
    method: 'GET',
    path: '/bindings/claims/mine',
    summary: '我的绑定申请',
    auth: 'account',
    response: B.MyClaims,
  }),
  redeemInvite: route({
    method: 'POST',
    path: '/bindings/invites/redeem',
    summary: '用邀请码绑定村民身份',
    auth: 'account',
    body: B.RedeemInviteRequest,
    response: B.BindingOutcome,
    answers: [404, 409],
  }),
  pendingClaims: route({
    method: 'GET',
    path: '/bindings/claims',
    summary: '待审核的绑定申请',
    auth: true,
    query: villageScope,
    response: B.PendingClaimList,
  }),
  approveClaim: route({
    method: 'POST',
    path: '/bindings/claims/{claimId}/approve',
    summary: '通过绑定申请（指定对应的村民）',
    auth: true,
    params: claimParams,
    body: B.ApproveClaimRequest,
    response: B.Claim,
    answers: [409],
  }),
  rejectClaim: route({
    method: 'POST',
    path: '/bindings/claims/{claimId}/reject',
    summary: '驳回绑定申请',
    auth: true,
    params: claimParams,
    body: B.RejectClaimRequest,
    response: B.Claim,
    answers: [409],
  }),
} as const;
