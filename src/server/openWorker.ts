/**
 * Opens a user's .xlsx off the server's main thread, in a worker with a heap limit that
 * src/server/xlsxOpener.ts also stops after a time limit: a hostile or huge file costs this worker,
 * never the server that goes on taking other tabs' saves.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openXlsx } from '../files/xlsxFidelity';

const { bytes, fileName, locale } = workerData as { bytes: Uint8Array; fileName: string; locale: 'zh-CN' | 'en-US' };

void (async () => {
  try {
    const opened = await openXlsx(bytes, fileName, locale);
    parentPort?.postMessage({
      snapshotText: JSON.stringify(opened.snapshot),
      notImported: opened.notImported,
      held: opened.held,
      lost: opened.lost,
    });
  } catch (error) {
    parentPort?.postMessage({
      error: error instanceof Error ? error.message : String(error),
      // Compared by name: from the sources, tsx may load the class twice.
      fileError: error instanceof Error && error.name === 'WorkbookFileError',
    });
  }
})();
