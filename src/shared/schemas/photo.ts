import * as z from 'zod';
import { IsoDateTime } from './common';

/**
 * Photos on a case (suggestion, petition). The bytes never pass through a
 * function: the app asks for an upload, PUTs the photo straight to storage with
 * the pre-signed URL it gets, and names the photo's id when it submits the case.
 * Readers get short-lived pre-signed links; storage keys hold no person.
 */
export const photoMaxBytes = 5 * 1024 * 1024;
export const maxPhotosPerCase = 6;
export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const PhotoContentType = z.enum(photoContentTypes, { error: '照片只能是 JPG、PNG 或 WebP 图片' });
export type PhotoContentType = z.infer<typeof PhotoContentType>;
export const PhotoId = z.string().regex(/^[0-9A-Z]{26}$/, '照片编号不正确');

export const PhotoUploadRequest = z.object({
  contentType: PhotoContentType,
  size: z
    .number({ error: '请给出照片大小（字节）' })
    .int('照片大小应为整数')
    .min(1, '照片是空文件')
    .max(photoMaxBytes, '照片不能超过 5 MB'),
});
export type PhotoUploadRequest = z.infer<typeof PhotoUploadRequest>;

/** Where and how to send the bytes: PUT `uploadUrl` with exactly these headers (the size is signed too), before `expiresAt`. */
export const PhotoUpload = z.object({
  photoId: PhotoId,
  uploadUrl: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: IsoDateTime,
});
export type PhotoUpload = z.infer<typeof PhotoUpload>;

/** What a case keeps of each photo. */
export const PhotoRef = z.object({ photoId: PhotoId, contentType: PhotoContentType });
export type PhotoRef = z.infer<typeof PhotoRef>;

/** A photo as a reader gets it: `url` is a short-lived pre-signed link. */
export const PhotoView = z.object({ photoId: PhotoId, url: z.string(), contentType: z.string() });
export type PhotoView = z.infer<typeof PhotoView>;

/** The photos named when submitting a case: each uploaded by the submitter, at most six, none twice. */
export const PhotoIds = z
  .array(PhotoId)
  .max(maxPhotosPerCase, `最多 ${maxPhotosPerCase} 张照片`)
  .refine((ids) => new Set(ids).size === ids.length, '同一张照片不能重复添加');
