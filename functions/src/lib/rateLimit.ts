import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from './db';
import { tooManyRequests } from './errors';
import { keys } from './keys';
import { now } from './clock';

/**
 * Fixed-window counters in the table (one row per client and window, expiring by TTL).
 * `guard` refuses when the window is already full; `hit` counts one more event.
 */
export function limiter(bucket: string, opts: { limit: number; windowSeconds: number; message: string }) {
  const windowOf = () => String(Math.floor(now().getTime() / 1000 / opts.windowSeconds));
  return {
    async guard(client: string): Promise<void> {
      const r = await db().send(new GetCommand({ TableName: table(), Key: keys.rateWindow(`${bucket}#${client}`, windowOf()) }));
      if ((r.Item?.count ?? 0) >= opts.limit) throw tooManyRequests(opts.message);
    },
    async hit(client: string): Promise<number> {
      const r = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.rateWindow(`${bucket}#${client}`, windowOf()),
          UpdateExpression: 'ADD #c :one SET #ttl = if_not_exists(#ttl, :ttl)',
          ExpressionAttributeNames: { '#c': 'count', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':ttl': Math.floor(now().getTime() / 1000) + opts.windowSeconds * 2 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(r.Attributes?.count ?? 0);
    },
  };
}
