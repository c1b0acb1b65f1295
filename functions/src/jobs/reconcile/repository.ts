import { ScanCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../lib/db';
import type { CounterDeltas } from '../../lib/counters';
import { counterItems } from '../../lib/repository';

/** The reconciliation job's reads and writes: the only Scan in the code (a nightly job, never a request). */

/** Every row of the table, read by `segments` parallel Scans, handed to `visit` page by page. */
export async function scanRows(visit: (row: Record<string, unknown>) => void, segments = 4): Promise<number> {
  let rows = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const r = await db().send(new ScanCommand({ TableName: table(), Segment: segment, TotalSegments: segments, ExclusiveStartKey: start }));
        for (const row of r.Items ?? []) visit(row);
        rows += r.Items?.length ?? 0;
        start = r.LastEvaluatedKey;
      } while (start);
    }),
  );
  return rows;
}

/** Corrections: plain ADDs, row by row (the aggregator may be adding to the same rows meanwhile; ADDs commute). */
export async function addToRows(deltas: CounterDeltas): Promise<void> {
  for (const item of counterItems(deltas) as { Update: UpdateCommandInput }[]) await db().send(new UpdateCommand(item.Update));
}
