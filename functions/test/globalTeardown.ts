export default async function globalTeardown(): Promise<void> {
  const pid = (globalThis as { __DDB_PID__?: number }).__DDB_PID__;
  if (pid) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
