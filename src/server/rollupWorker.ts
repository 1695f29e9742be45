/**
 * Reads managers' workbooks for `workbook rollup` off the main thread (src/cli/rollupReaders.ts
 * runs one per core): each file sent is parsed, opened in this worker's own headless Univer and
 * read for the tables the roll-up combines; the answer is plain data, or the reason it could not be.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../core';
import { readXlsx } from '../files/xlsxRead';
import { createHeadlessUniver } from '../hosts/web/univerHeadless';
import { createUniverWorkbook } from '../hosts/web/univerWorkbook';
import { readRollupSource } from '../workbook/rollup';

export interface RollupRead {
  readonly file: string;
  readonly name: string;
  /** The file's bytes, read (and any read error said) by the command line. */
  readonly bytes: Uint8Array;
}

const { locale } = workerData as { locale: Locale };
const host = createHeadlessUniver(locale);

parentPort?.on('message', (message: RollupRead | null) => {
  if (message === null) {
    void host.dispose().finally(() => parentPort?.close());
    return;
  }
  void (async () => {
    const { file, name, bytes } = message;
    try {
      const { snapshot } = await readXlsx(bytes, file, locale);
      const book = host.api.createWorkbook(snapshot);
      try {
        const source = await readRollupSource(createUniverWorkbook(host.api, { workbook: book, locale }), name);
        parentPort?.postMessage({ file, source });
      } finally {
        host.api.disposeUnit(book.getId());
      }
    } catch (error) {
      parentPort?.postMessage({ file, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
