import { cancellationReasons, table, transact } from '../lib/db';
import { counterItems } from '../lib/repository';
import { Counted } from '../lib/entities/counters';
import { parts, type WindowState } from './window';

/**
 * The aggregator's writes: a window's counter rows, each part in one transaction with its `Counted` mark
 * (AGG#<shard>#<first sequence number>#<part>), so a final invocation that Lambda retries adds nothing twice.
 */

/** Items per transaction: DynamoDB's limit, one of them the mark. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Whether a transaction was refused because its mark is already there (that part was written before). */
const writtenBefore = (e: unknown) => Boolean(cancellationReasons(e)?.includes('ConditionalCheckFailed'));

/** Adds a finished window's sums once. Returns how many parts were written now and how many had been before. */
export async function addWindow(shardId: string, state: WindowState, at: string): Promise<{ added: number; skipped: number }> {
  let added = 0;
  let skipped = 0;
  if (!state.first) return { added, skipped };
  for (const part of parts(state, MAX_TRANSACTION_ITEMS - 1)) {
    try {
      await transact([
        { Put: { TableName: table(), Item: Counted.toItem(`${shardId}#${state.first}#${part.id}`, at), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...counterItems(part.deltas),
      ]);
      added++;
    } catch (e) {
      if (!writtenBefore(e)) throw e;
      skipped++;
    }
  }
  return { added, skipped };
}
