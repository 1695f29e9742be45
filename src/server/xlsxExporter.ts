/**
 * .xlsx export for the server, in a worker thread (exportWorker.ts) so saves are taken while a big
 * workbook is being written. One worker per process, started on first use and stopped after a few
 * idle seconds (and by stopXlsxExporter), so it never keeps a process alive; a worker that dies
 * is replaced and its jobs fail with the reason.
 */
import type { Worker } from 'node:worker_threads';
import type { XlsxWriteReport } from '../files/xlsxWrite';
import { startWorker } from './workers';

interface Job {
  readonly resolve: (result: { buffer: Buffer; report: XlsxWriteReport }) => void;
  readonly reject: (error: Error) => void;
}

const IDLE_MS = 5000;

let worker: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 0;
const jobs = new Map<number, Job>();

function failAll(error: Error): void {
  for (const job of jobs.values()) job.reject(error);
  jobs.clear();
  worker = undefined;
}

function workerNow(): Worker {
  if (worker) return worker;
  const started = startWorker('exportWorker');
  started.unref();
  started.on('message', (message: { id: number; bytes?: Uint8Array; report?: XlsxWriteReport; error?: string }) => {
    const job = jobs.get(message.id);
    if (!job) return;
    jobs.delete(message.id);
    if (jobs.size === 0) {
      idleTimer = setTimeout(() => void stopXlsxExporter(), IDLE_MS);
      idleTimer.unref();
    }
    if (message.error !== undefined || !message.bytes || !message.report)
      job.reject(new Error(message.error ?? 'the export worker sent nothing'));
    else
      job.resolve({
        buffer: Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength),
        report: message.report,
      });
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the export worker stopped (${code})`));
  });
  worker = started;
  return started;
}

/** The workbook snapshot (JSON text) as .xlsx bytes, written in the worker. */
export function exportXlsx(snapshotText: string, portable = false): Promise<{ buffer: Buffer; report: XlsxWriteReport }> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  return new Promise((resolve, reject) => {
    const id = nextId++;
    jobs.set(id, { resolve, reject });
    workerNow().postMessage({ id, snapshotText, portable });
  });
}

/** Stops the worker (pending jobs fail); the next export starts a new one. */
export async function stopXlsxExporter(): Promise<void> {
  const current = worker;
  worker = undefined;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  if (current) await current.terminate();
}
