import type { Role, Tenant } from '../../shared/schemas/person';
import { getPerson, type PersonRecord } from '../people/store';
import { unauthenticated } from './errors';
import type { SessionClaims } from './session';

/** Who is calling, with the roles the roster gives them today. */
export interface Actor {
  personId: string;
  name: string;
  tenant: Tenant;
  groupName?: string;
  roles: Role[];
  posts: string[];
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export const activeTerms = (p: PersonRecord, now: Date) =>
  p.roles.filter((t) => t.from <= today(now) && (!t.until || t.until >= today(now)));

export const toActor = (p: PersonRecord, now: Date): Actor => {
  const terms = activeTerms(p, now);
  return {
    personId: p.personId,
    name: p.name,
    tenant: p.tenant,
    groupName: p.groupName,
    roles: [...new Set(terms.map((t) => t.role))],
    posts: terms.flatMap((t) => (t.post ? [t.post] : [])),
  };
};

/** Roles are read from the roster on every request, so a change takes effect at once. */
export async function loadActor(claims: SessionClaims, now: Date): Promise<Actor> {
  const person = await getPerson(claims.tenantId, claims.personId);
  if (person?.status !== 'active') throw unauthenticated('账号已失效，请重新登录');
  return toActor(person, now);
}
