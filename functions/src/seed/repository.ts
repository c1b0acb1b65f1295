import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../lib/db';
import { keys } from '../lib/entities/seed';

/** The version of the demo data loaded in this table (0 when none). */
export async function seedVersion(): Promise<number> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.marker }));
  return Number(r.Item?.version ?? 0);
}

export async function markSeeded(version: number, at: string): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: { ...keys.marker, version, at } }));
}
