/**
 * A workbook file opened for the command line: read into a headless Univer (the web host's port),
 * saved back atomically with the same .xlsx writer as the web host's downloads. Pictures over the
 * grid (the reports' charts) travel in the snapshot like everything else.
 */
import { promises as fs } from 'node:fs';
import type { Locale } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
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

export async function openBook(path: string, locale: Locale) {
  const { snapshot } = await readXlsx(await readBytes(path), path, locale);
  const host = createHeadlessUniver(locale);
  const book = host.api.createWorkbook(snapshot);
  const port = createUniverWorkbook(host.api, { workbook: book, locale });
  const save = async () => {
    const { buffer } = await writeXlsx(JSON.parse(JSON.stringify(book.save())), { portable: false });
    await writeFileAtomic(path, buffer);
  };
  return { port, save, dispose: () => host.dispose() };
}
