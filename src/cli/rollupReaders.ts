/**
 * `workbook rollup` reads its sources in parallel: one worker per core (at most four), each with its
 * own headless Univer (src/server/rollupWorker.ts); parsing a 5,000-deal workbook is most of a
 * roll-up's time. Results come back in the files' order, so the first source to hold a deal stays
 * the one named, whatever worker finished first. A worker that dies fails its file, not the run.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Locale, RollupFailure, RollupSource } from '../core';
import { startWorker } from '../server/workers';
import type { RollupRead } from '../server/rollupWorker';
import { readBytes } from './book';

export interface RollupFile {
  readonly file: string;
  readonly name: string;
}

export type RollupReadResult = { readonly source: RollupSource } | { readonly failure: RollupFailure };

type Reply = { readonly file: string; readonly source: RollupSource } | { readonly file: string; readonly error: string };

/** How many readers: one per core, at most four (each holds a Univer of its own), never more than files. */
export const readerCount = (files: number): number => Math.max(1, Math.min(files, availableParallelism(), 4));

export async function readRollupFiles(
  files: readonly RollupFile[],
  locale: Locale,
  onRead: (done: number, total: number, name: string) => void,
): Promise<RollupReadResult[]> {
  const results: RollupReadResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const settle = (index: number, result: RollupReadResult) => {
    results[index] = result;
    done += 1;
    onRead(done, files.length, (files[index] as RollupFile).name);
  };

  /** Sends the next readable file to `worker`; false when none is left. */
  async function feed(worker: Worker, busy: { index: number }): Promise<boolean> {
    while (next < files.length) {
      const index = next++;
      const { file, name } = files[index] as RollupFile;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readBytes(file));
      } catch (error) {
        settle(index, { failure: { name, reason: error instanceof Error ? error.message : String(error) } });
        continue;
      }
      busy.index = index;
      const message: RollupRead = { file, name, bytes };
      worker.postMessage(message, [bytes.buffer as ArrayBuffer]);
      return true;
    }
    return false;
  }

  function run(): Promise<void> {
    return new Promise((resolve) => {
      const worker = startWorker('rollupWorker', { workerData: { locale } });
      const busy = { index: -1 };
      let ended = false;
      const stop = () => {
        ended = true;
        worker.postMessage(null);
        resolve();
      };
      worker.on('message', (reply: Reply) => {
        const index = busy.index;
        busy.index = -1;
        const { name } = files[index] as RollupFile;
        settle(index, 'source' in reply ? { source: reply.source } : { failure: { name, reason: reply.error } });
        void feed(worker, busy).then((more) => (more ? undefined : stop()));
      });
      // A worker that dies (out of memory, a crash) fails the file it held; another takes the rest.
      const died = (why: string) => {
        if (ended) return;
        ended = true;
        if (busy.index >= 0) {
          settle(busy.index, { failure: { name: (files[busy.index] as RollupFile).name, reason: `could not be read: ${why}` } });
          busy.index = -1;
        }
        void worker.terminate();
        void run().then(resolve);
      };
      worker.on('error', (error) => died(error.message));
      worker.on('exit', (code) => died(`the reader stopped (exit ${code})`));
      void feed(worker, busy).then((more) => (more ? undefined : stop()));
    });
  }

  await Promise.all(Array.from({ length: readerCount(files.length) }, run));
  return results;
}
