import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, isConditionFailure, type TransactItem, table, transact } from '../lib/db';
import * as keys from '../lib/keys';
import { withoutKeys } from '../lib/keys';

/**
 * The record of an upload (a case photo, or a notice's file), kept beside the
 * object in storage: who uploaded it (a person id, never a name), what it was
 * declared as. `ttl` (epoch seconds) is when an unattached upload expires;
 * attaching it removes the ttl. Until then a marker on the pending list lets the
 * sweep delete the object too; both kinds share that list and that sweep.
 */
export interface PhotoRecord {
  photoId: string;
  villageId: string;
  uploadedBy: string;
  contentType: string;
  size: number;
  createdAt: string;
  ttl?: number;
  attachedAt?: string;
  /** A notice's file (附件 or voucher), never claimable as a case's photo, nor a case photo as a notice's file. */
  purpose?: 'notice';
  /** The notice a notice file belongs to, for good: its later versions may name it again. */
  attachedTo?: string;
}

const pendingMarker = (p: { villageId: string; photoId: string; ttl: number }) =>
  keys.photoPending(p.ttl, p.villageId, p.photoId);

/** Records a new upload and puts it on the pending list, together. */
export async function putPhoto(p: PhotoRecord & { ttl: number }) {
  const written = await transact([
    {
      Put: {
        TableName: table(),
        Item: { ...keys.photo(p.villageId, p.photoId), type: 'photo', ...p },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...pendingMarker(p), type: 'photo-pending', villageId: p.villageId, photoId: p.photoId },
      },
    },
  ]);
  if (!written) throw new Error('photo id already recorded');
}

export async function getPhoto(villageId: string, photoId: string) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.photo(villageId, photoId) }));
  return Item ? (withoutKeys(Item) as PhotoRecord) : undefined;
}

/**
 * Attaches an upload, in the caller's transaction: only one not attached yet (it
 * still has its ttl), not expired, and uploaded by this person. It leaves the pending list.
 */
export const attachPhoto = (
  p: { villageId: string; photoId: string; ttl: number },
  uploadedBy: string,
  at: string,
  nowSeconds: number,
  attachedTo?: string,
): TransactItem[] => [
  {
    Update: {
      TableName: table(),
      Key: keys.photo(p.villageId, p.photoId),
      UpdateExpression: `REMOVE #ttl SET attachedAt = :at${attachedTo ? ', attachedTo = :to' : ''}`,
      ConditionExpression: '#ttl > :now AND uploadedBy = :by',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':at': at,
        ':now': nowSeconds,
        ':by': uploadedBy,
        ...(attachedTo ? { ':to': attachedTo } : {}),
      },
    },
  },
  { Delete: { TableName: table(), Key: pendingMarker(p) } },
];

export const SWEEP_PAGE = 100;

/** Pending uploads that expired at or before `beforeSeconds`, earliest first. */
export async function expiredUploads(beforeSeconds: number, limit = SWEEP_PAGE) {
  const r = await dynamo.send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk <= :before',
      ExpressionAttributeValues: {
        ':pk': keys.photoPendingPartition().pk,
        ':before': `${String(beforeSeconds).padStart(12, '0')}#~`,
      },
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map((i) => ({ sk: String(i.sk), villageId: String(i.villageId), photoId: String(i.photoId) }));
}

/** Forgets an expired upload: its marker, and its record unless it was attached after all. */
export const forgetUpload = (u: { sk: string; villageId: string; photoId: string }) =>
  Promise.all([
    dynamo.send(new DeleteCommand({ TableName: table(), Key: { pk: keys.photoPendingPartition().pk, sk: u.sk } })),
    dynamo
      .send(
        new DeleteCommand({
          TableName: table(),
          Key: keys.photo(u.villageId, u.photoId),
          ConditionExpression: 'attribute_exists(#ttl)',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
        }),
      )
      .catch((e) => {
        if (!isConditionFailure(e)) throw e;
      }),
  ]);
