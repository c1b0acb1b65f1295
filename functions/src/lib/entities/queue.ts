import * as z from 'zod';
import { parseRow, type Item } from './entity';

/**
 * The local stage's stand-in for an SQS queue (no SQS on a laptop): a message is a row until a run of the jobs takes it.
 * | queued message | LOCALQ#<queue> | <at>#<id> | the message body as JSON |
 */
export const keys = {
  queuePk: (queue: string) => `LOCALQ#${queue}`,
  message: (queue: string, at: string, id: string) => ({ pk: `LOCALQ#${queue}`, sk: `${at}#${id}` }),
};

const MessageSchema = z.object({ body: z.string() });
export const QueuedMessage = {
  toItem: (queue: string, at: string, id: string, body: string): Item => ({ ...keys.message(queue, at, id), entity: 'QueuedMessage', body }),
  fromItem: (item: Item) => ({ key: { pk: String(item.pk), sk: String(item.sk) }, ...parseRow(MessageSchema, item) }),
};
