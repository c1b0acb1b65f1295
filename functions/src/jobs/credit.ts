import { runGradeWork, sweepExpiredRecords, type GradeMessage } from '../credit/grade';
import { drainLocalQueue } from './localQueue';

/** Local stage: recomputes the grades queued (a repair approved, a record expired); in the cloud SQS runs the worker. */
export const drainCredit = () => drainLocalQueue('credit', (body) => runGradeWork(body as GradeMessage));

/** The daily sweep: penalties whose maximum publication period is over leave by themselves. */
export const sweepCredit = (day?: string) => sweepExpiredRecords(day);
