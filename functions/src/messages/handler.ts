import * as z from 'zod';
import { route } from '../lib/http';
import { router } from '../lib/router';
import { notFound } from '../lib/errors';
import * as repo from './repository';

const PEOPLE = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher', 'admin'] as const;
const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, { message: '翻页位置不正确' }).optional(),
});
/** A message is addressed by its time and id (both from the list), so reading it costs one key lookup. */
const MessageParams = z.strictObject({ messageId: z.string().regex(/^m_[A-Za-z0-9]{12}$/, { message: '消息编号不正确' }) });
const ReadBody = z.strictObject({ at: z.iso.datetime({ message: '时间格式不正确' }) });

export const handler = router({
  'GET /v1/messages': route({ auth: [...PEOPLE], query: ListQuery }, async ({ session, query }) => {
    const [page, unread] = await Promise.all([repo.listMessages(session.userId, query.limit, query.cursor), repo.unreadCount(session.userId)]);
    return { items: page.items.map(({ id, at, title, body, appNo, read }) => ({ id, at, title, body, appNo, read })), unread, nextCursor: page.nextCursor };
  }),
  'GET /v1/messages/unread-count': route({ auth: [...PEOPLE] }, async ({ session }) => ({ unread: await repo.unreadCount(session.userId) })),
  'POST /v1/messages/{messageId}/read': route({ auth: [...PEOPLE], params: MessageParams, body: ReadBody }, async ({ session, params, body }) => {
    const m = await repo.getMessage(session.userId, params.messageId, body.at);
    if (!m) throw notFound('未找到该消息');
    await repo.markRead(session.userId, m);
    return { unread: await repo.unreadCount(session.userId) };
  }),
});
