import { settleAt } from '../../scripts/lib/streams';

/**
 * Counters are added after each change commits, by the aggregator reading the table's stream (functions/src/aggregate;
 * the test run's reader is started in globalSetup). Call this before reading a dashboard or figures: it resolves once
 * every change written before the call has been counted.
 */
export async function countersSettled(): Promise<void> {
  const url = process.env.STREAMS_URL;
  if (!url) throw new Error('STREAMS_URL is not set: the functions project globalSetup starts the stream reader');
  await settleAt(url);
}
