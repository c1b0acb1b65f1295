import { autoSupervise, escalateOverdueSupervisions } from '../backoffice/supervision';
import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';

/**
 * Daily at 00:50 Asia/Shanghai: 督办 whose reply is overdue go up to the district, then red applications nobody
 * supervised go on the 督办 list by themselves (自动督办). Both write only what is not there yet: a second run adds nothing.
 */
export async function runSupervisionJob() {
  const escalated = await escalateOverdueSupervisions();
  const auto = await autoSupervise();
  return { escalated: escalated.escalated, supervised: auto.supervised };
}

export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await runSupervisionJob();
  log.info('supervision job', { escalated: r.escalated.length, supervised: r.supervised.length });
  return r;
};
