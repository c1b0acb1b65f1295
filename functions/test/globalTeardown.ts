export default async function globalTeardown(): Promise<void> {
  for (const name of ['__STREAMS_PID__', '__DDB_PID__'] as const) {
    const pid = (globalThis as Record<string, number | undefined>)[name];
    if (!pid) continue;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
