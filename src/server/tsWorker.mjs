// A worker's entry when the server runs from its TypeScript sources (tsx, Jest): loads the worker
// module that src/server/workers.ts names. The built server (dist/node) starts the compiled one.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.tsEntry, import.meta.url);
