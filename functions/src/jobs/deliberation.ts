import { log } from '../lib/log';
import { coldStart } from '../lib/secrets';
import { countClosedVotes } from '../deliberation/count';

/**
 * 居民议事 (issue 19): the final count of every vote closed more than a minute ago, every 5 minutes (locally by
 * `npm run jobs`, every minute under `npm start`). A first reader of a closed topic makes the same count if it comes
 * first; the count is stored once either way.
 */
export const handler = async () => {
  await coldStart();
  const r = await countClosedVotes();
  log.info('deliberation count', r);
  return r;
};
