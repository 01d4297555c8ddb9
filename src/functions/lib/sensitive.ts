import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { env } from './env';

/**
 * The sensitive tier (PIPL): ID numbers, phones, birth dates. They are stored
 * sealed (AES-256-GCM), so a table export shows no readable value, and beside
 * them a keyed fingerprint (HMAC), so an ID or a phone can be matched without
 * being unsealed. Both keys derive from ROSTER_KEY, never from the session secret.
 */
const material = () => {
  if (env.rosterKey.length < 32) throw new Error('ROSTER_KEY must be at least 32 characters');
  return env.rosterKey;
};
const derivedKeys = new Map<string, Buffer>();
const derive = (purpose: string) => {
  let key = derivedKeys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', material(), 'village-hall', purpose, 32));
    derivedKeys.set(purpose, key);
  }
  return key;
};

export type FingerprintKind = 'id-number' | 'phone' | 'openid' | 'receipt' | 'retry';
export const fingerprint = (kind: FingerprintKind, value: string) =>
  createHmac('sha256', derive(`fingerprint:${kind}`))
    .update(value)
    .digest('base64url')
    .slice(0, 32);

export function seal(value: object): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive('seal'), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal<T>(sealed: string): T {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', derive('seal'), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
}
