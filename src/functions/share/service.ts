import { type SharedKind, sceneOf, sharedPages } from '../../shared/links';
import type { ShareCodeQuery } from '../../shared/schemas/share';
import { getCase } from '../cases/store';
import type { Actor } from '../lib/actor';
import { notFound } from '../lib/errors';
import { headPhoto, presignView, putImage } from '../lib/photos';
import { getNotice } from '../notices/store';
import { getTopic } from '../topics/store';
import { resolveVillage } from '../villages/service';
import { getUnlimited } from './wxacode';

/** Only what the whole village may read gets a code: a published notice, a topic past its draft, a public case. */
const isShared: Record<SharedKind, (villageId: string, id: string) => Promise<boolean>> = {
  notice: async (v, id) => ['published', 'withdrawn'].includes((await getNotice(v, id))?.status ?? ''),
  topic: async (v, id) => ((await getTopic(v, id))?.status ?? 'draft') !== 'draft',
  case: async (v, id) => Boolean((await getCase(v, id))?.public),
};
const missing: Record<SharedKind, string> = {
  notice: '没有找到该公告',
  topic: '没有找到该议题',
  case: '没有找到该事项',
};

/**
 * The poster's mini-program code for a shared page. WeChat is asked once per
 * item (its quota is finite and the code never changes); the image is kept
 * beside the photos and handed out by a short-lived address.
 */
export async function shareCode(actor: Actor, q: ShareCodeQuery, now: Date) {
  const village = await resolveVillage(actor, q.villageId);
  if (!(await isShared[q.kind](village.villageId, q.id))) throw notFound(missing[q.kind]);
  const key = `codes/${village.villageId}/${q.kind}-${q.id}`;
  if (!(await headPhoto(key))) await putImage(key, await getUnlimited(sharedPages[q.kind], sceneOf(q)), 'image/png');
  return { url: await presignView(key, now) };
}
