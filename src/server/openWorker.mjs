// Opens a user's .xlsx off the server's main thread, in a worker with a heap limit that
// src/server/xlsxOpener.ts also stops after a time limit: a hostile or huge file costs this worker,
// never the server that goes on taking other tabs' saves.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { openXlsx } = await tsImport('../files/xlsxFidelity.ts', import.meta.url);

const { bytes, fileName, locale } = workerData;
try {
  const opened = await openXlsx(bytes, fileName, locale);
  parentPort.postMessage({
    snapshotText: JSON.stringify(opened.snapshot),
    notImported: opened.notImported,
    held: opened.held,
    lost: opened.lost,
  });
} catch (error) {
  parentPort.postMessage({
    error: error instanceof Error ? error.message : String(error),
    // The class may be loaded twice across tsImport calls: compare by name.
    fileError: error instanceof Error && error.name === 'WorkbookFileError',
  });
}
