import type { Me } from '../../shared/schemas/person';
import { type Actor, toActor } from '../lib/actor';
import { isLocalStage } from '../lib/env';
import { forbidden, notFound } from '../lib/errors';
import { signSession } from '../lib/session';
import { getPerson, listHousehold, listPeople } from '../people/store';
import { getTownship, getVillage, listTownships, listTownshipVillages } from '../villages/store';

/** The demo sign-in is a local convenience; every other stage refuses it. */
const localOnly = () => {
  if (!isLocalStage()) throw forbidden('演示登录只在本地环境可用');
};

export async function demoPeople(now: Date) {
  localOnly();
  const people = [];
  for (const township of await listTownships()) {
    const tenants = [
      { tenantId: township.townshipId, tenantName: township.name },
      ...(await listTownshipVillages(township.townshipId)).map((v) => ({ tenantId: v.villageId, tenantName: v.name })),
    ];
    for (const t of tenants) {
      for (const p of await listPeople(t.tenantId)) {
        if (p.status !== 'active') continue;
        const a = toActor(p, now);
        people.push({ ...t, personId: p.personId, name: p.name, roles: a.roles, posts: a.posts });
      }
    }
  }
  return { people };
}

export async function demoSignIn(tenantId: string, personId: string, now: Date) {
  localOnly();
  const person = await getPerson(tenantId, personId);
  if (person?.status !== 'active') throw notFound('没有找到该演示人员');
  const session = await signSession({ tenantId, personId }, now);
  return { ...session, person: summary(toActor(person, now)) };
}

const summary = (a: Actor) => ({
  personId: a.personId,
  name: a.name,
  tenant: a.tenant,
  groupName: a.groupName,
  roles: a.roles,
  posts: a.posts,
});

export async function me(actor: Actor): Promise<Me> {
  const townshipId = actor.tenant.townshipId;
  const township = await getTownship(townshipId);
  if (!township) throw notFound('没有找到所属乡镇');
  const villages =
    actor.tenant.kind === 'village'
      ? [await getVillage(actor.tenant.villageId)].flatMap((v) =>
          v ? [{ villageId: v.villageId, townshipId: v.townshipId, name: v.name, kind: v.kind }] : [],
        )
      : await listTownshipVillages(townshipId);
  return { person: summary(actor), villages, township: { townshipId, name: township.name } };
}

/** The caller's own household only: the household is personal data of its members. */
export async function myHousehold(actor: Actor) {
  const none = { householdId: null, members: [] };
  if (actor.tenant.kind !== 'village') return none; // township staff are on no village register
  const me = await getPerson(actor.tenant.villageId, actor.personId);
  if (!me?.householdId) return none;
  const members = await listHousehold(actor.tenant.villageId, me.householdId);
  return {
    householdId: me.householdId,
    groupName: me.groupName,
    members: members.map((m) => ({
      name: m.name,
      isHead: m.roles.some((r) => r.role === 'household_head'),
      isMe: m.personId === actor.personId,
      status: m.status,
    })),
  };
}
