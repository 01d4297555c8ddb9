import { z } from 'zod';
import * as C from '../schemas/consent';
import * as P from '../schemas/person';
import * as Q from '../schemas/qr-sign-in';
import { Empty, Health, route } from './route';

/** Signing in and one's own account: health, the API document, demo and WeChat sign-in, 我的, 扫码登录 and its sessions. */
export const authRoutes = {
  health: route({ method: 'GET', path: '/health', summary: '服务健康检查', auth: false, response: Health }),
  openapi: route({ method: 'GET', path: '/openapi.json', summary: 'OpenAPI 文档', auth: false, response: z.unknown() }),
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
  agreeToPolicy: route({
    method: 'POST',
    path: '/me/consent',
    summary: '同意现行隐私政策（含单独同意处理身份证号）',
    auth: 'account',
    body: C.Consent,
    response: C.ConsentRecord,
  }),
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
} as const;
