import { deemOverdueOpinions } from '../backoffice/opinions';
import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';

/** Daily at 00:40 Asia/Shanghai: 逾期不复视为无意见. Its own entry, so the bundle holds only what the job runs. */
export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await deemOverdueOpinions();
  log.info('opinions deemed', { count: r.deemed.length });
  return r;
};
