import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/lib/ports';
import { startStack } from '../scripts/lib/stack';

/** The whole local stack on free ports, in memory, with a fresh H5 build; URL handed to the tests. */
export default async function setup(): Promise<void> {
  const ports = { dynamo: await freePort(), api: await freePort(), lambda: await freePort(), web: await freePort(), wechat: await freePort() };
  const stack = await startStack({ ports, buildH5: process.env.E2E_SKIP_BUILD !== '1', quiet: true });
  process.env.E2E_WEB_URL = stack.urls.web;
  process.env.E2E_API_URL = stack.urls.api;
  process.env.E2E_DYNAMO_URL = stack.urls.dynamo;
  process.env.E2E_STREAMS_URL = stack.urls.streams;
  process.env.E2E_CLOCK_FILE = stack.clockFile;
  // DOM errors any page logs, in any test file (browser.ts writes them, globalTeardown fails the run on them)
  process.env.E2E_DOM_ERRORS = path.join(os.tmpdir(), `yx-e2e-dom-errors-${process.pid}.log`);
  fs.rmSync(process.env.E2E_DOM_ERRORS, { force: true });
  (globalThis as { __STACK__?: { stop: () => Promise<void> } }).__STACK__ = stack;
}
