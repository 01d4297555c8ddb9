import type { VillageSettings } from '../../shared/schemas/settings';
import { defaultVillageSettings } from '../../shared/schemas/settings';
import type { Actor } from '../lib/actor';
import { auditPut, fieldChanges } from '../lib/audit';
import { forbidden, invalidField, notFound } from '../lib/errors';
import { authorize } from '../lib/policy';
import { getVillage, saveSettings, type VillageRecord } from './store';

/** The village a request is about: the caller's own, or for township staff one of theirs. */
export async function resolveVillage(actor: Actor, requested?: string): Promise<VillageRecord> {
  const villageId = actor.tenant.kind === 'village' ? (requested ?? actor.tenant.villageId) : requested;
  if (!villageId) throw invalidField('villageId', '村：请选择要查看的村');
  const village = await getVillage(villageId);
  if (!village) throw notFound('没有找到该村');
  authorize(actor, 'village.enter', village);
  return village;
}

/** Where a committee member works: their own village. Township staff oversee villages but don't act for them. */
export async function ownVillage(actor: Actor): Promise<VillageRecord> {
  if (actor.tenant.kind !== 'village')
    throw forbidden('乡镇工作人员可以查看各村情况，但不能代村起草、发布、答复或修改设置');
  return resolveVillage(actor);
}

const view = (v: VillageRecord) => ({
  villageId: v.villageId,
  villageName: v.name,
  settings: v.settings,
  defaults: defaultVillageSettings(),
});

export async function settingsOf(actor: Actor, villageId?: string) {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'settings.view', village);
  return view(village);
}

/** A village may change the law's defaults; every change is an audit entry naming what changed. */
export async function changeSettings(actor: Actor, settings: VillageSettings, now: Date) {
  const village = await ownVillage(actor);
  authorize(actor, 'settings.change', village);
  const changed = fieldChanges(village.settings, settings);
  if (!changed.changedFields.length) return view(village); // nothing changed: nothing to write or audit
  const at = now.toISOString();
  const audit = auditPut({
    tenantId: village.villageId,
    at,
    actorId: actor.personId,
    action: 'village.settings',
    target: `village:${village.villageId}`,
    ...changed,
  });
  await saveSettings(village.villageId, settings, audit);
  return view({ ...village, settings });
}
