import * as z from 'zod';
import { parseRow, type Item } from './entity';

/** | uploaded file | FILE#<fileId> | FILE | ttl while pending (an upload never completed expires) | */
export const keys = { file: (fileId: string) => ({ pk: `FILE#${fileId}`, sk: 'FILE' }) };

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
  toItem: (f: FileRecord, ttl: number): Item => ({ ...keys.file(f.fileId), entity: 'File', ...f, ttl }),
  fromItem: (item: Item): FileRecord => parseRow(FileSchema, item),
};
