import { cancellationReasons, table, transact } from '../lib/db';
import { counterItems } from '../lib/repository';
import { Counted } from '../lib/entities/counters';
import { CounterDeltas } from '../lib/counters';

/**
 * The aggregator's writes: each stream record's deltas go in with its `Counted` mark (AGG#<eventID>) in one
 * transaction, so a record delivered twice (a retried batch, two readers) is added once. Records of a batch are
 * merged into as few transactions as the item limit allows; a transaction refused because a mark exists is
 * split, record by record, and the records already counted are skipped.
 */
export interface CountedChange {
  eventId: string;
  at: string;
  deltas: CounterDeltas;
}

/** Items per transaction: as many as DynamoDB allows, so a busy second costs the store as few transactions as it can. */
export const MAX_TRANSACTION_ITEMS = 100;

function chunks(changes: CountedChange[]): CountedChange[][] {
  const out: CountedChange[][] = [];
  let current: CountedChange[] = [];
  let rows = new Set<string>();
  for (const c of changes) {
    const own = c.deltas.rows().map((r) => `${r.key.pk}|${r.key.sk}`);
    const merged = new Set([...rows, ...own]);
    if (current.length && current.length + 1 + merged.size > MAX_TRANSACTION_ITEMS) {
      out.push(current);
      current = [];
      rows = new Set(own);
    } else rows = merged;
    current.push(c);
  }
  if (current.length) out.push(current);
  return out;
}

async function write(group: CountedChange[]): Promise<void> {
  const merged = new CounterDeltas();
  for (const c of group) merged.merge(c.deltas);
  await transact([
    ...group.map((c) => ({ Put: { TableName: table(), Item: Counted.toItem(c.eventId, c.at), ConditionExpression: 'attribute_not_exists(pk)' } })),
    ...counterItems(merged),
  ]);
}

/** Whether a transaction was refused because a mark is already there (the record was counted before). */
const countedBefore = (e: unknown) => Boolean(cancellationReasons(e)?.includes('ConditionalCheckFailed'));

/** Adds the changes' deltas once each. Returns how many were added now and how many had been before. */
export async function addChanges(changes: CountedChange[]): Promise<{ added: number; skipped: number }> {
  let added = 0;
  let skipped = 0;
  for (const group of chunks(changes.filter((c) => !c.deltas.isEmpty))) {
    try {
      await write(group);
      added += group.length;
      continue;
    } catch (e) {
      if (!countedBefore(e)) throw e;
    }
    // some of the group were counted before: one by one, skipping those
    for (const c of group) {
      try {
        await write([c]);
        added++;
      } catch (e) {
        if (!countedBefore(e)) throw e;
        skipped++;
      }
    }
  }
  return { added, skipped };
}
