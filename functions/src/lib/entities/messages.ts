import * as z from 'zod';
import { businessDate } from '@yx/shared';
import { parseRow, ttlAfter, type Item } from './entity';

/**
 * The inbox and the subscribe-message outbox.
 * | inbox message | USER#<userId>      | MSG#<at>#<id> | unread counter: `unread` on the user's PROFILE row |
 * | outbox record | OUTBOX#<yyyymmdd>  | <at>#<id>     | filed by its Beijing date; ttl 30 days |
 */
export const keys = {
  message: (userId: string, at: string, id: string) => ({ pk: `USER#${userId}`, sk: `MSG#${at}#${id}` }),
  messagePrefix: 'MSG#',
  outbox: (day: string, at: string, id: string) => ({ pk: `OUTBOX#${day}`, sk: `${at}#${id}` }),
  outboxPk: (day: string) => `OUTBOX#${day}`,
  /** the Beijing date an outbox record is filed under */
  outboxDay: (at: string) => businessDate(new Date(at)).replace(/-/g, ''),
};

const MessageSchema = z.object({ id: z.string(), at: z.string(), title: z.string(), body: z.string(), appNo: z.string().optional(), read: z.boolean() });
export type MessageRecord = z.output<typeof MessageSchema>;

export const Message = {
  Schema: MessageSchema,
  toItem: (userId: string, m: MessageRecord): Item => ({ ...keys.message(userId, m.at, m.id), entity: 'Message', ...m }),
  fromItem: (item: Item): MessageRecord => parseRow(MessageSchema, item),
};

const OutboxSchema = z.object({
  id: z.string(),
  at: z.string(),
  toUserId: z.string(),
  template: z.string(),
  data: z.object({ title: z.string(), appNo: z.string().optional() }),
  status: z.string(),
  sentAt: z.string().optional(),
});
export type OutboxRecord = z.output<typeof OutboxSchema>;

export const Outbox = {
  Schema: OutboxSchema,
  toItem: (o: OutboxRecord): Item => ({ ...keys.outbox(keys.outboxDay(o.at), o.at, o.id), entity: 'Outbox', ...o, ttl: ttlAfter(o.at, 30) }),
  fromItem: (item: Item): OutboxRecord => parseRow(OutboxSchema, item),
};
