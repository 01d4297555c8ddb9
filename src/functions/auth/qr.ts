import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DeviceSession, PollReply, QrTicket, ScannedTicket } from '../../shared/schemas/qr-sign-in';
import { type Actor, summaryOf, toActor } from '../lib/actor';
import { conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { type SessionClaims, signSession } from '../lib/session';
import { getPerson } from '../people/store';
import { getTownship, getVillage } from '../villages/store';
import { describeDevice } from './device';
import * as store from './qr-store';

/**
 * 扫码登录. The QR code carries only the ticket id; the browser also holds a poll
 * secret nobody else saw, so a photo of the screen can't collect the session.
 * The phone that scans first holds the ticket; its confirmation lets the browser
 * collect one session, once, named in the token and checked on every request.
 */
export const TICKET_SECONDS = 120;
/** A confirmation in the ticket's last second still reaches a browser that polls every few seconds. */
const HAND_OVER_GRACE_MS = 30_000;

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const isPast = (iso: string, now: Date) => Date.parse(iso) <= now.getTime();

const NOT_FOUND = '没有找到这个二维码，请在电脑上刷新二维码后再扫';
const refusals = {
  used: () => conflict('这个二维码已经用过了，请在电脑上刷新二维码后再扫'),
  otherPerson: () => forbidden('这个二维码已由其他人扫码，不能由您确认。请在电脑上刷新二维码后再扫'),
  expired: () => conflict('二维码已过期（有效期 2 分钟），请在电脑上刷新二维码后再扫'),
  notScanned: () => conflict('请先用小程序扫描电脑上的二维码'),
};

export async function createTicket(userAgent: string | undefined, now: Date): Promise<QrTicket> {
  const pollSecret = randomBytes(32).toString('base64url');
  const ticket: store.TicketRecord = {
    ticketId: randomBytes(16).toString('base64url'),
    pollSecretHash: hash(pollSecret),
    device: describeDevice(userAgent),
    status: 'waiting',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + TICKET_SECONDS * 1000).toISOString(),
  };
  await store.putTicket(ticket);
  return { ticketId: ticket.ticketId, pollSecret, expiresAt: ticket.expiresAt, device: ticket.device };
}

/** Why a phone's step on a ticket did not take, in the order a person needs to hear it. */
async function refusal(ticketId: string, actor: Actor, now: Date): Promise<Error> {
  const t = await store.getTicket(ticketId);
  if (!t) return notFound(NOT_FOUND);
  if (t.status === 'confirmed' || t.status === 'handed') return refusals.used();
  if (t.scannedBy && t.scannedBy.accountId !== actor.accountId) return refusals.otherPerson();
  if (isPast(t.expiresAt, now)) return refusals.expired();
  return refusals.notScanned();
}

async function tenantName(actor: Actor) {
  const t = actor.tenant;
  const name = t.kind === 'village' ? (await getVillage(t.villageId))?.name : (await getTownship(t.townshipId))?.name;
  return name ?? '';
}

/** The mini-program opened the QR code: this person now holds the ticket, and is shown what they would sign in to. */
export async function scanTicket(actor: Actor, ticketId: string, now: Date): Promise<ScannedTicket> {
  const by = { accountId: actor.accountId, personId: actor.personId, tenantId: tenantIdOf(actor) };
  if (!(await store.markScanned(ticketId, by, now))) throw await refusal(ticketId, actor, now);
  const t = await store.getTicket(ticketId);
  if (!t) throw notFound(NOT_FOUND);
  return { ticketId, tenantName: await tenantName(actor), device: t.device, expiresAt: t.expiresAt };
}

export async function confirmTicket(actor: Actor, ticketId: string, now: Date) {
  if (!(await store.markConfirmed(ticketId, actor.accountId, actor.personId, now)))
    throw await refusal(ticketId, actor, now);
  const t = await store.getTicket(ticketId);
  return { ticketId, device: t?.device ?? '' };
}

/**
 * The browser asks whether its ticket was confirmed. Until then the answer names
 * nobody; once confirmed, the session is signed and handed over in the same
 * conditional write that marks the ticket used, so it comes exactly once.
 */
export async function pollTicket(ticketId: string, pollSecret: string, now: Date): Promise<PollReply> {
  const t = await store.getTicket(ticketId);
  const secretHash = hash(pollSecret);
  // A wrong secret is told what an unknown ticket is told: nothing.
  if (!t || !sameHash(t.pollSecretHash, secretHash)) throw notFound(NOT_FOUND);
  if (t.status === 'handed') throw conflict('这个二维码已经登录过了；如需再次登录，请刷新二维码');
  if (t.status !== 'confirmed' || !t.scannedBy)
    return isPast(t.expiresAt, now) ? { status: 'expired' } : { status: 'waiting', expiresAt: t.expiresAt };
  const handBy = Math.max(Date.parse(t.expiresAt), Date.parse(t.confirmedAt ?? t.expiresAt) + HAND_OVER_GRACE_MS);
  if (now.getTime() >= handBy) return { status: 'expired' };

  // The person must still be who confirmed: bound to the same account, on the register.
  const person = await getPerson(t.scannedBy.tenantId, t.scannedBy.personId);
  if (person?.status !== 'active' || person.accountId !== t.scannedBy.accountId)
    throw forbidden('扫码确认的村民身份已解除绑定，请重新扫码登录');
  const sessionId = newId();
  const claims: SessionClaims = {
    accountId: t.scannedBy.accountId,
    person: { personId: person.personId, tenantId: person.tenantId },
    sessionId,
  };
  const signed = await signSession(claims, now);
  const handed = await store.handOver(t, secretHash, {
    sessionId,
    accountId: t.scannedBy.accountId,
    personId: person.personId,
    tenantId: person.tenantId,
    device: t.device,
    createdAt: now.toISOString(),
    expiresAt: signed.expiresAt,
  });
  // Another poll took it a moment ago: the token just signed names a session that was never stored.
  if (!handed) throw conflict('这个二维码已经登录过了；如需再次登录，请刷新二维码');
  return {
    status: 'signed_in',
    token: signed.token,
    expiresAt: signed.expiresAt,
    person: summaryOf(toActor(person, now)),
  };
}

const tenantIdOf = (actor: Actor) =>
  actor.tenant.kind === 'village' ? actor.tenant.villageId : actor.tenant.townshipId;

/** The browsers this person signed in by 扫码登录 that are still signed in, newest first. */
export async function mySessions(actor: Actor, session: SessionClaims, now: Date): Promise<{ items: DeviceSession[] }> {
  const records = await store.listSessions(actor.accountId);
  const items = records
    .filter((r) => r.personId === actor.personId && !isPast(r.expiresAt, now))
    .sort((a, b) => b.sessionId.localeCompare(a.sessionId))
    .map((r) => ({
      sessionId: r.sessionId,
      device: r.device,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      current: r.sessionId === session.sessionId,
    }));
  return { items };
}

export async function endMySession(actor: Actor, sessionId: string) {
  if (!(await store.deleteSession(actor.accountId, sessionId))) throw notFound('没有找到这个登录，它可能已经退出了');
  return {};
}
