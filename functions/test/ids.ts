/**
 * A valid resident ID (GB 11643 check digit) that no seeded person, no other test file and no earlier run on the same
 * store is likely to use: a random birth date from 1950 on, this file's counter, and a random sequence number.
 */
let ids = 0;
const SEQ = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function freshResidentId(): string {
  const born = new Date(Date.UTC(1950, 0, 1) + (Math.floor(Math.random() * 900) * 20 + ++ids) * 86_400_000);
  const body = `440104${born.toISOString().slice(0, 10).replace(/-/g, '')}${SEQ}`;
  return body + '10X98765432'[[...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0) % 11];
}
