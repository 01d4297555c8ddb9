import * as z from 'zod';
import { PersonSummary } from './person';

/**
 * 扫码登录: a browser (the H5 app on a township PC) shows a QR code holding a
 * one-time ticket; the mini-program of a bound villager scans it and confirms;
 * the browser, polling with a secret only it holds, then receives its session once.
 */

/** 128 random bits, base64url: what the QR code carries. */
export const TicketId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, '二维码编号不正确');
export const ticketParams = z.object({ ticketId: TicketId });

/** What the browser keeps to itself: whoever only saw the QR code can't collect the session. */
export const QrTicket = z.object({
  ticketId: TicketId,
  pollSecret: z.string(),
  expiresAt: z.string(),
  /** The browser as the phone will show it: "电脑 Chrome 浏览器". */
  device: z.string(),
});
export type QrTicket = z.infer<typeof QrTicket>;

export const PollRequest = z.object({
  pollSecret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '登录凭证格式不正确'),
});

/** Before confirmation the answer says nothing about who scanned; after it, the session comes once. */
export const PollReply = z.discriminatedUnion('status', [
  z.object({ status: z.literal('waiting'), expiresAt: z.string() }),
  z.object({ status: z.literal('expired') }),
  z.object({
    status: z.literal('signed_in'),
    token: z.string(),
    expiresAt: z.string(),
    person: PersonSummary,
  }),
]);
export type PollReply = z.infer<typeof PollReply>;

/** What the mini-program shows before asking to confirm. */
export const ScannedTicket = z.object({
  ticketId: TicketId,
  /** The caller's village (or township), as in "在电脑上登录 王庄村 村民议事厅？". */
  tenantName: z.string(),
  device: z.string(),
  expiresAt: z.string(),
});
export type ScannedTicket = z.infer<typeof ScannedTicket>;

export const ConfirmedTicket = z.object({ ticketId: TicketId, device: z.string() });

/** A browser session opened by 扫码登录, as its owner sees it on 我的. */
export const DeviceSession = z.object({
  sessionId: z.string(),
  device: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The session this very request was made with. */
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof DeviceSession>;
export const DeviceSessionList = z.object({ items: z.array(DeviceSession) });
export const sessionParams = z.object({
  sessionId: z.string().regex(/^[0-9A-Z]{26}$/, '登录编号不正确'),
});
