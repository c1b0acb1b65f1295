import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table, type Lookup } from '../lib/db';
import { keys as identityKeys } from '../lib/entities/identity';
import { keys, Licence, LicenceUse, type LicenceRecord } from '../lib/entities/wallet';

export type { LicenceRecord };

export async function listLicences(userId: string): Promise<LicenceRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': identityKeys.userPk(userId), ':p': keys.licencePrefix },
    }),
  );
  return (r.Items ?? []).map(Licence.fromItem);
}

export const licenceLookup = (userId: string, licenceId: string): Lookup<LicenceRecord> => ({ key: keys.licence(userId, licenceId), parse: Licence.fromItem });

export async function getLicence(userId: string, licenceId: string): Promise<LicenceRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.licence(userId, licenceId) }));
  return r.Item ? Licence.fromItem(r.Item) : undefined;
}

export const licenceItem = (userId: string, l: LicenceRecord) => Licence.toItem(userId, l);
/** A licence written into the wallet as part of another change's transaction (a delivered result, issue 15). */
export const licencePut = (userId: string, l: LicenceRecord) => ({ Put: { TableName: table(), Item: Licence.toItem(userId, l) } });

/** Every authorised use of the holder's licences, newest first (a person authorises tens, not thousands). */
export async function listLicenceUses(userId: string, limit = 100) {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': identityKeys.userPk(userId), ':p': keys.licenceUsePrefix },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(LicenceUse.fromItem).map((u) => ({ licenceId: u.licenceId, appNo: u.appNo, material: u.material, at: u.authorisedAt }));
}
