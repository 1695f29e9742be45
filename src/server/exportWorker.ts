/**
 * Writes .xlsx files off the server's main thread (src/server/xlsxExporter.ts): ExcelJS needs
 * seconds for a 100,000-row workbook, during which the server must go on taking saves.
 */
import { parentPort } from 'node:worker_threads';
import { writeXlsx } from '../files/xlsxWrite';

parentPort?.on('message', (message: { id: number; snapshotText: string; portable: boolean }) => {
  const { id, snapshotText, portable } = message;
  writeXlsx(JSON.parse(snapshotText), { portable }).then(
    ({ buffer, report }) => {
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      parentPort?.postMessage({ id, bytes, report }, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
