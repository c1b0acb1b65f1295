import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from '../../lib/db';
import { FileRow, keys, type FileRecord } from '../../lib/entities/files';

/**
 * The files sweep's reads and deletes (jobs/filesSweep.ts), apart from files/repository so that the functions serving
 * requests carry no delete of files.
 */
/** Files begun on `day` and never put to use, at most `limit`. */
export async function unusedFiles(day: string, limit: number): Promise<FileRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.unusedPk(day) },
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(FileRow.fromItem);
}

/** Deletes an unused file's row, only if it is still unused (a use marked meanwhile keeps it): true when deleted. */
export async function deleteUnusedFile(fileId: string): Promise<boolean> {
  try {
    await db().send(new DeleteCommand({ TableName: table(), Key: keys.file(fileId), ConditionExpression: 'attribute_exists(gsi2pk)' }));
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
