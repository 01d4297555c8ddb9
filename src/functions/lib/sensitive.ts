import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { madeFrom, type SecretName } from './secrets';

/**
 * The sensitive tier (PIPL): ID numbers, phones, birth dates. They are stored
 * sealed (AES-256-GCM), so a table export shows no readable value, and beside
 * them a keyed fingerprint (HMAC), so an ID or a phone can be matched without
 * being unsealed. Both derive from the roster key, never from the session secret,
 * and both change when it is rotated (scripts/ops/rotate-roster-key.ts): a
 * fingerprint of a value as guessable as an ID number would give it away to
 * whoever holds a leaked key. Pseudonyms of values nobody can guess (openids,
 * receipts, retries) derive from the identity key instead, which is never
 * rotated, since an account's id is one of them.
 */
const SEAL_KEY: SecretName = 'rosterKey';
/** Keys derived by secret and purpose, once per value of the secret (a rotated one derives afresh). */
const derive = (name: SecretName, purpose: string) =>
  madeFrom(name, purpose, (value) => {
    if (value.length < 32)
      throw new Error(`${name === 'rosterKey' ? 'ROSTER_KEY' : 'IDENTITY_KEY'} must be at least 32 characters`);
    return deriveFrom(value, purpose);
  });
const deriveFrom = (value: string, purpose: string) =>
  Buffer.from(hkdfSync('sha256', value, 'village-hall', purpose, 32));

/** 'visit-text': a care visit's text, matched against earlier visits' without keeping a readable copy. */
export type FingerprintKind = 'id-number' | 'phone' | 'openid' | 'receipt' | 'retry' | 'rating' | 'visit-text';
const rotatesWithRosterKey = (kind: FingerprintKind) => kind === 'id-number' || kind === 'phone';

const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url').slice(0, 32);
export const fingerprint = (kind: FingerprintKind, value: string) =>
  hmac(derive(rotatesWithRosterKey(kind) ? SEAL_KEY : 'identityKey', `fingerprint:${kind}`), value);

const sealWith = (key: Buffer, value: object) => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
};
const unsealWith = <T>(key: Buffer, sealed: string): T => {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
};

export const seal = (value: object): string => sealWith(derive(SEAL_KEY, 'seal'), value);
export const unseal = <T>(sealed: string): T => unsealWith<T>(derive(SEAL_KEY, 'seal'), sealed);

/**
 * Sealing and fingerprinting under two given roster keys, for the rotation
 * script, which reads every sealed field under the old key and writes it under the new.
 */
export function rosterKeyPair(oldKey: string, newKey: string) {
  if (oldKey.length < 32 || newKey.length < 32) throw new Error('Both roster keys must be at least 32 characters');
  if (oldKey === newKey) throw new Error('The new roster key is the old one');
  const [oldSeal, newSeal] = [deriveFrom(oldKey, 'seal'), deriveFrom(newKey, 'seal')];
  return {
    reseal: (sealed: string) => sealWith(newSeal, unsealWith<object>(oldSeal, sealed)),
    unsealOld: <T>(sealed: string) => unsealWith<T>(oldSeal, sealed),
    newFingerprint: (kind: 'id-number' | 'phone', value: string) =>
      hmac(deriveFrom(newKey, `fingerprint:${kind}`), value),
  };
}
