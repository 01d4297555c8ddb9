import type { Actor } from '../lib/actor';
import { authorize } from '../lib/policy';
import { resolveVillage } from '../villages/service';
import { latestAnchorOf } from './anchor';
import { verifyChain } from './chain';

/** The 监委会 and the township check a village's record link by link. */
export async function verify(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  authorize(actor, 'audit.verify', village);
  return verifyChain(village.villageId);
}

/** The head anchored last: anyone in the village may see it (it is posted on 村务公开). */
export async function latestAnchor(actor: Actor, villageId: string | undefined) {
  const village = await resolveVillage(actor, villageId);
  return { anchor: await latestAnchorOf(village.villageId) };
}
