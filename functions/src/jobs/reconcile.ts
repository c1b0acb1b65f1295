import { reconcile } from './reconcile/rebuild';
import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';

/**
 * Nightly 对账 (03:00 Asia/Shanghai): rebuilds the counters from the records and reports drift; repairs it when
 * RECONCILE_FIX=1 (locally: `npm run reconcile -- --fix`). Its own entry, so the bundle holds only what it runs.
 */
export const handler = async () => {
  await coldStart(); // secrets and personal-data keys
  const r = await reconcile({ fix: process.env.RECONCILE_FIX === '1' });
  const fields = { rows: r.rows, counters: r.counters, drift: r.drift.length, lostUnits: r.lostUnits.length, unreadable: r.unreadable.length, fixed: r.fixed };
  if (r.drift.length || r.lostUnits.length || r.unreadable.length)
    log.error('counters drift', { ...fields, sample: r.drift.slice(0, 20), units: r.lostUnits.slice(0, 20) });
  else log.info('counters reconciled', fields);
  return { ...fields, sample: r.drift.slice(0, 20) };
};
