import { createHmac } from 'node:crypto';
import { env } from '../lib/env';

/**
 * 工单编号 shown to residents: SQ, the business date and 8 digits that do not follow the filing order. The day's
 * sequence (allocated as before, so numbers never collide) goes through a keyed permutation of 0…99,999,999 (a
 * four-round Feistel network on two 4-digit halves, rounds keyed by HMAC with the stage's secret and the day): one
 * number tells nothing about the next, and a guessed number names a real order about once in 100,000 tries at a
 * thousand orders a day.
 */
const HALF = 10_000;
const ROUNDS = 4;

function round(day: string, r: number, half: number): number {
  const mac = createHmac('sha256', env.piiHashSecret).update(`wo-no|${day}|${r}|${half}`).digest();
  return mac.readUInt32BE(0) % HALF;
}

/** The 8-digit tail for the day's `seq` (0 ≤ seq < 10^8): a bijection, so distinct sequences give distinct tails. */
export function orderTail(day: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq >= HALF * HALF) throw new Error('work-order sequence out of range');
  let left = Math.floor(seq / HALF);
  let right = seq % HALF;
  for (let r = 0; r < ROUNDS; r++) [left, right] = [right, (left + round(day, r, right)) % HALF];
  return String(left * HALF + right).padStart(8, '0');
}
