import { jwtVerify, SignJWT } from 'jose';
import { getSession } from '../auth/qr-store';
import { env } from './env';
import { unauthenticated } from './errors';
import { madeFrom } from './secrets';

/**
 * A signed session names an account (a WeChat user) and, once bound, the roster
 * person it speaks for. Roles are read fresh from the roster, and the person must
 * still name this account, so unbinding or rebinding ends old sessions at once.
 * A browser signed in by 扫码登录 also names its session record (sid), which must
 * still exist: signing that browser out on 我的 deletes it, and it ends at once.
 */
export interface SessionClaims {
  accountId: string;
  person?: { personId: string; tenantId: string };
  sessionId?: string;
}

/** Read per use: a rotated session secret (docs/operations.md) ends every session at once, each a plain 401. */
const secret = () =>
  madeFrom('sessionSecret', 'session', (value) => {
    if (value.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
    // Imported once: given the secret's bytes, jose imports a key on every call.
    const bytes = new TextEncoder().encode(value);
    return crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  });

/**
 * Tokens whose signature and audience this instance has checked, with their expiry: a phone sends the
 * same token with every request, and verifying its HMAC each time was 8 % of a notice list's CPU. Kept
 * per value of the secret, so a rotated one checks every token afresh (and refuses the old ones).
 */
const verified = () =>
  madeFrom('sessionSecret', 'verified tokens', () => new Map<string, { claims: SessionClaims; expiresAt: number }>());
const MAX_VERIFIED = 10_000;
const EXPIRED = '登录已过期，请重新登录';

export async function signSession(claims: SessionClaims, now: Date) {
  const expires = new Date(now.getTime() + env.sessionHours * 3600_000);
  const token = await new SignJWT({
    ...(claims.person ? { per: claims.person.personId, ten: claims.person.tenantId } : {}),
    ...(claims.sessionId ? { sid: claims.sessionId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.accountId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expires.getTime() / 1000))
    .setAudience(`village-hall:${env.stage}`)
    .sign(await secret());
  return { token, expiresAt: expires.toISOString() };
}

function remember(token: string, claims: SessionClaims, expiresAt: number) {
  const tokens = verified();
  tokens.set(token, { claims, expiresAt });
  if (tokens.size > MAX_VERIFIED) tokens.delete(tokens.keys().next().value as string);
}

/** The signed token alone: who it names, if the signature, audience and expiry hold. */
export async function verifySession(authorization: string | undefined, now: Date): Promise<SessionClaims> {
  const token = authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!token) throw unauthenticated('请先登录');
  const known = verified().get(token);
  if (known) {
    if (now.getTime() >= known.expiresAt) throw unauthenticated(EXPIRED);
    return known.claims;
  }
  let claims: SessionClaims;
  try {
    const { payload } = await jwtVerify(token, await secret(), {
      algorithms: ['HS256'],
      audience: `village-hall:${env.stage}`,
      currentDate: now,
    });
    const { sub, per, ten, sid } = payload;
    if (typeof sub !== 'string') throw new Error('claims');
    const bound = typeof per === 'string' && typeof ten === 'string';
    claims = {
      accountId: sub,
      ...(bound ? { person: { personId: per, tenantId: ten } } : {}),
      ...(typeof sid === 'string' ? { sessionId: sid } : {}),
    };
    if (typeof payload.exp === 'number') remember(token, claims, payload.exp * 1000);
  } catch (e) {
    const expired = e instanceof Error && 'code' in e && e.code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? EXPIRED : '登录凭证无效，请重新登录');
  }
  return claims;
}

/**
 * A browser signed in by 扫码登录 must still have its session record. A read of its
 * own, so the caller can run it beside the roster read of the actor rather than
 * before it.
 */
export async function checkBrowserSession(claims: SessionClaims) {
  if (claims.sessionId && !(await getSession(claims.accountId, claims.sessionId)))
    throw unauthenticated('这个浏览器已退出登录，请重新扫码登录');
}
