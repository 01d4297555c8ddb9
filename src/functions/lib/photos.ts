import type { S3Client } from '@aws-sdk/client-s3';
import { photoConfig } from './env';

/**
 * Photo storage: S3 in production, the local stand-in (scripts/local/photo-store.ts)
 * on the local stack. Bytes never pass through a function: clients PUT and GET
 * with pre-signed URLs. An object's key is `{villageId}/{photoId}`, never a person.
 * The S3 client and the presigner load on the first request that needs them: most
 * requests of the functions that carry this module (cases, share) touch no photo,
 * and their cold start should not pay for it.
 */
export const uploadUrlSeconds = 10 * 60;
export const viewUrlSeconds = 15 * 60;

const sdk = () => import('@aws-sdk/client-s3');
const presigner = () => import('@aws-sdk/s3-request-presigner');

let client: { endpoint?: string; s3: S3Client } | undefined;
async function s3() {
  const { s3Endpoint } = photoConfig();
  if (client?.endpoint !== s3Endpoint || !client) {
    const { S3Client } = await sdk();
    const local = s3Endpoint
      ? {
          endpoint: s3Endpoint,
          forcePathStyle: true,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {};
    client = {
      endpoint: s3Endpoint,
      // A pre-signed PUT must not carry a checksum of the (empty) body the SDK sees when signing.
      s3: new S3Client({
        ...local,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    };
  }
  return client.s3;
}
const bucket = () => {
  const { photoBucket } = photoConfig();
  if (!photoBucket) throw new Error('PHOTO_BUCKET is not set');
  return photoBucket;
};

export const photoKey = (villageId: string, photoId: string) => `${villageId}/${photoId}`;

/** A PUT URL that signs the type and the exact size: storage refuses any other, or after `seconds`. */
export async function presignUpload(key: string, contentType: string, size: number, now: Date) {
  const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), presigner()]);
  return getSignedUrl(
    await s3(),
    new PutObjectCommand({ Bucket: bucket(), Key: key, ContentType: contentType, ContentLength: size }),
    {
      expiresIn: uploadUrlSeconds,
      signingDate: now,
      signableHeaders: new Set(['content-type', 'content-length']),
    },
  );
}

/** A GET URL good for `viewUrlSeconds`. */
export async function presignView(key: string, now: Date) {
  const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), presigner()]);
  return getSignedUrl(await s3(), new GetObjectCommand({ Bucket: bucket(), Key: key }), {
    expiresIn: viewUrlSeconds,
    signingDate: now,
  });
}

/**
 * What storage holds under a key, or undefined if nothing (S3 answers 403 for a missing key without ListBucket).
 * `digest` is the object's ETag: the MD5 of its bytes for a single PUT, so the same photo uploaded twice shows.
 */
export async function headPhoto(
  key: string,
): Promise<{ size: number; contentType: string; digest: string } | undefined> {
  const { HeadObjectCommand } = await sdk();
  try {
    const r = await (await s3()).send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return { size: r.ContentLength ?? 0, contentType: r.ContentType ?? '', digest: (r.ETag ?? '').replace(/"/g, '') };
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return undefined;
    throw e;
  }
}

/** Deletes an object; deleting one that is not there is not an error (S3 answers 204 either way). */
export const deletePhoto = async (key: string) => {
  const { DeleteObjectCommand } = await sdk();
  await (await s3()).send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
};

/** Stores an image the functions made themselves (a poster's mini-program code), not one a phone uploads. */
export const putImage = async (key: string, body: Uint8Array, contentType: string) => {
  const { PutObjectCommand } = await sdk();
  await (await s3()).send(
    new PutObjectCommand({
      Bucket: bucket(),
      Key: key,
      Body: body,
      ContentType: contentType,
      ContentLength: body.length,
    }),
  );
};

/**
 * The second place the audit chain's daily head is kept: in production a bucket of
 * its own with object lock (compliance mode), where nobody, the account's owner
 * included, can overwrite or delete it before its retention ends; locally, the
 * photo store's stand-in.
 */
export const putAnchorObject = async (key: string, json: string) => {
  const body = new TextEncoder().encode(json);
  const { PutObjectCommand } = await sdk();
  await (await s3()).send(
    new PutObjectCommand({
      Bucket: process.env.ANCHOR_BUCKET || bucket(),
      Key: key,
      Body: body,
      ContentType: 'application/json',
      ContentLength: body.length,
    }),
  );
};
