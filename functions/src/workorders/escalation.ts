import { beijingTime, STREETS } from '@yx/shared';
import { now } from '../lib/clock';
import { log } from '../lib/log';
import { markEscalated, NO_STREET, streetList, type WorkOrderRecord } from './repository';
import { coldStart } from '../lib/secrets';

/** Unclaimed orders whose claim time has run out, street by street (one Query per street, most overdue first). */
export async function overdueUnclaimed(at = now().toISOString()): Promise<WorkOrderRecord[]> {
  const pages = await Promise.all([...STREETS.map((s) => s.id), NO_STREET].map((street) => streetList(street, 'todo', 100, undefined, at)));
  return pages.flatMap((p) => p.items).filter((w) => w.state === 'dispatched');
}

/**
 * An order nobody claimed in time escalates to its street's dispatcher (once): an event in its trail and
 * a flag the dispatcher's list shows. Runs every few minutes (and with `npm run jobs` locally).
 */
export async function escalateUnclaimed(): Promise<{ escalated: string[] }> {
  const escalated: string[] = [];
  const at = now().toISOString();
  for (const w of await overdueUnclaimed(at)) {
    if (w.escalatedAt) continue;
    try {
      await markEscalated(w, {
        at,
        actor: '系统',
        role: 'system',
        action: '超时未签收，已提请街道调度',
        note: `${w.teamName} 应于 ${beijingTime(w.claimBy)} 前签收`,
      });
      escalated.push(w.no);
    } catch (e) {
      log.error('escalation skipped', { no: w.no, err: (e as Error).name }); // claimed at the same moment
    }
  }
  return { escalated };
}

export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await escalateUnclaimed();
  log.info('work orders escalated', { count: r.escalated.length });
  return r;
};
