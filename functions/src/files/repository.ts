import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table, type Lookup } from '../lib/db';
import { FileRow, keys, type FileRecord } from '../lib/entities/files';

export type { FileRecord };

export async function createFile(f: FileRecord, ttl: number): Promise<void> {
  // pending uploads expire by TTL unless completed
  await db().send(new PutCommand({ TableName: table(), Item: FileRow.toItem(f, ttl), ConditionExpression: 'attribute_not_exists(pk)' }));
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
      UpdateExpression: `SET #s = :s, #size = :size${version ? ', #v = :v' : ''} REMOVE #ttl`,
      ExpressionAttributeNames: { '#s': 'status', '#size': 'size', '#ttl': 'ttl', ...(version ? { '#v': 'version' } : {}) },
      ExpressionAttributeValues: { ':s': status, ':size': size, ...(version ? { ':v': version } : {}) },
    }),
  );
}
