/**
 * npm test: every test in the repo, in one jest run — pure units (shared), API tests against
 * DynamoDB Local (functions), component tests (miniapp), build checks (weapp validity, the
 * production serverless package) and browser tests of the H5 build in Chromium (e2e).
 * Servers start on free ports and stop at the end. Prints one closing line: "Total: N passed, M failed".
 * Extra arguments go to jest (e.g. npm test -- --selectProjects shared functions).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const report = path.join(ROOT, '.cache/jest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

const extra = process.argv.slice(2);
// Two runs when no projects are chosen: everything else in parallel, then the browser tests on a quiet machine
// (two cores: builds and type checks next to serverless-offline's cold workers make timings swing).
const runs: string[][] = extra.some((a) => a.startsWith('--selectProjects'))
  ? [extra]
  : [
      ['--selectProjects', 'shared', 'functions', 'miniapp', 'build', ...extra],
      ['--selectProjects', 'e2e', '--runInBand', ...extra],
    ]; // one stack, one shared clock: browser tests one at a time

let passed = 0;
let failed = 0;
let status = 0;
/** Each failed test in a line or four, printed again at the very end: a long log's tail still says what broke. */
const failures: string[] = [];
const strip = (t: string) => t.replace(/\u001b\[[0-9;]*m/g, '');

type Report = {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults?: { name: string; message?: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[];
};
runs.forEach((runArgs, i) => {
  const out = report.replace('.json', `-${i}.json`);
  fs.rmSync(out, { force: true });
  const workers = runArgs.includes('--runInBand') ? [] : ['--maxWorkers=2'];
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/jest'), ['--ci', ...workers, '--json', `--outputFile=${out}`, ...runArgs], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  });
  try {
    const j = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
    for (const suite of j.testResults ?? []) {
      const file = path.relative(ROOT, suite.name);
      const failedTests = suite.assertionResults.filter((a) => a.status === 'failed');
      for (const a of failedTests) {
        const why = strip(a.failureMessages?.join('\n') ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .slice(0, 3);
        failures.push(`✗ ${file} › ${a.fullName}\n    ${why.join('\n    ')}`);
      }
      if (!failedTests.length && suite.message)
        failures.push(`✗ ${file} (did not run)\n    ${strip(suite.message).trim().split('\n').slice(0, 3).join('\n    ')}`);
    }
    passed += j.numPassedTests;
    failed += j.numFailedTests + j.numRuntimeErrorTestSuites;
  } catch {
    failed += 1; // jest did not even write its report
  }
  if ((r.status ?? 1) !== 0) status = r.status ?? 1;
});
if (status !== 0 && failed === 0) failed = 1;
if (failures.length) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`\nTotal: ${passed} passed, ${failed} failed`);
process.exit(status);
