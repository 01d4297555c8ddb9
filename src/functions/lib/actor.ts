import type { Role, Tenant } from '../../shared/schemas/person';
import type { PersonRecord } from '../people/store';
import { freshCaller, keptCaller } from './callers';
import { isoDay } from './clock';
import { forbidden, unauthenticated } from './errors';
import type { SessionClaims } from './session';

/** Who is calling, with the roles the roster gives them today. */
export interface Actor {
  accountId: string;
  personId: string;
  name: string;
  tenant: Tenant;
  groupName?: string;
  householdId?: string;
  roles: Role[];
  posts: string[];
  /** The grids (网格) a grid worker owns today. */
  grids: string[];
}

export const activeTerms = (p: Pick<PersonRecord, 'roles'>, now: Date) =>
  p.roles.filter((t) => t.from <= isoDay(now) && (!t.until || t.until >= isoDay(now)));

export const toActor = (p: PersonRecord, now: Date): Actor => {
  const terms = activeTerms(p, now);
  return {
    accountId: p.accountId ?? '',
    personId: p.personId,
    name: p.name,
    tenant: p.tenant,
    groupName: p.groupName,
    householdId: p.householdId,
    roles: [...new Set(terms.map((t) => t.role))],
    posts: terms.flatMap((t) => (t.post ? [t.post] : [])),
    grids: terms.flatMap((t) => (t.role === 'grid_worker' && t.grid ? [t.grid] : [])),
  };
};

/**
 * Roles come from the roster, so a change takes effect at once; and the person
 * must still be bound to this account, so an unbinding, a new binding elsewhere,
 * a death or a move ends the session at once too. A read may take the roster
 * item this instance read a few seconds ago ('kept', lib/callers.ts); a write
 * reads it afresh.
 */
export async function loadActor(claims: SessionClaims, now: Date, read: 'fresh' | 'kept'): Promise<Actor> {
  if (!claims.person) throw forbidden('请先绑定村民身份');
  const { tenantId, personId } = claims.person;
  const person = await (read === 'kept' ? keptCaller : freshCaller)(tenantId, personId);
  if (person?.status !== 'active') throw unauthenticated('账号已失效，请重新登录');
  if (person.accountId !== claims.accountId)
    throw unauthenticated('您的村民身份已解除绑定或已在另一部手机上绑定，请重新登录');
  return toActor(person, now);
}

/** What a client is told about the signed-in person. */
export const summaryOf = (a: Actor) => ({
  personId: a.personId,
  name: a.name,
  tenant: a.tenant,
  groupName: a.groupName,
  roles: a.roles,
  posts: a.posts,
});
