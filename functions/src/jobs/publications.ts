import { runWork, type PublicationWork } from '../publications/worker';
import { requeueUnindexed } from '../publications/sweep';
import { drainLocalQueue } from './localQueue';

/** Local stage: runs the queued 政务公开 work now (search index, subscribers' messages); in the cloud SQS runs it. */
export const drainPublications = () => drainLocalQueue('publications', (body) => runWork(body as PublicationWork).then(() => undefined));

/** The sweep (scheduled in the cloud: publications/sweep.ts): saves left unindexed 5 minutes on are queued again. */
export const sweepPublications = () => requeueUnindexed();
