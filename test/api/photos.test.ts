import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { SeededPerson } from '../../scripts/local/seed';
import type { Actor } from '../../src/functions/lib/actor';
import { rawTable, startTestApi, type TestApi } from '../helpers/api';

/**
 * Photos for cases: the API hands out a pre-signed PUT, the bytes go straight to
 * storage (the local S3 stand-in here), and a case later claims its photos.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi('apiphotos');
});
afterAll(() => api.stop());

/** A 1×1 PNG. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const village = () => api.township.villages[0];
const resident = () => village().residents[0];

async function requestUpload(person: SeededPerson, body: unknown = { contentType: 'image/png', size: png.length }) {
  return (await api.as(person)).post('/photos', body);
}
const put = (upload: { uploadUrl: string; headers: Record<string, string> }, body: Buffer = png, headers = {}) =>
  fetch(upload.uploadUrl, { method: 'PUT', headers: { ...upload.headers, ...headers }, body: new Uint8Array(body) });

/** The service, in this process (the cases feature calls it, not HTTP); loaded after the stack points it at storage. */
const service = () => import('../../src/functions/photos/service');
const db = () => import('../../src/functions/lib/db');
const actorOf = (p: SeededPerson): Actor => ({
  accountId: '',
  personId: p.personId,
  name: p.name,
  tenant: { kind: 'village', villageId: village().villageId, townshipId: api.township.townshipId },
  roles: ['resident'],
  posts: [],
  grids: [],
});

describe('photo uploads', () => {
  it('gives a resident a pre-signed PUT that takes the photo, and records it without a name', async () => {
    const before = Date.now();
    const r = await requestUpload(resident());
    expect(r.status).toBe(201);
    const { photoId, uploadUrl, method, headers, expiresAt } = r.body;
    expect(photoId).toMatch(/^[0-9A-Z]{26}$/);
    expect(method).toBe('PUT');
    expect(headers).toEqual({ 'content-type': 'image/png' });
    expect(new Date(expiresAt).getTime()).toBeGreaterThanOrEqual(before + 10 * 60_000 - 1000);
    expect(new Date(expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1000);
    const url = new URL(uploadUrl);
    // Keyed by village and photo, never by the person: links are shown to people who must not learn who asked.
    expect(url.pathname).toBe(`/${process.env.PHOTO_BUCKET}/${village().villageId}/${photoId}`);
    expect(uploadUrl).not.toContain(resident().personId);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');

    expect((await put(r.body)).status).toBe(200);

    const item = await rawTable().item(`TN#${village().villageId}#PHOTO#${photoId}`, 'PHOTO');
    expect(item).toMatchObject({
      photoId,
      uploadedBy: resident().personId,
      contentType: 'image/png',
      size: png.length,
    });
    expect(item?.ttl).toBeGreaterThanOrEqual(Math.floor(before / 1000) + 86_400);
    expect(item?.ttl).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 86_400);
    expect(JSON.stringify(item)).not.toContain(resident().name);

    // Readable with a pre-signed GET, and only so: the store is private.
    const [view] = await (await service()).photoViews(
      village().villageId,
      [{ photoId, contentType: 'image/png' }],
      new Date(),
    );
    expect(view).toMatchObject({ photoId, contentType: 'image/png' });
    expect(new URL(view.url).searchParams.get('X-Amz-Expires')).toBe('900');
    const got = await fetch(view.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-length')).toBe(String(png.length));
    expect(Buffer.from(await got.arrayBuffer())).toEqual(png);
    const bare = `${process.env.S3_ENDPOINT}/${process.env.PHOTO_BUCKET}/${village().villageId}/${photoId}`;
    expect((await fetch(bare)).status).toBe(403);
  });

  it('refuses a photo of another type or size than it signed, and an expired URL', async () => {
    const { body: upload } = await requestUpload(resident());
    const otherType = await put(upload, png, { 'content-type': 'image/jpeg' });
    expect(otherType.status).toBe(403);
    expect(await otherType.text()).toContain('SignatureDoesNotMatch');
    expect((await put(upload, Buffer.concat([png, png]))).status).toBe(403);
    const old = new URL(upload.uploadUrl);
    old.searchParams.set('X-Amz-Date', '20200101T000000Z');
    const expired = await put({ ...upload, uploadUrl: old.toString() });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
    // Nothing was stored by any of them.
    const [view] = await (await service()).photoViews(
      village().villageId,
      [{ photoId: upload.photoId, contentType: 'image/png' }],
      new Date(),
    );
    expect((await fetch(view.url)).status).toBe(404);
  });

  it('refuses a PDF, an empty or oversized photo, in Chinese, naming the field', async () => {
    const pdf = await requestUpload(resident(), { contentType: 'application/pdf', size: 1000 });
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.fields).toEqual([
      { path: 'contentType', message: expect.stringContaining('照片只能是 JPG、PNG 或 WebP 图片') },
    ]);
    const big = await requestUpload(resident(), { contentType: 'image/jpeg', size: 6 * 1024 * 1024 });
    expect(big.status).toBe(400);
    expect(big.body.error.fields).toEqual([{ path: 'size', message: expect.stringContaining('照片不能超过 5 MB') }]);
    const empty = await requestUpload(resident(), { contentType: 'image/jpeg', size: 0 });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0].path).toBe('size');
    expect((await requestUpload(resident(), { contentType: 'image/png' })).status).toBe(400);
  });

  it('needs a signed-in villager', async () => {
    const r = await api.anonymous.post('/photos', { contentType: 'image/png', size: 100 });
    expect(r.status).toBe(401);
    // Township staff belong to no village: there is no village to keep a photo under.
    expect((await requestUpload(api.township.staff)).status).toBe(403);
  });
});

