import { tooManyRequests } from './errors';
import { countInWindow, giveBackToWindow, rateWindowCount, takeFromWindow } from './repository';
import { now } from './clock';

/**
 * Fixed-window counters in the table (one row per client and window, expiring by TTL).
 * `guard` refuses when the window is already full; `hit` counts one more event; `take` does both in one conditional
 * write, for limits that must hold under concurrent requests.
 */
export function limiter(bucket: string, opts: { limit: number; windowSeconds: number; message: string }) {
  const windowOf = () => String(Math.floor(now().getTime() / 1000 / opts.windowSeconds));
  return {
    async guard(client: string): Promise<void> {
      if ((await rateWindowCount(`${bucket}#${client}`, windowOf())) >= opts.limit) throw tooManyRequests(opts.message);
    },
    hit(client: string): Promise<number> {
      return countInWindow(`${bucket}#${client}`, windowOf(), Math.floor(now().getTime() / 1000) + opts.windowSeconds * 2);
    },
    /** Takes a try atomically (refused with 429 when the window is full); returns how to give it back. */
    async take(client: string): Promise<() => Promise<void>> {
      const window = windowOf();
      if (!(await takeFromWindow(`${bucket}#${client}`, window, Math.floor(now().getTime() / 1000) + opts.windowSeconds * 2, opts.limit))) {
        throw tooManyRequests(opts.message);
      }
      return () => giveBackToWindow(`${bucket}#${client}`, window);
    },
  };
}
