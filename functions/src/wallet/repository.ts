import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../lib/db';
import { keys } from '../lib/keys';

export interface LicenceRecord { id: string; type: string; name: string; number: string; issuer: string; validUntil?: string }

export async function listLicences(userId: string): Promise<LicenceRecord[]> {
  const r = await db().send(new QueryCommand({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.userPk(userId), ':p': 'ELIC#' },
  }));
  return (r.Items ?? []).map(({ id, type, name, number, issuer, validUntil }) => ({ id, type, name, number, issuer, validUntil }));
}

export async function getLicence(userId: string, licenceId: string): Promise<LicenceRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.licence(userId, licenceId) }));
  return r.Item as LicenceRecord | undefined;
}

export const licenceItem = (userId: string, l: LicenceRecord) => ({ ...keys.licence(userId, l.id), entity: 'ELicence', ...l });
