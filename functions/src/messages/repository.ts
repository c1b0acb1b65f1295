import { BatchWriteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, queryAll, table, transact } from '../lib/db';
import { randomId } from '../lib/ids';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { keys as identityKeys } from '../lib/entities/identity';
import { keys, Message, Outbox, type MessageRecord, type OutboxRecord } from '../lib/entities/messages';

/**
 * The inbox (消息) and the outbox of WeChat subscribe messages. Every capability tells a person something
 * through `noticeItems` (inside its own transaction) or `tell` (on its own): an inbox message, the unread
 * counter on the user row, and the outbox record the sender job delivers.
 */
export interface Notice {
  userId: string;
  title: string;
  body: string;
  appNo?: string;
  template: string;
}

/** One notice per person: a transaction may touch a reader's unread counter only once (a filer can also follow). */
export const uniqueRecipients = (notices: Notice[]) => notices.filter((m, i) => notices.findIndex((x) => x.userId === m.userId) === i);

/**
 * The transaction items that tell one person something at `at`: message, unread counter, outbox record. With
 * `counter: false` the caller's own update of that person's user row adds to `unread` instead (a transaction may touch a
 * row once).
 */
export function noticeItems(n: Notice, at: string, opts: { counter?: boolean } = {}): Record<string, unknown>[] {
  const id = randomId('m', 12);
  return [
    { Put: { TableName: table(), Item: Message.toItem(n.userId, { id, at, title: n.title, body: n.body, appNo: n.appNo, read: false }) } },
    ...(opts.counter === false
      ? []
      : [{ Update: { TableName: table(), Key: identityKeys.user(n.userId), UpdateExpression: 'ADD unread :one', ExpressionAttributeValues: { ':one': 1 } } }]),
    {
      Put: {
        TableName: table(),
        Item: Outbox.toItem({ id, at, toUserId: n.userId, template: n.template, data: { title: n.title, appNo: n.appNo }, status: 'pending' }),
      },
    },
  ];
}

/** Tells many people (a team's members) on their own, in transactions of at most 30 people. */
export async function tell(notices: Notice[], at: string): Promise<void> {
  const unique = uniqueRecipients(notices);
  for (let i = 0; i < unique.length; i += 30) {
    await transact(unique.slice(i, i + 30).flatMap((m) => noticeItems(m, at)));
  }
}

// ---- inbox ----------------------------------------------------------------------------------

export async function listMessages(userId: string, limit: number, cursor?: string) {
  const pk = identityKeys.userPk(userId);
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': keys.messagePrefix },
      ScanIndexForward: false,
      Limit: limit,
      // a cursor this query did not make (another partition, a row outside the inbox, not base64) is a 400
      ExclusiveStartKey: decodeCursor(cursor, { partition: pk, sortPrefix: keys.messagePrefix }),
    }),
  );
  return {
    items: (r.Items ?? []).map(Message.fromItem),
    nextCursor: encodeCursor(r.LastEvaluatedKey),
  };
}

/**
 * Deletes a closed account's inbox, 25 messages a call, at most `pages` calls: true when nothing is left. (Its inbox
 * is its own: notices about its applications, names of the officers who acted.)
 */
export async function deleteInbox(userId: string, pages: number): Promise<boolean> {
  const pk = identityKeys.userPk(userId);
  for (let i = 0; i < pages; i++) {
    const r = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': keys.messagePrefix },
        ProjectionExpression: 'pk, sk',
        Limit: 25,
      }),
    );
    const rows = r.Items ?? [];
    if (!rows.length) return true;
    let pending: Record<string, unknown>[] = rows.map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } }));
    // a batch may leave some unprocessed under load: those go again, a few times
    for (let tries = 0; pending.length && tries < 5; tries++) {
      const w = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never } }));
      pending = (w.UnprocessedItems?.[table()] ?? []) as Record<string, unknown>[];
    }
    if (!r.LastEvaluatedKey) return pending.length === 0;
  }
  return false;
}

export async function unreadCount(userId: string): Promise<number> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: identityKeys.user(userId), ProjectionExpression: 'unread' }));
  return Math.max(0, Number(r.Item?.unread ?? 0));
}

/** A message by its time and id (both from the list): one key lookup. */
export async function getMessage(userId: string, messageId: string, at: string): Promise<MessageRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.message(userId, at, messageId) }));
  return r.Item ? Message.fromItem(r.Item) : undefined;
}

/** Marks one message read and moves the counter, once, whatever happens twice. */
export async function markRead(userId: string, m: Pick<MessageRecord, 'id' | 'at'>): Promise<boolean> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.message(userId, m.at, m.id),
              UpdateExpression: 'SET #r = :t',
              ConditionExpression: 'attribute_exists(pk) AND #r = :f',
              ExpressionAttributeNames: { '#r': 'read' },
              ExpressionAttributeValues: { ':t': true, ':f': false },
            },
          },
          {
            Update: {
              TableName: table(),
              Key: identityKeys.user(userId),
              UpdateExpression: 'ADD unread :m',
              ConditionExpression: 'unread > :z',
              ExpressionAttributeValues: { ':m': -1, ':z': 0 },
            },
          },
        ],
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') return false;
    throw e;
  }
}

// ---- outbox ---------------------------------------------------------------------------------

/** A day's records (yyyymmdd, Asia/Shanghai), newest first. */
export async function listOutbox(day: string, limit = 50): Promise<OutboxRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxPk(day) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(Outbox.fromItem);
}

/** Every pending record of a day, oldest first, page by page: a job, not a request. */
export async function pendingOutbox(day: string): Promise<OutboxRecord[]> {
  const rows = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#s = :p',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': keys.outboxPk(day), ':p': 'pending' },
    },
    5000,
  );
  return rows.map(Outbox.fromItem);
}

/** What became of a pending record (sent, refused…), once: a record already marked stays as it is. */
export async function markOutbox(m: Pick<OutboxRecord, 'id' | 'at'>, status: string, at: string): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.outbox(keys.outboxDay(m.at), m.at, m.id),
        UpdateExpression: 'SET #s = :s, sentAt = :t',
        ConditionExpression: '#s = :p',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':t': at, ':p': 'pending' },
      }),
    )
    .catch(() => undefined);
}
