import {
  maxPhotosPerCase,
  type PhotoContentType,
  type PhotoRef,
  type PhotoUpload,
  type PhotoUploadRequest,
  type PhotoView,
} from '../../shared/schemas/photo';
import type { Actor } from '../lib/actor';
import type { TransactItem } from '../lib/db';
import { forbidden, invalidField } from '../lib/errors';
import { newId } from '../lib/ids';
import { deletePhoto, headPhoto, photoKey, presignUpload, presignView, uploadUrlSeconds } from '../lib/photos';
import { attachPhoto, expiredUploads, forgetUpload, getPhoto, putPhoto, SWEEP_PAGE } from './store';

export type { PhotoRef } from '../../shared/schemas/photo';

/** An upload nobody attaches to a case within a day is deleted, object and record (sweepUnattached). */
export const unattachedPhotoSeconds = 24 * 60 * 60;
const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * A pre-signed PUT for one photo of the caller's village, and its record. The
 * URL signs the type and the exact size, so storage itself refuses anything else.
 */
export async function requestUpload(actor: Actor, req: PhotoUploadRequest, now: Date): Promise<PhotoUpload> {
  if (actor.tenant.kind !== 'village') throw forbidden('只有本村村民可以上传照片');
  const villageId = actor.tenant.villageId;
  const photoId = newId(now.getTime());
  // Signed first (no I/O): a misconfigured store fails before anything is recorded.
  const uploadUrl = await presignUpload(photoKey(villageId, photoId), req.contentType, req.size, now);
  await putPhoto({
    photoId,
    villageId,
    uploadedBy: actor.personId,
    contentType: req.contentType,
    size: req.size,
    createdAt: now.toISOString(),
    ttl: epochSeconds(now) + unattachedPhotoSeconds,
  });
  return {
    photoId,
    uploadUrl,
    method: 'PUT',
    headers: { 'content-type': req.contentType },
    expiresAt: new Date(now.getTime() + uploadUrlSeconds * 1000).toISOString(),
  };
}

const notYours = () => invalidField('photos', '照片不存在或不是您上传的');

/**
 * For a case being submitted: checks each named photo was uploaded by this
 * person to this village, is not used yet, and is really in storage with the
 * declared size and type. Returns the transaction items that attach them (the
 * caller writes them with the case, all or nothing), what the case keeps, and each
 * photo's content digest (a care visit compares them with earlier visits').
 */
export async function claimPhotos(
  actor: Actor,
  villageId: string,
  photoIds: string[],
  now: Date,
): Promise<{ items: TransactItem[]; photos: PhotoRef[]; digests: string[] }> {
  if (photoIds.length > maxPhotosPerCase) throw invalidField('photos', `最多 ${maxPhotosPerCase} 张照片`);
  if (new Set(photoIds).size !== photoIds.length) throw invalidField('photos', '同一张照片不能重复添加');
  const nowSeconds = epochSeconds(now);
  const photos = await Promise.all(
    photoIds.map(async (photoId) => {
      const record = await getPhoto(villageId, photoId);
      // DynamoDB deletes expired items late (up to days): an expired record counts as gone.
      const live = record && (record.ttl === undefined || record.ttl > nowSeconds);
      if (!record || !live || record.uploadedBy !== actor.personId || record.purpose) throw notYours();
      if (record.ttl === undefined) throw invalidField('photos', '这张照片已经用过了，请重新上传');
      const stored = await headPhoto(photoKey(villageId, photoId));
      if (!stored || stored.size !== record.size || stored.contentType !== record.contentType)
        throw invalidField('photos', '照片尚未上传完成');
      return { photoId, contentType: record.contentType as PhotoContentType, ttl: record.ttl, digest: stored.digest };
    }),
  );
  return {
    items: photos.flatMap(({ photoId, ttl }) =>
      attachPhoto({ villageId, photoId, ttl }, actor.personId, now.toISOString(), nowSeconds),
    ),
    photos: photos.map(({ photoId, contentType }) => ({ photoId, contentType })),
    digests: photos.map((p) => p.digest),
  };
}

/**
 * Scheduled: deletes from storage the uploads nobody attached before they expired, then forgets them. A photo
 * can no longer be attached once expired (attachPhoto's condition), so deleting its object is safe; the margin
 * covers the clocks of two functions disagreeing by a little.
 */
export async function sweepUnattached(now: Date) {
  const before = epochSeconds(now) - SWEEP_MARGIN_SECONDS;
  let deleted = 0;
  for (let round = 0; round < 20; round++) {
    const expired = await expiredUploads(before);
    for (const u of expired) {
      await deletePhoto(photoKey(u.villageId, u.photoId));
      await forgetUpload(u);
      deleted++;
    }
    if (expired.length < SWEEP_PAGE) break;
  }
  return { deleted };
}
const SWEEP_MARGIN_SECONDS = 10 * 60;

/** Short-lived links to a case's photos, for someone already allowed to read the case. */
export const photoViews = (
  villageId: string,
  refs: { photoId: string; contentType: string }[],
  now: Date,
): Promise<PhotoView[]> =>
  Promise.all(
    refs.map(async (r) => ({
      photoId: r.photoId,
      contentType: r.contentType,
      url: await presignView(photoKey(villageId, r.photoId), now),
    })),
  );
