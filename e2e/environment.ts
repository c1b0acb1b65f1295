/**
 * The browser tests' environment: node, plus a report when a test fails. A step that times out on CI says only which
 * locator it waited for; what the page showed then (its address, its visible text, a screenshot) says why.
 * browser.ts puts the dump on the test's global (`__e2eDumpPages`); this calls it on the failure, before the pages close.
 */
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

type Dump = (testName: string) => Promise<void>;

export default class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure') return;
    const dump = (this.global as { __e2eDumpPages?: Dump }).__e2eDumpPages;
    if (dump) await dump(event.test.name).catch((e: unknown) => console.log(`(no failure report: ${String(e)})`));
  }
}
