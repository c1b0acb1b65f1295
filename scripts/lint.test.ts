import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** ESLint and Prettier over the whole repo, as `npm run lint` runs them: zero warnings, nothing unformatted. */
const ROOT = path.resolve(__dirname, '..');
const run = (bin: string, args: string[]) => spawnSync(path.join(ROOT, 'node_modules/.bin', bin), args, { cwd: ROOT, encoding: 'utf8' });

jest.setTimeout(240_000);

describe('lint', () => {
  it('has no ESLint errors or warnings', () => {
    const r = run('eslint', ['--max-warnings', '0', '--format', 'unix', '.']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .filter((l) => l.includes(':')),
    ).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('is formatted by Prettier', () => {
    const r = run('prettier', ['--list-different', '.']);
    expect(r.stdout.trim().split('\n').filter(Boolean)).toEqual([]);
    expect(r.status).toBe(0);
  });
});
