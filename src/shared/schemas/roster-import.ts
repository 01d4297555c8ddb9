import * as z from 'zod';
import { Id, Line } from './common';

/**
 * Importing the village register (户籍名册) from a CSV export: the same file is
 * sent twice, first for a preview that writes nothing, then with the preview's
 * checksum to confirm, so what is written is exactly what was shown.
 */
const Column = z.enum(['householdNo', 'name', 'relation', 'idNumber', 'birthDate', 'phone', 'groupName']);
export const RowFix = z.object({
  line: z.number().int().min(2, '行号从 2 开始').max(100_000),
  column: Column,
  value: Line().max(100, '单元格内容过长'),
});

export const MAX_ROSTER_FILE_BYTES = 4 * 1024 * 1024;
export const RosterFile = z.object({
  villageId: Id.optional(),
  fileName: Line().max(200).optional(),
  /** The file's bytes in base64: the server decodes UTF-8 or GBK (what Excel writes). */
  fileBase64: z
    .string()
    .min(1, '请选择名册文件')
    .max(Math.ceil((MAX_ROSTER_FILE_BYTES * 4) / 3) + 4, '文件过大（最多 4 MB）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 base64'),
  fixes: z.array(RowFix).max(500, '一次最多修改 500 处').default([]),
});
export type RosterFile = z.infer<typeof RosterFile>;

export const ConfirmImport = RosterFile.extend({
  checksum: z.string().regex(/^[0-9a-f]{64}$/, '预览校验码不正确'),
});

const Cells = z.record(z.string(), z.string());
export const ImportPreview = z.object({
  encoding: z.enum(['utf-8', 'gbk']).optional(),
  fileProblems: z.array(z.string()),
  totalRows: z.number(),
  badRows: z.array(z.object({ line: z.number(), reasons: z.array(z.string()), cells: Cells })),
  toCreate: z.number(),
  toUpdate: z.array(z.object({ line: z.number(), name: z.string(), changedFields: z.array(z.string()) })),
  unchanged: z.number(),
  /** People on the roster but not in the file: left as they are (moving out is recorded, not inferred). */
  notInFile: z.number(),
  /** Present when the file can be imported as previewed. */
  checksum: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  consumedWriteUnits: z.number(),
});

export const RosterExport = z.object({ fileName: z.string(), csv: z.string(), masked: z.boolean() });
