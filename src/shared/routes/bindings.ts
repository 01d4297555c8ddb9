import * as B from '../schemas/binding';
import * as P from '../schemas/person';
import { claimParams, personParams, route, villageScope } from './route';

/** Getting bound to a person of the roster: claims, invites and the committee's review, and its undoing. */
export const bindingsRoutes = {
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
  issueInvite: route({
    method: 'POST',
    path: '/people/{personId}/invites',
    summary: '生成当面绑定用的邀请码',
    auth: true,
    params: personParams,
    response: B.Invite,
    answers: [409],
  }),
  unbindPerson: route({
    method: 'DELETE',
    path: '/people/{personId}/binding',
    summary: '解除某村民的微信绑定',
    auth: true,
    params: personParams,
    response: P.PersonDetail,
    answers: [409],
  }),
} as const;
