/**
 * Starts one of the server's workers (openWorker.ts, exportWorker.ts; rollupWorker.ts for the command line). Built (dist/node, by
 * scripts/build.mjs) each is a .cjs file beside the code that starts it; from the sources (tsx, Jest)
 * tsWorker.mjs loads the TypeScript through tsx.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

export type WorkerName = 'openWorker' | 'exportWorker' | 'rollupWorker';

const fromSources = /\.tsx?$/.test(__filename);

export function startWorker(name: WorkerName, options: WorkerOptions = {}): Worker {
  const here = pathToFileURL(__filename);
  if (!fromSources) return new Worker(new URL(`./${name}.cjs`, here), options);
  const workerData = { ...(options.workerData as object | undefined), tsEntry: `./${name}.ts` };
  return new Worker(new URL('./tsWorker.mjs', here), { ...options, workerData });
}
