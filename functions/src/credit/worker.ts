import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';
import { runGradeWork, sweepExpiredRecords, type GradeMessage } from './grade';

/** The credit worker (SQS in the cloud, table rows locally): each message a firm whose grade is recomputed. */
export async function handler(event: SQSEvent, _context?: Context): Promise<SQSBatchResponse> {
  await coldStart();
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await runGradeWork(JSON.parse(record.body) as GradeMessage);
    } catch (e) {
      log.error('credit work failed', { messageId: record.messageId, err: (e as Error).name });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}

/** The daily sweep (scheduled): penalties past their maximum period leave the public profile, grades follow. */
export const sweepHandler = async () => {
  await coldStart();
  const r = await sweepExpiredRecords();
  log.info('credit sweep', r);
  return r;
};
