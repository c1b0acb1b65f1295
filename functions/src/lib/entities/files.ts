import * as z from 'zod';
import { parseRow, type Item } from './entity';

/**
 * | uploaded file | FILE#<fileId> | FILE | gsi2 UNUSEDFILE#<upload day> / <fileId> until an application or order uses it |
 * Unused files (never completed, or never put to use) are deleted with their object by the files sweep after the days a
 * draft is kept (jobs/filesSweep.ts); a file in use leaves the index (files/uses.ts, from the table's stream).
 */
export const keys = {
  file: (fileId: string) => ({ pk: `FILE#${fileId}`, sk: 'FILE' }),
  unusedPk: (day: string) => `UNUSEDFILE#${day}`,
  unused: (day: string, fileId: string) => ({ gsi2pk: `UNUSEDFILE#${day}`, gsi2sk: fileId }),
};

const FileSchema = z.object({
  fileId: z.string(),
  ownerId: z.string(),
  key: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  status: z.enum(['pending', 'ready', 'rejected']),
  createdAt: z.string(),
  usedBy: z.string().optional(),
  /** the stored object's version as checked at completion (S3 VersionId; locally a content hash): links show only it */
  version: z.string().optional(),
});
export type FileRecord = z.output<typeof FileSchema>;

export const FileRow = {
  Schema: FileSchema,
  /** A new upload: listed as unused under the day it began (UTC date of `createdAt`). */
  toItem: (f: FileRecord): Item => ({ ...keys.file(f.fileId), ...keys.unused(f.createdAt.slice(0, 10), f.fileId), entity: 'File', ...f }),
  fromItem: (item: Item): FileRecord => parseRow(FileSchema, item),
};
