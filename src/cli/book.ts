/**
 * A workbook file opened for the command line: read into a headless Univer (the web host's port),
 * saved back atomically with the same .xlsx writer as the web host's downloads. The pictures on
 * report sheets (复盘报告 …) are kept: read on open, placed again on save unless that sheet was
 * rewritten with pictures of its own.
 */
import { promises as fs } from 'node:fs';
import { type Locale, REPORT_SHEET_PREFIX } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
import { type SheetPicture, addPictures, readPictures } from '../files/xlsxPictures';
import { readXlsx } from '../files/xlsxRead';
import { writeXlsx } from '../files/xlsxWrite';
import { createHeadlessUniver } from '../hosts/web/univerHeadless';
import { createUniverWorkbook } from '../hosts/web/univerWorkbook';
import { writeFileAtomic } from '../server/atomic';

export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new WorkbookFileError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

const isReportSheet = (name: string): boolean => Object.values(REPORT_SHEET_PREFIX).some((prefix) => name.startsWith(prefix));

export async function openBook(path: string, locale: Locale) {
  const bytes = await readBytes(path);
  const { snapshot } = await readXlsx(bytes, path, locale);
  const kept = await readPictures(bytes, isReportSheet).catch(() => [] as SheetPicture[]);
  const host = createHeadlessUniver(locale);
  const book = host.api.createWorkbook(snapshot);
  const port = createUniverWorkbook(host.api, { workbook: book, locale });
  /** Saves the workbook; `pictures` replace the kept pictures of their sheets. */
  const save = async (pictures: readonly SheetPicture[] = []) => {
    const { buffer } = await writeXlsx(JSON.parse(JSON.stringify(book.save())), { portable: false });
    const names = new Set(book.getSheets().map((s) => s.getSheetName()));
    const redrawn = new Set(pictures.map((p) => p.sheetName));
    const placed = [...kept.filter((p) => names.has(p.sheetName) && !redrawn.has(p.sheetName)), ...pictures];
    await writeFileAtomic(path, placed.length > 0 ? await addPictures(buffer, placed) : buffer);
  };
  return { port, save, dispose: () => host.dispose() };
}
