// Runs inside a build worker thread (see build-pool.ts): reads and attributes the shares of files it is sent.
import { parentPort } from 'node:worker_threads';
import type { ShareReply, ShareRequest } from './build-pool.js';
import { readAndExtract } from './read-extract.js';

if (!parentPort) throw new Error('build-worker must run in a worker thread');
const port = parentPort;

// One share at a time, in the order sent: a second share waits in the queue while this one is read.
let last: Promise<void> = Promise.resolve();
port.on('message', (req: ShareRequest) => {
  last = last.then(async () => {
    try {
      port.postMessage({ share: req.share, results: await readAndExtract(req.root, req.files) } satisfies ShareReply);
    } catch (err) {
      port.postMessage({ share: req.share, error: err instanceof Error ? err.message : String(err) } satisfies ShareReply);
    }
  });
});
