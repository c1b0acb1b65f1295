import { route } from '../lib/http';
import { router } from '../lib/router';
import { notFound } from '../lib/errors';
import * as repo from './repository';

export const handler = router([
  route('GET /v1/messages', async ({ session, query }) => {
    const [page, unread] = await Promise.all([repo.listMessages(session.userId, query.limit, query.cursor), repo.unreadCount(session.userId)]);
    return { items: page.items.map(({ id, at, title, body, appNo, read }) => ({ id, at, title, body, appNo, read })), unread, nextCursor: page.nextCursor };
  }),
  route('GET /v1/messages/unread-count', async ({ session }) => ({ unread: await repo.unreadCount(session.userId) })),
  // a message is addressed by its time and id (both from the list), so reading it costs one key lookup
  route('POST /v1/messages/{messageId}/read', async ({ session, params, body }) => {
    const m = await repo.getMessage(session.userId, params.messageId, body.at);
    if (!m) throw notFound('未找到该消息');
    await repo.markRead(session.userId, m);
    return { unread: await repo.unreadCount(session.userId) };
  }),
]);
