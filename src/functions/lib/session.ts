import { jwtVerify, SignJWT } from 'jose';
import { env } from './env';
import { unauthenticated } from './errors';

/** A signed session names a person and their tenant; roles are read fresh from the roster. */
export interface SessionClaims {
  personId: string;
  tenantId: string;
}

const secret = () => {
  if (env.sessionSecret.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');
  return new TextEncoder().encode(env.sessionSecret);
};

export async function signSession(claims: SessionClaims, now: Date) {
  const expires = new Date(now.getTime() + env.sessionHours * 3600_000);
  const token = await new SignJWT({ ten: claims.tenantId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.personId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expires.getTime() / 1000))
    .setAudience(`village-hall:${env.stage}`)
    .sign(secret());
  return { token, expiresAt: expires.toISOString() };
}

export async function verifySession(authorization: string | undefined, now: Date): Promise<SessionClaims> {
  const token = authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!token) throw unauthenticated('请先登录');
  try {
    const { payload } = await jwtVerify(token, secret(), {
      algorithms: ['HS256'],
      audience: `village-hall:${env.stage}`,
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.ten !== 'string') throw new Error('claims');
    return { personId: payload.sub, tenantId: payload.ten };
  } catch (e) {
    const expired = e instanceof Error && 'code' in e && e.code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? '登录已过期，请重新登录' : '登录凭证无效，请重新登录');
  }
}
