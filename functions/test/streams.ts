import { SETTLE_TIMEOUT_MS, settleAt } from '../../scripts/lib/streams';

/**
 * The timeout of a test that waits for the counters: the reader may have a backlog to count on a busy machine
 * (builds beside API tests), and settle() alone may take up to SETTLE_TIMEOUT_MS.
 */
export const COUNTERS_TEST_TIMEOUT = SETTLE_TIMEOUT_MS + 60_000;

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
