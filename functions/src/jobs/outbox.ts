import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { businessDate } from '@yx/shared';
import { db, table } from '../lib/db';
import { getUser } from '../identity/repository';
import { sendSubscribe, templates } from './subscribe';
import { keys } from '../lib/keys';
import { log } from '../lib/log';
import { now } from '../lib/clock';

/**
 * Sends the subscribe messages (订阅消息) recorded in the outbox through WeChat's subscribeMessage.send,
 * with the template configured for each kind of change (WECHAT_TEMPLATES, see subscribe.ts). Without any
 * templates (the local stage) nothing leaves the machine: records are marked 'recorded-locally' and stay
 * visible to admins.
 */
export async function listOutbox(day: string, limit = 50) {
  const r = await db().send(new QueryCommand({
    TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.outbox(day, '', '').pk }, ScanIndexForward: false, Limit: limit,
  }));
  return (r.Items ?? []).map(({ id, at, toUserId, template, data, status }) => ({ id, at, toUserId, template, data, status }) as OutboxRow);
}

interface OutboxRow { id: string; at: string; toUserId: string; template: string; data: { title: string; appNo?: string }; status: string }

export async function sendOutbox(day = businessDate(now()).replace(/-/g, '')): Promise<{ sent: number; recorded: number }> {
  const items = await listOutbox(day, 500);
  const configured = Object.keys(templates()).length > 0;
  let sent = 0;
  let recorded = 0;
  for (const m of items.filter((i) => i.status === 'pending')) {
    const status = configured ? await deliver(m) : 'recorded-locally';
    await db().send(new UpdateCommand({
      TableName: table(), Key: keys.outbox(day, m.at as string, m.id as string),
      UpdateExpression: 'SET #s = :s, sentAt = :t', ConditionExpression: '#s = :p',
      ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status, ':t': now().toISOString(), ':p': 'pending' },
    })).catch(() => undefined);
    if (status === 'sent') sent++; else recorded++;
  }
  return { sent, recorded };
}

async function deliver(m: OutboxRow): Promise<string> {
  try {
    const user = await getUser(m.toUserId);
    return await sendSubscribe(user?.openid, m.template, { title: m.data?.title ?? '', appNo: m.data?.appNo, at: m.at });
  } catch (e) {
    log.error('subscribe message failed', { id: m.id, err: (e as Error).name });
    return 'failed';
  }
}

export const handler = async () => {
  const r = await sendOutbox();
  log.info('outbox', r);
  return r;
};
