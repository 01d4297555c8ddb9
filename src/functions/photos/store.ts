import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PhotoContentType } from '../../shared/schemas/photo';
import { dynamo, type TransactItem, table } from '../lib/db';
import { keys, withoutKeys } from '../lib/keys';

/**
 * The record of an upload, kept beside the object in storage: who uploaded it
 * (a person id, never a name), what it was declared as. `ttl` (epoch seconds)
 * makes an unattached upload vanish; attaching it to a case removes the ttl.
 */
export interface PhotoRecord {
  photoId: string;
  villageId: string;
  uploadedBy: string;
  contentType: PhotoContentType;
  size: number;
  createdAt: string;
  ttl?: number;
  attachedAt?: string;
}

export async function putPhoto(p: PhotoRecord) {
  await dynamo.send(
    new PutCommand({
      TableName: table(),
      Item: { ...keys.photo(p.villageId, p.photoId), type: 'photo', ...p },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getPhoto(villageId: string, photoId: string) {
  const { Item } = await dynamo.send(new GetCommand({ TableName: table(), Key: keys.photo(villageId, photoId) }));
  return Item ? (withoutKeys(Item) as PhotoRecord) : undefined;
}

/**
 * Attaches an upload, in the caller's transaction: only one not attached yet (it
 * still has its ttl), not expired, and uploaded by this person.
 */
export const attachPhoto = (
  villageId: string,
  photoId: string,
  uploadedBy: string,
  at: string,
  nowSeconds: number,
): TransactItem => ({
  Update: {
    TableName: table(),
    Key: keys.photo(villageId, photoId),
    UpdateExpression: 'REMOVE #ttl SET attachedAt = :at',
    ConditionExpression: '#ttl > :now AND uploadedBy = :by',
    ExpressionAttributeNames: { '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':at': at, ':now': nowSeconds, ':by': uploadedBy },
  },
});
