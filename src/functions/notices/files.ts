import { ledgerTotals } from '../../shared/rules/ledger';
import type { LedgerLine, NoticeContent } from '../../shared/schemas/notice';
import type {
  Attachment,
  NoticeFileContentType,
  NoticeFileUpload,
  NoticeFileUploadRequest,
} from '../../shared/schemas/notice-file';
import type { Actor } from '../lib/actor';
import type { TransactItem } from '../lib/db';
import { invalidField } from '../lib/errors';
import { newId } from '../lib/ids';
import { headPhoto, photoKey, presignUpload, presignView, uploadUrlSeconds } from '../lib/photos';
import { authorize } from '../lib/policy';
import { unattachedPhotoSeconds } from '../photos/service';
import { attachPhoto, getPhoto, putPhoto } from '../photos/store';
import { ownVillage } from '../villages/service';

/**
 * A notice's files (附件 and ledger vouchers) go the way case photos go: a
 * pre-signed PUT straight to storage, a record on the same pending list, so the
 * same scheduled sweep (photosSweepUnattached) deletes what nobody attached.
 * Once a notice names a file it belongs to that notice for good (`attachedTo`):
 * every version that named it still opens it, and a later correction may name it again.
 */
const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function requestFileUpload(
  actor: Actor,
  req: NoticeFileUploadRequest,
  now: Date,
): Promise<NoticeFileUpload> {
  const village = await ownVillage(actor);
  // Whoever may draft some notice uploads for it: a 党务 notice may be drafted by the party branch too.
  authorize(actor, 'notice.draft', { villageId: village.villageId, townshipId: village.townshipId, category: 'party' });
  const fileId = newId(now.getTime());
  const uploadUrl = await presignUpload(photoKey(village.villageId, fileId), req.contentType, req.size, now);
  await putPhoto({
    photoId: fileId,
    villageId: village.villageId,
    uploadedBy: actor.personId,
    contentType: req.contentType,
    size: req.size,
    createdAt: now.toISOString(),
    ttl: epochSeconds(now) + unattachedPhotoSeconds,
    purpose: 'notice',
  });
  return {
    fileId,
    uploadUrl,
    method: 'PUT',
    headers: { 'content-type': req.contentType },
    expiresAt: new Date(now.getTime() + uploadUrlSeconds * 1000).toISOString(),
  };
}

/** Keeps one save's transaction under DynamoDB's 100 items (two per newly attached file). */
export const maxNewFilesPerSave = 40;

/**
 * For a notice being saved (a draft, or a correction): each file it names must be
 * this notice's already, or a fresh upload of the caller's, really in storage as
 * declared; a voucher must be a picture. Returns the files as the notice keeps
 * them and the transaction items attaching the new ones (written with the notice, all or nothing).
 */
export async function claimFiles(
  actor: Actor,
  villageId: string,
  noticeId: string,
  content: Pick<NoticeContent, 'attachments' | 'ledger'>,
  now: Date,
): Promise<{ attachments: Attachment[]; items: TransactItem[] }> {
  const named = [
    ...content.attachments.map((a, i) => ({ fileId: a.fileId, path: `attachments.${i}.fileId`, voucher: false })),
    ...(content.ledger ?? []).flatMap((l, i) =>
      l.voucherFileId ? [{ fileId: l.voucherFileId, path: `ledger.${i}.voucherFileId`, voucher: true }] : [],
    ),
  ];
  const nowSeconds = epochSeconds(now);
  const records = new Map(
    await Promise.all(
      [...new Set(named.map((n) => n.fileId))].map(async (id) => [id, await getPhoto(villageId, id)] as const),
    ),
  );
  const fresh = new Map<string, { ttl: number }>();
  for (const n of named) {
    const r = records.get(n.fileId);
    if (r?.purpose !== 'notice') throw invalidField(n.path, '文件不存在，请重新上传');
    if (n.voucher && !r.contentType.startsWith('image/')) throw invalidField(n.path, '凭证应为照片');
    if (r.attachedTo === noticeId) continue;
    if (r.ttl === undefined) throw invalidField(n.path, '这个文件已用在另一条公告上，请重新上传');
    // DynamoDB deletes expired items late (up to days): an expired record counts as gone.
    if (r.ttl <= nowSeconds || r.uploadedBy !== actor.personId)
      throw invalidField(n.path, '文件不存在或不是您上传的，请重新上传');
    fresh.set(n.fileId, { ttl: r.ttl });
  }
  if (fresh.size > maxNewFilesPerSave)
    throw invalidField('ledger', `一次最多添加 ${maxNewFilesPerSave} 个新文件，请先保存，再继续添加`);
  await Promise.all(
    [...fresh.keys()].map(async (id) => {
      const r = records.get(id)!;
      const stored = await headPhoto(photoKey(villageId, id));
      if (!stored || stored.size !== r.size || stored.contentType !== r.contentType)
        throw invalidField(named.find((n) => n.fileId === id)!.path, '文件尚未上传完成，请稍后再保存');
    }),
  );
  const at = now.toISOString();
  return {
    attachments: content.attachments.map((a) => {
      const r = records.get(a.fileId)!;
      return { fileId: a.fileId, name: a.name, contentType: r.contentType as NoticeFileContentType, size: r.size };
    }),
    items: [...fresh].flatMap(([photoId, { ttl }]) =>
      attachPhoto({ villageId, photoId, ttl }, actor.personId, at, nowSeconds, noticeId),
    ),
  };
}

/**
 * A notice or a version as a reader gets it: each file with a short-lived link
 * (the reader may already open the notice), and the ledger's totals computed here, from its lines.
 */
export async function present<T extends { attachments: Attachment[]; ledger?: LedgerLine[] }>(
  villageId: string,
  content: T,
  now: Date,
): Promise<T> {
  const link = (fileId: string) => presignView(photoKey(villageId, fileId), now);
  const [attachments, ledger] = await Promise.all([
    Promise.all(content.attachments.map(async (a) => ({ ...a, url: await link(a.fileId) }))),
    content.ledger &&
      Promise.all(
        content.ledger.map(async (l) => (l.voucherFileId ? { ...l, voucherUrl: await link(l.voucherFileId) } : l)),
      ),
  ]);
  return {
    ...content,
    attachments,
    ...(ledger?.length ? { ledger, ledgerTotals: ledgerTotals(ledger) } : {}),
  };
}
