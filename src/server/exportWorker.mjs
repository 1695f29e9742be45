// Writes .xlsx files off the server's main thread (src/server/xlsxExporter.ts): ExcelJS needs
// seconds for a 100,000-row workbook, during which the server must go on taking saves.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { writeXlsx } = await tsImport('../files/xlsxWrite.ts', import.meta.url);

parentPort.on('message', async ({ id, snapshotText, portable }) => {
  try {
    const { buffer, report } = await writeXlsx(JSON.parse(snapshotText), { portable });
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    parentPort.postMessage({ id, bytes, report }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
