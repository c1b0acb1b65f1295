import fs from 'node:fs';
import { env } from './env';

/**
 * The one source of "now". Tests move it with FAKE_NOW or shiftClock; on the local stage a clock
 * file (CLOCK_FILE, written by `npm run clock`) shifts every function's time at once, so a person
 * can try deadlines, holidays and member days without waiting for them. Production ignores both.
 */
let offsetMs = 0;
let fileCache: { checkedAt: number; offsetMs: number } | undefined;

function fileOffset(): number {
  const file = process.env.CLOCK_FILE;
  if (!file || !env.isLocal) return 0;
  if (fileCache && Date.now() - fileCache.checkedAt < 250) return fileCache.offsetMs;
  let off = 0;
  try {
    off = Number((JSON.parse(fs.readFileSync(file, 'utf8')) as { offsetMs?: number }).offsetMs ?? 0) || 0;
  } catch {
    off = 0;
  }
  fileCache = { checkedAt: Date.now(), offsetMs: off };
  return off;
}

export function now(): Date {
  const fake = process.env.FAKE_NOW;
  if (fake) return new Date(fake);
  return new Date(Date.now() + offsetMs + fileOffset());
}

/** Tests only: shift the clock by some milliseconds (0 resets). */
export function shiftClock(ms: number): void {
  offsetMs = ms;
}

export const nowIso = () => now().toISOString();
