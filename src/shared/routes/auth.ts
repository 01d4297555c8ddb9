import * as B from '../schemas/binding';
import * as P from '../schemas/person';
import * as Q from '../schemas/qr-sign-in';
import { Empty, route } from './route';

/** Signing in and one's own account: the village directory to bind in, demo and WeChat sign-in, 我的 and my household, 扫码登录 and its sessions. */
export const authRoutes = {
  villageDirectory: route({
    method: 'GET',
    path: '/villages',
    summary: '可申请绑定的村和社区',
    auth: 'account',
    response: B.VillageDirectory,
  }),
  demoPeople: route({
    method: 'GET',
    path: '/auth/demo-people',
    summary: '演示登录：可选的演示人员（仅本地）',
    auth: false,
    response: P.DemoPeople,
  }),
  demoSignIn: route({
    method: 'POST',
    path: '/auth/demo-sign-in',
    summary: '演示登录（仅本地）',
    auth: false,
    body: P.DemoSignInRequest,
    response: P.SessionResponse,
  }),
  wechatSignIn: route({
    method: 'POST',
    path: '/auth/wechat',
    summary: '微信登录：用小程序登录凭证换取会话',
    auth: false,
    body: P.WechatSignInRequest,
    response: P.SessionResponse,
  }),
  me: route({ method: 'GET', path: '/me', summary: '当前用户', auth: 'account', response: P.Me }),
  mySubmissions: route({
    method: 'GET',
    path: '/me/submissions',
    summary: '我的提交：提过的询问及是否已答复',
    auth: true,
    response: P.MySubmissions,
  }),
  unbindMe: route({
    method: 'DELETE',
    path: '/me/binding',
    summary: '解除本账号与村民身份的绑定',
    auth: true,
    response: P.SessionResponse,
  }),
  createQrTicket: route({
    method: 'POST',
    path: '/auth/qr-tickets',
    summary: '扫码登录：浏览器取得一次性二维码（2 分钟内有效）',
    auth: false,
    response: Q.QrTicket,
  }),
  pollQrTicket: route({
    method: 'POST',
    path: '/auth/qr-tickets/{ticketId}/poll',
    summary: '扫码登录：浏览器查询二维码是否已在手机上确认（确认后只交付一次会话）',
    auth: false,
    params: Q.ticketParams,
    body: Q.PollRequest,
    response: Q.PollReply,
  }),
  scanQrTicket: route({
    method: 'POST',
    path: '/auth/qr-tickets/{ticketId}/scan',
    summary: '扫码登录：小程序扫码，二维码从此只归扫码的人确认',
    auth: true,
    params: Q.ticketParams,
    response: Q.ScannedTicket,
  }),
  confirmQrTicket: route({
    method: 'POST',
    path: '/auth/qr-tickets/{ticketId}/confirm',
    summary: '扫码登录：小程序确认在该浏览器上登录',
    auth: true,
    params: Q.ticketParams,
    response: Q.ConfirmedTicket,
  }),
  mySessions: route({
    method: 'GET',
    path: '/me/sessions',
    summary: '扫码登录过的浏览器',
    auth: true,
    response: Q.DeviceSessionList,
  }),
  endMySession: route({
    method: 'DELETE',
    path: '/me/sessions/{sessionId}',
    summary: '让一个扫码登录的浏览器立即退出',
    auth: true,
    params: Q.sessionParams,
    response: Empty,
  }),
  myHousehold: route({
    method: 'GET',
    path: '/me/household',
    summary: '我的户：户主与家庭成员',
    auth: true,
    response: P.MyHousehold,
  }),
} as const;
