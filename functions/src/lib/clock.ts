/**
 * The one source of "now". Tests (and the local stack, through FAKE_NOW) move it to try
 * deadlines, holidays and member days without waiting for them.
 */
let offsetMs = 0;

export function now(): Date {
  const fake = process.env.FAKE_NOW;
  if (fake) return new Date(fake);
  return new Date(Date.now() + offsetMs);
}

/** Tests only: shift the clock by some milliseconds (0 resets). */
export function shiftClock(ms: number): void {
  offsetMs = ms;
}

export const nowIso = () => now().toISOString();
