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
  return (r.Items ?? []).map(rowOf);
}

const rowOf = ({ id, at, toUserId, template, data, status }: Record<string, unknown>) => ({ id, at, toUserId, template, data, status }) as OutboxRow;

/** Every pending record of a day (Asia/Shanghai), oldest first, page by page: a job, not a request. */
async function pendingOf(day: string): Promise<OutboxRow[]> {
  const out: OutboxRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await db().send(new QueryCommand({
      TableName: table(), KeyConditionExpression: 'pk = :pk', FilterExpression: '#s = :p', ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': keys.outbox(day, '', '').pk, ':p': 'pending' }, ExclusiveStartKey: start,
    }));
    out.push(...(r.Items ?? []).map(rowOf));
    start = r.LastEvaluatedKey;
  } while (start && out.length < 5000);
  return out;
}

interface OutboxRow { id: string; at: string; toUserId: string; template: string; data: { title: string; appNo?: string }; status: string }

/** Sends what is pending from today and yesterday (a record written just before midnight is not left behind). */
export async function sendOutbox(day = businessDate(now()).replace(/-/g, '')): Promise<{ sent: number; recorded: number }> {
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
  const yesterday = new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const configured = Object.keys(templates()).length > 0;
  let sent = 0;
  let recorded = 0;
  for (const d of [yesterday, day]) {
    for (const m of await pendingOf(d)) {
      const status = configured ? await deliver(m) : 'recorded-locally';
      await db().send(new UpdateCommand({
        TableName: table(), Key: keys.outbox(d, m.at, m.id),
        UpdateExpression: 'SET #s = :s, sentAt = :t', ConditionExpression: '#s = :p',
        ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': status, ':t': now().toISOString(), ':p': 'pending' },
      })).catch(() => undefined);
      if (status === 'sent') sent++; else recorded++;
    }
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
