import { jwtVerify, SignJWT } from 'jose';
import { getSession } from '../auth/qr-store';
import { env } from './env';
import { unauthenticated } from './errors';
import { secret as readSecret } from './secrets';

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
const secret = () => {
  const value = readSecret('sessionSecret');
  if (value.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
  return new TextEncoder().encode(value);
};

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
    .sign(secret());
  return { token, expiresAt: expires.toISOString() };
}

/** The signed token alone: who it names, if the signature, audience and expiry hold. */
export async function verifySession(authorization: string | undefined, now: Date): Promise<SessionClaims> {
  const token = authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!token) throw unauthenticated('请先登录');
  let claims: SessionClaims;
  try {
    const { payload } = await jwtVerify(token, secret(), {
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
  } catch (e) {
    const expired = e instanceof Error && 'code' in e && e.code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? '登录已过期，请重新登录' : '登录凭证无效，请重新登录');
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
