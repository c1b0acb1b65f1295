/** Requests fired at the same moment from this process, each timed as the person who sent it would feel it. */
import type { Meter } from '../../../functions/src/lib/meter';
import { costOf } from './cost';

export interface Shot {
  ms: number;
  status: number;
  /** performance.now() when the answer had been read */
  at: number;
  body: string;
  cost?: Meter;
}

export async function shoot(send: () => Promise<Response>): Promise<Shot> {
  const t = performance.now();
  try {
    const r = await send();
    const body = await r.text();
    const at = performance.now();
    return { ms: at - t, status: r.status, at, body, cost: costOf(r) };
  } catch {
    const at = performance.now();
    return { ms: at - t, status: 0, at, body: '' };
  }
}

/** `n` requests fired at the same moment. */
export const wave = (n: number, fire: (i: number) => Promise<Response>) => Promise.all(Array.from({ length: n }, (_, i) => shoot(() => fire(i))));

export const statusesOf = (shots: readonly Shot[]) => {
  const m = new Map<number, number>();
  for (const s of shots) m.set(s.status, (m.get(s.status) ?? 0) + 1);
  return m;
};
