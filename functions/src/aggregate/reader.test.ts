/**
 * The local stream reader (scripts/lib/streams.ts, Lambda's event source for the aggregator) against DynamoDB
 * Local's own quirks, on tables of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTable } from '../../../scripts/lib/dynamo';
import { startStreamReader } from '../../../scripts/lib/streams';
import { batchPut } from '../guide/repository';

const endpoint = () => process.env.DYNAMODB_ENDPOINT!;

async function putIn(table: string, items: Record<string, unknown>[]) {
  const was = process.env.TABLE_NAME;
  process.env.TABLE_NAME = table;
  try {
    await batchPut(items);
  } finally {
    process.env.TABLE_NAME = was;
  }
}

describe('local stream reader', () => {
  it('goes on reading a table whose shard was empty when another table wrote first (Local numbers records across tables)', async () => {
    const [watched, other] = ['yx-test-reader-a', 'yx-test-reader-b'];
    await ensureTable(endpoint(), watched);
    await ensureTable(endpoint(), other);
    const seen: string[] = [];
    const reader = await startStreamReader({
      endpoint: endpoint(),
      table: watched,
      deadLetterFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yx-reader-')), 'dead-letters.jsonl'),
      pollMs: 50,
      handle: async (event) => {
        for (const r of event.Records) seen.push(String(r.dynamodb?.Keys?.pk?.S));
        return { state: {} };
      },
    });
    try {
      // two passes: the reader has taken its iterator on the watched table's empty shard and read nothing with it
      while (reader.passes() < 2) await new Promise((r) => setTimeout(r, 20));
      await putIn(
        other,
        [0, 1, 2, 3, 4].map((i) => ({ pk: `OTHER#${i}`, sk: 'X' })),
      );
      await putIn(watched, [{ pk: 'MINE#1', sk: 'X' }]);
      await reader.settle(15_000);
      expect(seen).toContain('MINE#1');
      expect(seen.filter((pk) => pk.startsWith('OTHER#'))).toEqual([]);
    } finally {
      await reader.stop();
    }
  });
});
