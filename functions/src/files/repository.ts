import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table, type Lookup } from '../lib/db';
import { FileRow, keys, type FileRecord } from '../lib/entities/files';

export type { FileRecord };

export async function createFile(f: FileRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: FileRow.toItem(f), ConditionExpression: 'attribute_not_exists(pk)' }));
}

/**
 * These files are in use (`ref`: the application or order): they leave the unused index, so the sweep never deletes
 * them. Idempotent: a file already marked (or gone) is left as it is.
 */
export async function markFilesUsed(fileIds: string[], ref: string): Promise<void> {
  await Promise.all(
    [...new Set(fileIds)].map((fileId) =>
      db()
        .send(
          new UpdateCommand({
            TableName: table(),
            Key: keys.file(fileId),
            UpdateExpression: 'SET usedBy = :ref REMOVE gsi2pk, gsi2sk',
            ConditionExpression: 'attribute_exists(gsi2pk)',
            ExpressionAttributeValues: { ':ref': ref },
          }),
        )
        .catch((e: unknown) => {
          if (!isConditionFailure(e)) throw e;
        }),
    ),
  );
}

export async function getFiles(fileIds: string[]): Promise<FileRecord[]> {
  if (!fileIds.length) return [];
  const r = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: [...new Set(fileIds)].slice(0, 100).map((id) => keys.file(id)) } } }));
  return (r.Responses?.[table()] ?? []).map(FileRow.fromItem);
}

export const fileLookup = (fileId: string): Lookup<FileRecord> => ({ key: keys.file(fileId), parse: FileRow.fromItem });

export async function getFile(fileId: string): Promise<FileRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.file(fileId) }));
  return r.Item ? FileRow.fromItem(r.Item) : undefined;
}

export async function setFileStatus(fileId: string, status: FileRecord['status'], size: number, version?: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.file(fileId),
      UpdateExpression: `SET #s = :s, #size = :size${version ? ', #v = :v' : ''}`,
      ExpressionAttributeNames: { '#s': 'status', '#size': 'size', ...(version ? { '#v': 'version' } : {}) },
      ExpressionAttributeValues: { ':s': status, ':size': size, ...(version ? { ':v': version } : {}) },
    }),
  );
}
