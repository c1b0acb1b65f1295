import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../src/lib/db';

/** A row exactly as stored (no entity parsing): what a person with the table's backups would see. */
export async function storedRow(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  return (await db().send(new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }))).Item;
}
