export default async function teardown(): Promise<void> {
  await (globalThis as { __STACK__?: { stop: () => Promise<void> } }).__STACK__?.stop();
}
