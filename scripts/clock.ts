/**
 * Moves the local stack's clock (every function at once): npm run clock -- 2026-12-10T09:00:00+08:00
 * `npm run clock -- reset` goes back to real time. Only the local stage reads the clock file.
 */
import fs from 'node:fs';
import path from 'node:path';

const file = process.env.CLOCK_FILE ?? path.resolve(__dirname, '../.data/clock.json');
const arg = process.argv[2];
if (!arg || arg === 'reset') {
  fs.rmSync(file, { force: true });
  console.log('clock: real time');
} else {
  const t = Date.parse(arg);
  if (Number.isNaN(t)) {
    console.error('给一个时间，例如 2026-12-10T09:00:00+08:00');
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ offsetMs: t - Date.now() }));
  console.log(`clock: ${new Date(t).toISOString()} (and running)`);
}
