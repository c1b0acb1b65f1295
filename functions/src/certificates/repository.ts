import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from '../lib/db';
import { openFields, sealFields } from '../lib/pii';
import { randomId } from '../lib/ids';
import {
  DOCUMENT_SEALED_FIELDS,
  Document,
  DocumentUse,
  IssuedFor,
  SealKey,
  UploadCheck,
  keys,
  type CheckRecord,
  type DocumentRecord,
  type DocumentUseRecord,
  type SealKeyRecord,
} from '../lib/entities/documents';

export type { CheckRecord, DocumentRecord, DocumentUseRecord, SealKeyRecord };

const T = () => table();

/** The document row as stored: its subject and check code sealed. */
export function documentItem(d: DocumentRecord): Record<string, unknown> {
  const item = Document.toItem(d);
  return { ...item, ...sealFields(d, DOCUMENT_SEALED_FIELDS, keys.document(d.serial)) };
}
/** The rows that make one issue: the document, and the guard that makes it once per application and template. */
export function issueItems(d: DocumentRecord): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [{ Put: { TableName: T(), Item: documentItem(d), ConditionExpression: 'attribute_not_exists(pk)' } }];
  if (d.appNo) items.push({ Put: { TableName: T(), Item: IssuedFor.toItem(d.appNo, d.template, d.serial), ConditionExpression: 'attribute_not_exists(pk)' } });
  return items;
}

const fromStored = (item: Record<string, unknown>): DocumentRecord => Document.fromItem(openFields(item, DOCUMENT_SEALED_FIELDS));

export async function getDocument(serial: string): Promise<DocumentRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.document(serial) }));
  return r.Item ? fromStored(r.Item) : undefined;
}

/** The serial already issued for an application and template, if any. */
export async function issuedFor(appNo: string, template: string): Promise<string | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.issuedFor(appNo, template), ConsistentRead: true }));
  return r.Item ? String(r.Item.serial) : undefined;
}

/** A holder's documents, newest first (the wallet: a person holds tens, not thousands). */
export async function listHeld(userId: string, limit = 100): Promise<DocumentRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.holderPk(userId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(fromStored);
}

export async function listUses(serial: string, limit = 50): Promise<DocumentUseRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.docPk(serial), ':p': keys.usePrefix },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(DocumentUse.fromItem);
}

export async function recordUse(u: Omit<DocumentUseRecord, 'id'>): Promise<void> {
  await db().send(new PutCommand({ TableName: T(), Item: DocumentUse.toItem({ ...u, id: randomId('u', 10) }) }));
}
export const useItem = (u: Omit<DocumentUseRecord, 'id'>) => ({ Put: { TableName: T(), Item: DocumentUse.toItem({ ...u, id: randomId('u', 10) }) } });

/** Revokes a valid document; false when it was already revoked (a second officer, a double tap). */
export async function revokeDocument(serial: string, o: { at: string; by: string; reason: string }): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: T(),
        Key: keys.document(serial),
        UpdateExpression: 'SET #s = :revoked, revokedAt = :at, revokedBy = :by, revokedReason = :reason',
        ConditionExpression: 'attribute_exists(pk) AND #s = :valid',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':revoked': 'revoked', ':valid': 'valid', ':at': o.at, ':by': o.by, ':reason': o.reason },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

// ---- keys ------------------------------------------------------------------------------------

const publicKeys = new Map<string, SealKeyRecord | null>();

/** A key's public half (cached: key rows never change). */
export async function getSealKey(keyId: string): Promise<SealKeyRecord | undefined> {
  if (!publicKeys.has(keyId)) {
    const r = await db().send(new GetCommand({ TableName: T(), Key: keys.sealKey(keyId) }));
    const k = r.Item ? SealKey.fromItem(r.Item) : null;
    if (!k) return undefined; // not cached: a key published a moment later is found next time
    publicKeys.set(keyId, k);
  }
  return publicKeys.get(keyId) ?? undefined;
}

/** Publishes a key's public half once (the issuing function does it before its first seal with that key). */
export async function publishSealKey(k: SealKeyRecord): Promise<void> {
  try {
    await db().send(new PutCommand({ TableName: T(), Item: SealKey.toItem(k), ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const stored = await getSealKey(k.keyId);
    if (stored?.publicKey !== k.publicKey) throw new Error(`key id ${k.keyId} is published with another public key`);
  }
}

// ---- uploads to check --------------------------------------------------------------------------

export async function putUploadCheck(c: CheckRecord, ttl: number): Promise<void> {
  await db().send(new PutCommand({ TableName: T(), Item: UploadCheck.toItem(c, ttl) }));
}
export async function getUploadCheck(ticket: string): Promise<CheckRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.check(ticket) }));
  return r.Item ? UploadCheck.fromItem(r.Item) : undefined;
}
