import fs from 'node:fs';

export default async function teardown(): Promise<void> {
  await (globalThis as { __STACK__?: { stop: () => Promise<void> } }).__STACK__?.stop();
  // issue 14: `insertBefore NotFoundError` was logged again and again in normal use; any such error fails the run
  const file = process.env.E2E_DOM_ERRORS;
  const logged = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  if (file) fs.rmSync(file, { force: true });
  if (logged) throw new Error(`The pages logged DOM errors:\n${logged}`);
}
