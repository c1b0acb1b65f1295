import { businessDate } from '@yx/shared';
import { getUser } from '../lib/repository';
import { listOutbox, markOutbox, pendingOutbox } from '../messages/repository';
import type { OutboxRecord } from '../lib/entities/messages';
import { sendSubscribe, templates } from './subscribe';
import { log } from '../lib/log';
import { now } from '../lib/clock';
import { coldStart } from '../lib/secrets';

/**
 * Sends the subscribe messages (订阅消息) recorded in the outbox through WeChat's subscribeMessage.send,
 * with the template configured for each kind of change (WECHAT_TEMPLATES, see subscribe.ts). Without any
 * templates (the local stage) nothing leaves the machine: records are marked 'recorded-locally' and stay
 * visible to admins.
 */
export { listOutbox };

/** Sends what is pending from today and yesterday (a record written just before midnight is not left behind). */
export async function sendOutbox(day = businessDate(now()).replace(/-/g, '')): Promise<{ sent: number; recorded: number }> {
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
  const yesterday = new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const configured = Object.keys(templates()).length > 0;
  let sent = 0;
  let recorded = 0;
  for (const d of [yesterday, day]) {
    for (const m of await pendingOutbox(d)) {
      const status = configured ? await deliver(m) : 'recorded-locally';
      await markOutbox(m, status, now().toISOString());
      if (status === 'sent') sent++;
      else recorded++;
    }
  }
  return { sent, recorded };
}

async function deliver(m: OutboxRecord): Promise<string> {
  try {
    const user = await getUser(m.toUserId);
    return await sendSubscribe(user?.openid, m.template, { title: m.data?.title ?? '', appNo: m.data?.appNo, at: m.at });
  } catch (e) {
    log.error('subscribe message failed', { id: m.id, err: (e as Error).name });
    return 'failed';
  }
}

export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await sendOutbox();
  log.info('outbox', r);
  return r;
};
