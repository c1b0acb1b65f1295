/**
 * The local stack's stream reader as its own process (the aggregator's Lambda, locally): reads the table's stream
 * and calls functions/src/aggregate/handler.ts. POST /settle on STREAMS_PORT answers once every change written
 * before the request has been counted (tests and the bench wait on it instead of sleeping).
 */
import http from 'node:http';
import { handler, type WindowEvent } from '../functions/src/aggregate/handler';
import { issueNotices } from '../functions/src/certificates/noticesHandler';
import { startStreamReader } from './lib/streams';

async function main() {
  const endpoint = process.env.DYNAMODB_ENDPOINT!;
  const table = process.env.TABLE_NAME!;
  const reader = await startStreamReader({
    endpoint,
    table,
    // the aggregator, and the formal notices of the applications' decisions (in the cloud, two functions on the stream)
    handle: async (event: WindowEvent) => {
      const out = await handler(event);
      await issueNotices(event.Records ?? []).catch((e: Error) =>
        console.error(JSON.stringify({ level: 'error', msg: 'notice failed', err: e.name, stack: e.stack?.split('\n').slice(0, 3).join(' | ') })),
      );
      return out;
    },
    checkpointFile: process.env.STREAMS_CHECKPOINT_FILE || undefined,
    windowMs: Number(process.env.STREAMS_WINDOW_MS) || undefined,
    deadLetterFile: process.env.DEAD_LETTER_FILE ?? '.data/dead-letters.jsonl',
    log: (msg) => console.error(JSON.stringify({ level: 'error', msg })),
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'POST' || url.pathname !== '/settle') {
      res.writeHead(404).end();
      return;
    }
    const timeoutMs = Number(url.searchParams.get('timeoutMs')) || undefined;
    const started = Date.now();
    reader.settle(timeoutMs).then(
      () => {
        // how long the waiter waited: the log shows how far behind the reader runs on a busy machine
        console.log(JSON.stringify({ level: 'info', msg: 'settled', ms: Date.now() - started }));
        res.writeHead(204).end();
      },
      (e: Error) => res.writeHead(504, { 'content-type': 'text/plain' }).end(e.message),
    );
  });
  server.listen(Number(process.env.STREAMS_PORT), '127.0.0.1');
  const stop = async () => {
    server.close();
    await reader.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
