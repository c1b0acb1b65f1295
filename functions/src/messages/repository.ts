import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../lib/db';
import { keys } from '../lib/keys';

export interface MessageRecord { id: string; at: string; title: string; body: string; appNo?: string; read: boolean; sk: string }

export async function listMessages(userId: string, limit: number, cursor?: string) {
  const r = await db().send(new QueryCommand({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.userPk(userId), ':p': 'MSG#' },
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: cursor ? { pk: keys.userPk(userId), sk: Buffer.from(cursor, 'base64url').toString('utf8') } : undefined,
  }));
  return {
    items: (r.Items ?? []) as MessageRecord[],
    nextCursor: r.LastEvaluatedKey ? Buffer.from(String(r.LastEvaluatedKey.sk)).toString('base64url') : null,
  };
}

export async function unreadCount(userId: string): Promise<number> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.user(userId), ProjectionExpression: 'unread' }));
  return Math.max(0, Number(r.Item?.unread ?? 0));
}

/** Marks one message read and moves the counter, once, whatever happens twice. */
export async function markRead(userId: string, sk: string): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({
      TransactItems: [
        { Update: { TableName: table(), Key: { pk: keys.userPk(userId), sk }, UpdateExpression: 'SET #r = :t', ConditionExpression: 'attribute_exists(pk) AND #r = :f', ExpressionAttributeNames: { '#r': 'read' }, ExpressionAttributeValues: { ':t': true, ':f': false } } },
        { Update: { TableName: table(), Key: keys.user(userId), UpdateExpression: 'ADD unread :m', ConditionExpression: 'unread > :z', ExpressionAttributeValues: { ':m': -1, ':z': 0 } } },
      ],
    }));
    return true;
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') return false;
    throw e;
  }
}

export async function findMessageSk(userId: string, messageId: string, atHint: string): Promise<string | undefined> {
  const sk = `MSG#${atHint}#${messageId}`;
  const r = await db().send(new GetCommand({ TableName: table(), Key: { pk: keys.userPk(userId), sk } }));
  return r.Item ? sk : undefined;
}