describe('the local S3 stand-in', () => {
  /** Signs a PUT the API would never sign, to reach the stand-in's own checks. */
  const signedPut = (contentType: string, size: number) =>
    getSignedUrl(
      new S3Client({
        endpoint: process.env.S3_ENDPOINT,
        forcePathStyle: true,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        requestChecksumCalculation: 'WHEN_REQUIRED',
      }),
      new PutObjectCommand({
        Bucket: process.env.PHOTO_BUCKET,
        Key: `${village().villageId}/STANDIN${size}`,
        ContentType: contentType,
        ContentLength: size,
      }),
      { expiresIn: 60, signableHeaders: new Set(['content-type', 'content-length']) },
    );

  it('takes only images and PDFs (notice files), up to 20 MB', async () => {
    const text = await fetch(await signedPut('text/html', 4), {
      method: 'PUT',
      headers: { 'content-type': 'text/html' },
      body: new Uint8Array(Buffer.from('<h1>')),
    });
    expect(text.status).toBe(415);
    const size = 20 * 1024 * 1024 + 1;
    const big = await fetch(await signedPut('image/png', size), {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(size),
    });
    expect(big.status).toBe(400);
  });

  it('answers the browser’s CORS preflight', async () => {
    const r = await fetch(`${process.env.S3_ENDPOINT}/${process.env.PHOTO_BUCKET}/x/y`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:3000',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(r.headers.get('access-control-allow-headers')).toContain('content-type');
  });
});

describe('claiming photos for a case (in process)', () => {
  const uploaded = async (person: SeededPerson) => {
    const { body } = await requestUpload(person);
    expect((await put(body)).status).toBe(200);
    return body.photoId as string;
  };

  it('attaches the caller’s uploaded photos in the caller’s transaction, once', async () => {
    const { claimPhotos } = await service();
    const { transact } = await db();
    const ids = [await uploaded(resident()), await uploaded(resident())];
    const now = new Date();
    const claim = await claimPhotos(actorOf(resident()), village().villageId, ids, now);
    expect(claim.photos).toEqual(ids.map((photoId) => ({ photoId, contentType: 'image/png' })));
    const pendingOf = async (photoId: string) =>
      (await rawTable().partition('PHOTOS#pending')).filter((m) => m.photoId === photoId);
    expect(await pendingOf(ids[0])).toHaveLength(1);
    expect(await transact(claim.items)).toBe(true);
    const item = await rawTable().item(`TN#${village().villageId}#PHOTO#${ids[0]}`, 'PHOTO');
    expect(item?.ttl).toBeUndefined();
    expect(item?.attachedAt).toBe(now.toISOString());
    // Off the list the sweep deletes from, so an attached photo is never swept.
    expect(await pendingOf(ids[0])).toEqual([]);
    // The same items again fail their condition: a photo belongs to one case.
    expect(await transact(claim.items)).toBe(false);
    await expect(claimPhotos(actorOf(resident()), village().villageId, ids, now)).rejects.toMatchObject({
      status: 400,
      fields: [{ path: 'photos', message: expect.stringContaining('用过') }],
    });
  });

  it('refuses another person’s photo, one not uploaded yet, an expired one, and the same one twice', async () => {
    const { claimPhotos } = await service();
    const villageId = village().villageId;
    const mine = await uploaded(resident());
    const theirs = await uploaded(village().residents[1]);
    const notYours = { status: 400, fields: [{ path: 'photos', message: '照片不存在或不是您上传的' }] };
    await expect(claimPhotos(actorOf(resident()), villageId, [mine, theirs], new Date())).rejects.toMatchObject(
      notYours,
    );
    await expect(
      claimPhotos(actorOf(resident()), villageId, ['01ARZ3NDEKTSV4RRFFQ69G5FAV'], new Date()),
    ).rejects.toMatchObject(notYours);
    // Another village's key space does not hold it.
    await expect(
      claimPhotos(actorOf(resident()), api.township.villages[1].villageId, [mine], new Date()),
    ).rejects.toMatchObject(notYours);
    // A day later the unattached upload is gone, even before DynamoDB deletes the expired record.
    await expect(
      claimPhotos(actorOf(resident()), villageId, [mine], new Date(Date.now() + 25 * 3_600_000)),
    ).rejects.toMatchObject(notYours);

    const { body: pending } = await requestUpload(resident());
    await expect(claimPhotos(actorOf(resident()), villageId, [pending.photoId], new Date())).rejects.toMatchObject({
      status: 400,
      fields: [{ path: 'photos', message: '照片尚未上传完成' }],
    });
    await expect(claimPhotos(actorOf(resident()), villageId, [mine, mine], new Date())).rejects.toMatchObject({
      status: 400,
    });
    // Nothing was attached by any refusal.
    expect((await rawTable().item(`TN#${villageId}#PHOTO#${mine}`, 'PHOTO'))?.ttl).toBeDefined();
  });

  it('deletes from storage an upload nobody attached within a day, and forgets it', async () => {
    const { requestUpload: signUpload, sweepUnattached } = await service();
    const { presignUpload, photoKey } = await import('../../src/functions/lib/photos');
    const villageId = village().villageId;
    // Asked for two days ago (so it expired yesterday), its bytes stored then.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const stale = await signUpload(actorOf(resident()), { contentType: 'image/png', size: png.length }, twoDaysAgo);
    const url = await presignUpload(photoKey(villageId, stale.photoId), 'image/png', png.length, new Date());
    expect((await put({ uploadUrl: url, headers: stale.headers })).status).toBe(200);
    const fresh = await uploaded(resident());
    const viewOf = async (photoId: string) =>
      (await (await service()).photoViews(villageId, [{ photoId, contentType: 'image/png' }], new Date()))[0].url;
    expect((await fetch(await viewOf(stale.photoId))).status).toBe(200);

    const { deleted } = await sweepUnattached(new Date());
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect((await fetch(await viewOf(stale.photoId))).status).toBe(404);
    expect(await rawTable().item(`TN#${villageId}#PHOTO#${stale.photoId}`, 'PHOTO')).toBeUndefined();
    expect((await rawTable().partition('PHOTOS#pending')).some((m) => m.photoId === stale.photoId)).toBe(false);
    // One uploaded today is still there to attach.
    expect((await fetch(await viewOf(fresh))).status).toBe(200);
    expect(await rawTable().item(`TN#${villageId}#PHOTO#${fresh}`, 'PHOTO')).toMatchObject({ photoId: fresh });
    // Swept again, nothing is left to do for it.
    await sweepUnattached(new Date());
    expect((await fetch(await viewOf(fresh))).status).toBe(200);
  });
});
