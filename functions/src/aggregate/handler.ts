import { unmarshall } from '@aws-sdk/util-dynamodb';
import { log } from '../lib/log';
import { changeCounts } from './contributions';
import { addChanges, type CountedChange } from './repository';

/** A row as the stream carries it (DynamoDB's attribute-value JSON). */
type Image = Parameters<typeof unmarshall>[0];

/** The part of a DynamoDB stream record the aggregator reads (Lambda's event and GetRecords give the same shape). */
export interface StreamRecord {
  eventID?: string;
  eventName?: string;
  dynamodb?: {
    ApproximateCreationDateTime?: number | string | Date;
    NewImage?: Image;
    OldImage?: Image;
    SequenceNumber?: string;
  };
}

const image = (img: Image | undefined) => (img ? unmarshall(img) : undefined);

/** One record's deltas; a record whose rows do not parse throws, so its batch is retried and, at last, dead-lettered. */
export function toChange(r: StreamRecord, at: string): CountedChange {
  if (!r.eventID) throw new Error('stream record without eventID');
  return { eventId: r.eventID, at, deltas: changeCounts(image(r.dynamodb?.OldImage), image(r.dynamodb?.NewImage)) };
}

/**
 * DynamoDB Streams → counters (dashboards, member figures, benefits' redeemed counts), after each change has
 * committed, so no request's transaction holds a row the whole district shares. Locally scripts/lib/streams.ts
 * reads DynamoDB Local's stream and calls this the way Lambda does. A failure throws: the batch is retried, split,
 * and a record that still fails goes to the dead-letter queue; the `Counted` marks make every retry safe.
 */
export const handler = async (event: { Records?: StreamRecord[] }) => {
  const at = new Date().toISOString();
  const changes = (event.Records ?? []).map((r) => toChange(r, at));
  const r = await addChanges(changes);
  if (r.added || r.skipped) log.info('counters added', { records: changes.length, added: r.added, skipped: r.skipped });
  return r;
};
