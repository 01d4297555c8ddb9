import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from 'node:crypto';
import { env } from './env';
import { invalidField } from './errors';
import { madeFrom } from './secrets';
import type { SessionClaims } from './session';

/**
 * A cursor handed to a client is opaque and bound to its list and caller
 * (architecture.md, "Privacy by construction"). A store pages by a position of
 * its own (a sort key, a person id); the http wrapper seals that position with
 * AES-256-GCM under a key derived from the session secret, with the list and the
 * caller as associated data. A cursor that was forged, altered, issued for
 * another list or another caller, or has outlived a session therefore never opens,
 * and no client text ever reaches DynamoDB as a starting key.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const INVALID = '翻页标记：无效，请从第一页重新加载';
const EXPIRED = '翻页标记：已过期，请从第一页重新加载';

/** Its own key, so that nothing sealed as a cursor could ever pass for a session token or the reverse. */
const key = () =>
  madeFrom('sessionSecret', 'cursor', (value) => Buffer.from(hkdfSync('sha256', value, '', 'village-hall:cursor', 32)));

/** A cursor lives as long as a session could: a list left open overnight starts again from its first page. */
const lifetimeMs = () => env.sessionHours * 3600_000;

/**
 * The list a request pages through and who asks: the route, its path parameters,
 * every filter but the page itself (cursor and page size), and the signed-in person
 * (or account). Two requests share cursors only when all of these are equal.
 */
export function listScope(
  route: { method: string; path: string },
  params: unknown,
  query: unknown,
  session: SessionClaims | undefined,
): string {
  const { cursor: _cursor, limit: _limit, ...filters } = (query ?? {}) as Record<string, unknown>;
  const caller = session?.person ? [session.person.tenantId, session.person.personId] : [session?.accountId ?? ''];
  return JSON.stringify([route.method, route.path, params ?? {}, filters, caller]);
}

/** Random IVs drawn 256 at a time: a random draw is dear (2 % of a list page's CPU when each cursor made one). */
const ivs = Buffer.alloc(IV_BYTES * 256);
let drawn = ivs.length;
function freshIv() {
  if (drawn === ivs.length) {
    randomFillSync(ivs);
    drawn = 0;
  }
  drawn += IV_BYTES;
  return Buffer.from(ivs.subarray(drawn - IV_BYTES, drawn));
}

export function sealCursor(position: string, scope: string, now: Date): string {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  cipher.setAAD(Buffer.from(scope, 'utf8'));
  const plain = JSON.stringify({ p: position, x: now.getTime() + lifetimeMs() });
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The position a cursor seals, or a 400 naming `cursor`. */
export function openCursor(cursor: string, scope: string, now: Date): string {
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== cursor)
    throw invalidField('cursor', INVALID);
  let opened: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(scope, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    opened = JSON.parse(plain.toString('utf8'));
  } catch {
    throw invalidField('cursor', INVALID);
  }
  const { p, x } = opened as { p?: unknown; x?: unknown };
  if (typeof p !== 'string' || typeof x !== 'number') throw invalidField('cursor', INVALID);
  if (x <= now.getTime()) throw invalidField('cursor', EXPIRED);
  return p;
}

/** A request's query with its cursor opened to the store's position (the http wrapper's side of paging). */
export function openQueryCursor<Q>(query: Q, scope: string, now: Date): Q {
  const cursor = (query as { cursor?: unknown } | undefined)?.cursor;
  return typeof cursor === 'string' ? { ...query, cursor: openCursor(cursor, scope, now) } : query;
}

/** A page's answer with the store's next position sealed into the cursor the client gets. */
export function sealPageCursor<R>(result: R, scope: string, now: Date): R {
  const next = (result as { nextCursor?: unknown } | undefined)?.nextCursor;
  return typeof next === 'string' ? { ...result, nextCursor: sealCursor(next, scope, now) } : result;
}
