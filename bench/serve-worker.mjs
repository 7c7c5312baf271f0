// The browser benches' web server, in a worker thread of its own (see serveDir in
// browser-site.mjs): it answers with the folder's base address once it listens.
import { parentPort, workerData } from 'node:worker_threads';
import { serveFolder } from '../tests/browser/static-server.mjs';

const { base } = await serveFolder(workerData.root);
parentPort.postMessage(base);
