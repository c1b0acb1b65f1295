import { runWork, type PolicyWork } from '../policies/batch';
import { drainLocalQueue } from './localQueue';

/** Local stage: runs the queued 数据比对 shards now (npm run jobs, the tests); in the cloud SQS runs them. */
export const drainPolicyMatches = () => drainLocalQueue('policyMatch', (body) => runWork(body as PolicyWork).then(() => undefined));
