import { unmarshall, type convertToNative } from '@aws-sdk/util-dynamodb';
import { log } from '../lib/log';
import { changeCounts } from './contributions';
import { addWindow } from './repository';
import { foldAll, parseState, type WindowState } from './window';
import { coldStart } from '../lib/secrets';
import { markFilesUsed } from '../files/repository';
import { filesPutToUse } from '../files/uses';

/** A row as the stream carries it (DynamoDB's attribute-value JSON). */
type Image = Record<string, Parameters<typeof convertToNative>[0]>;

/** The part of a DynamoDB stream record the aggregator reads (Lambda's event and GetRecords give the same shape). */
export interface StreamRecord {
  eventID?: string;
  eventName?: string;
  dynamodb?: {
    ApproximateCreationDateTime?: number | string | Date;
    Keys?: Image;
    NewImage?: Image;
    OldImage?: Image;
    SequenceNumber?: string;
  };
}

/** Lambda's event for a stream with a tumbling window (serverless.yml `tumblingWindowInSeconds`). */
export interface WindowEvent {
  Records?: StreamRecord[];
  shardId?: string;
  window?: { start: string; end: string };
  state?: unknown;
  isFinalInvokeForWindow?: boolean;
  isWindowTerminatedEarly?: boolean;
}

const image = (img: Image | undefined) => (img ? unmarshall(img) : undefined);

/** The records folded into the state; a record whose rows do not parse throws, so the batch is retried and, at last, dead-lettered. */
export function foldRecords(state: WindowState, records: StreamRecord[]): WindowState {
  const changes = records.map((r) => {
    const seq = r.dynamodb?.SequenceNumber;
    if (!seq) throw new Error('stream record without SequenceNumber');
    return { seq, deltas: changeCounts(image(r.dynamodb?.OldImage), image(r.dynamodb?.NewImage)) };
  });
  return foldAll(state, changes);
}

/**
 * Files that the batch's rows put to use leave the unused index (files/uses.ts), so the files sweep keeps them. On every
 * invocation, not once per window: the mark is idempotent, and a failure retries the batch.
 */
async function markUses(records: StreamRecord[]): Promise<void> {
  const uses = records.map((r) => filesPutToUse(image(r.dynamodb?.OldImage), image(r.dynamodb?.NewImage))).filter((u) => u !== undefined);
  for (const u of uses) await markFilesUsed(u.fileIds, u.ref);
}

/**
 * DynamoDB Streams → counters (dashboards, member figures, benefits' redeemed counts), after each change has
 * committed, so no request's transaction holds a row the whole district shares. Lambda's tumbling window carries
 * the sums between invocations of a shard; the window's final invocation writes them, once (the marks make a
 * retried final invocation safe). Locally scripts/lib/streams.ts reads DynamoDB Local's stream and calls this the
 * way Lambda does. A failure throws: the batch is retried with the state it came with, split, and a record that
 * still fails goes to the dead-letter queue.
 */
export const handler = async (event: WindowEvent): Promise<{ state: WindowState }> => {
  await coldStart(); // the data keys: the records' personal fields are sealed
  await markUses(event.Records ?? []);
  const state = foldRecords(parseState(event.state), event.Records ?? []);
  if (!event.isFinalInvokeForWindow) return { state };
  if (!event.shardId) throw new Error('final window invocation without shardId');
  const r = await addWindow(event.shardId, state, new Date().toISOString());
  if (r.added || r.skipped) log.info('counters added', { rows: state.rows.length, parts: r.added, skipped: r.skipped });
  return { state: { rows: [] } };
};
