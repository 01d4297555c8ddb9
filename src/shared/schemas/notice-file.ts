import * as z from 'zod';
import { IsoDateTime, Line } from './common';

/**
 * Files on a notice (附件: a PDF or a picture) and a ledger line's voucher photo.
 * They travel as case photos do: the app asks for an upload, PUTs the bytes
 * straight to storage with the pre-signed URL, and names the file's id when it
 * saves the notice. Once a notice (or one of its versions) names a file, the file
 * is kept for good: an older version still opens what it showed.
 */
export const noticeFileMaxBytes = 20 * 1024 * 1024;
export const maxNoticeAttachments = 10;
export const noticeFileContentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const NoticeFileContentType = z.enum(noticeFileContentTypes, {
  error: '附件只能是 PDF 文件或 JPG、PNG、WebP 图片',
});
export type NoticeFileContentType = z.infer<typeof NoticeFileContentType>;
export const FileId = z.string().regex(/^[0-9A-Z]{26}$/, '文件编号不正确');

const FileName = Line('请填写附件名称').min(1, '附件名称不能为空').max(80, '附件名称不能超过 80 字');

export const NoticeFileUploadRequest = z.object({
  fileName: FileName,
  contentType: NoticeFileContentType,
  size: z
    .number({ error: '请给出文件大小（字节）' })
    .int('文件大小应为整数')
    .min(1, '文件是空的')
    .max(noticeFileMaxBytes, '附件不能超过 20 MB'),
});
export type NoticeFileUploadRequest = z.infer<typeof NoticeFileUploadRequest>;

/** PUT `uploadUrl` with exactly these headers (type and size are signed) before `expiresAt`. */
export const NoticeFileUpload = z.object({
  fileId: FileId,
  uploadUrl: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: IsoDateTime,
});
export type NoticeFileUpload = z.infer<typeof NoticeFileUpload>;

/** What an editor names when saving: the uploaded file and the name it is listed by. */
export const AttachmentRef = z.object({ fileId: FileId, name: FileName });
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** What a notice keeps of a file (type and size as storage holds them); `url` is a short-lived link, added on reading. */
export const Attachment = AttachmentRef.extend({
  contentType: NoticeFileContentType,
  size: z.number().int(),
  url: z.string().optional(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Attachments = z
  .array(AttachmentRef)
  .max(maxNoticeAttachments, `附件最多 ${maxNoticeAttachments} 个`)
  .refine((a) => new Set(a.map((f) => f.fileId)).size === a.length, '同一个文件不能重复添加')
  .default([]);
