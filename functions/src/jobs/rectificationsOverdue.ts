import { markOverdueRectifications } from '../backoffice/rectifications';
import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';

/** Daily at 00:55 Asia/Shanghai: open 差评整改 past their due date are marked overdue and escalated, once each. */
export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await markOverdueRectifications();
  log.info('rectifications overdue', { count: r.escalated.length });
  return r;
};
