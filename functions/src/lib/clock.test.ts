import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { now } from './clock';

describe('clock', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clock-')), 'clock.json');
  afterEach(() => {
    delete process.env.CLOCK_FILE;
    delete process.env.FAKE_NOW;
    process.env.STAGE = 'local';
  });

  it('follows the local clock file, and keeps running', async () => {
    const target = Date.parse('2027-02-05T01:00:00Z');
    fs.writeFileSync(file, JSON.stringify({ offsetMs: target - Date.now() }));
    process.env.CLOCK_FILE = file;
    expect(Math.abs(now().getTime() - target)).toBeLessThan(1000);
  });

  it('ignores the clock file outside the local stage', () => {
    fs.writeFileSync(file, JSON.stringify({ offsetMs: 10 * 86_400_000 }));
    process.env.CLOCK_FILE = file;
    process.env.STAGE = 'prod';
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('lets FAKE_NOW win', () => {
    process.env.FAKE_NOW = '2026-10-01T00:00:00Z';
    expect(now().toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });
});
