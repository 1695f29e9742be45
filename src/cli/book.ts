/**
 * A workbook file opened for the command line: read into a headless Univer (the web host's port),
 * saved with the same .xlsx writer as the web host's downloads. Pictures over the grid (the reports'
 * charts) travel in the snapshot like everything else.
 *
 * The user's file is never written over with less than it held: opening tries our round trip on it
 * (src/files/xlsxFidelity.ts) and, when that would lose anything or the file is read-only, the
 * command refuses before doing any work unless `--output FILE` names another file. Writing in place
 * follows a symlink to its target, keeps the file's mode, waits for no one: a lock file of Excel or
 * LibreOffice, or a change made while the command ran, stops it with the file as it was.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale } from '../core';
import { openXlsx } from '../files/xlsxFidelity';
import { describeFeatures } from '../files/xlsxInventory';
import { WorkbookFileError } from '../files/xlsxGuard';
import { writeXlsx } from '../files/xlsxWrite';
import { createHeadlessUniver } from '../hosts/web/univerHeadless';
import { createUniverWorkbook } from '../hosts/web/univerWorkbook';
import { writeFileAtomic } from '../files/atomic';
import { isReadOnly, lockFileOf, modeFor, sha256, writablePath } from '../server/userFile';

export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new WorkbookFileError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export interface OpenBookOptions {
  /** Where the result goes instead of the workbook itself (the workbook is then only read). */
  readonly output?: string;
  /** Replace an existing output. */
  readonly force?: boolean;
}

export async function openBook(path: string, locale: Locale, options: OpenBookOptions = {}) {
  const real = await writablePath(path);
  const bytes = await readBytes(real);
  const output = options.output === undefined ? undefined : resolve(options.output);
  if (output !== undefined) {
    if (output === resolve(path) || output === real) throw new WorkbookFileError(`--output must name another file than ${path}.`);
    const taken = await fs.lstat(output).then(
      () => true,
      () => false,
    );
    if (taken && !options.force) throw new WorkbookFileError(`${output} exists: pass --force to replace it. Nothing was written.`);
  }
  const opened = await openXlsx(bytes, path, locale);
  if (output === undefined) {
    if (opened.lost.length > 0)
      throw new WorkbookFileError(
        `${path} holds what this command's rewrite would not keep: ${describeFeatures(opened.lost, 'en-US')}. Nothing was written. ` +
          `Give --output FILE to write the result to another file; ${path} stays as it is.`,
      );
    if (await isReadOnly(real))
      throw new WorkbookFileError(`${path} is read-only. Nothing was written. Give --output FILE to write the result elsewhere.`);
  }
  const host = createHeadlessUniver(locale);
  const book = host.api.createWorkbook(opened.snapshot);
  const port = createUniverWorkbook(host.api, { workbook: book, locale });
  const save = async () => {
    const { buffer } = await writeXlsx(JSON.parse(JSON.stringify(book.save())), { portable: false });
    if (output !== undefined) {
      await writeFileAtomic(output, buffer, { mode: 0o644 });
      return;
    }
    const lock = await lockFileOf(real);
    if (lock)
      throw new WorkbookFileError(
        `${path} is open in another program (lock file ${lock}): close it and run the command again. Nothing was written.`,
      );
    const now = await readBytes(real);
    if (sha256(now) !== sha256(bytes))
      throw new WorkbookFileError(
        `${path} was changed by another program while this command ran. Nothing was written; run the command again.`,
      );
    await writeFileAtomic(real, buffer, { mode: await modeFor(real) });
  };
  return { port, save, dispose: () => host.dispose(), written: output ?? path };
}
