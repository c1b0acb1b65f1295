import { runWork, type PublicationWork } from '../publications/worker';
import { drainLocalQueue } from './localQueue';

/** Local stage: runs the queued 政务公开 work now (search index, subscribers' messages); in the cloud SQS runs it. */
export const drainPublications = () => drainLocalQueue('publications', (body) => runWork(body as PublicationWork).then(() => undefined));
