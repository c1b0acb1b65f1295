import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { STREETS, streetName, WO_STATE_NAMES } from '@yx/shared';
import { db, table } from '../lib/db';
import { now } from '../lib/clock';
import { log } from '../lib/log';
import { loadCatalog } from '../guide/repository';
import type { WorkOrderRecord } from './repository';

/** Every team that can hold orders: the departments and the streets' grid teams. */
async function allTeams(): Promise<string[]> {
  const { departments } = await loadCatalog();
  return [...departments.map((d) => `dept:${d.id}`), ...STREETS.map((s) => `grid:${s.id}`)];
}

/** Unclaimed orders whose claim time has run out, in every team's queue (one Query per team). */
export async function overdueUnclaimed(at = now().toISOString()): Promise<WorkOrderRecord[]> {
  const pages = await Promise.all((await allTeams()).map((t) => db().send(new QueryCommand({
    TableName: table(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :now',
    ExpressionAttributeValues: { ':pk': `TEAM#${t}`, ':now': at }, Limit: 100,
  }))));
  return pages.flatMap((p) => (p.Items ?? []) as WorkOrderRecord[]).filter((w) => w.state === 'dispatched');
}

/**
 * An order nobody claimed in time escalates to its street's dispatcher (once): an event in its trail and
 * a flag the dispatcher's list shows. Runs every few minutes (and with `npm run jobs` locally).
 */
export async function escalateUnclaimed(): Promise<{ escalated: string[] }> {
  const escalated: string[] = [];
  const at = now().toISOString();
  for (const w of await overdueUnclaimed(at)) {
    if ((w as WorkOrderRecord & { escalatedAt?: string }).escalatedAt) continue;
    try {
      await db().send(new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: table(), Key: { pk: `WO#${w.no}`, sk: 'WO' }, UpdateExpression: 'SET escalatedAt = :at', ConditionExpression: '#s = :d AND attribute_not_exists(escalatedAt)', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':at': at, ':d': 'dispatched' } } },
          { Put: { TableName: table(), Item: { pk: `WO#${w.no}`, sk: `EVT#${at}#esc`, entity: 'WoEvent', at, actor: '系统', role: 'system', action: '超时未签收，已提请街道调度', note: `${w.teamName} 应于 ${w.claimBy.slice(0, 16).replace('T', ' ')} 前签收` } } },
        ],
      }));
      escalated.push(w.no);
    } catch (e) {
      log.error('escalation skipped', { no: w.no, err: (e as Error).name }); // claimed at the same moment
    }
  }
  return { escalated };
}

/** 街道调度: the street's orders that are overdue to claim (escalated first). */
export async function streetOverdue(street: string) {
  const items = (await overdueUnclaimed()).filter((w) => w.street === street);
  return {
    street: streetName(street) ?? street,
    items: items.map((w) => ({ no: w.no, category: w.categoryPath, teamName: w.teamName, claimBy: w.claimBy, stateName: WO_STATE_NAMES[w.state], escalated: Boolean((w as WorkOrderRecord & { escalatedAt?: string }).escalatedAt), affected: w.affected })),
  };
}

export const handler = async () => {
  const r = await escalateUnclaimed();
  log.info('work orders escalated', { count: r.escalated.length });
  return r;
};
