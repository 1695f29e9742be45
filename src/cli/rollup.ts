/**
 * `npm run workbook -- rollup <folder or files…> <team.xlsx>`: the managers' workbooks combined into
 * a team workbook (core/team/rollup.ts, src/workbook/rollup.ts) whose review runs at the team's
 * level, each row naming its workbook. The sources are only read. A source that cannot be read or
 * combined is listed with the reason, never skipped silently; nothing is written when none can be.
 */
import { promises as fs } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { type Locale, type RollupFailure, type RollupSource, combineSources, moneyUnitLabel, parseMoneyUnit } from '../core';
import { WorkbookFileError } from '../files/xlsxGuard';
import { writeXlsx } from '../files/xlsxWrite';
import { createHeadlessUniver } from '../hosts/web/univerHeadless';
import { createUniverWorkbook } from '../hosts/web/univerWorkbook';
import { writeFileAtomic } from '../files/atomic';
import { type BulkCell, appendTableRows } from '../files/tableRows';
import { insertRollupTables, rollupSpecs } from '../workbook/rollup';
import { readRollupFiles } from './rollupReaders';
import { UsageError } from './usage';

export interface RollupOptions {
  /** Workbooks and folders of workbooks (each folder's .xlsx files, not its subfolders). */
  readonly inputs: readonly string[];
  readonly out: string;
  readonly locale: Locale;
  /** The team's money unit (元, 万元, USD…); default: the first source's. */
  readonly unit?: string;
}

export interface RollupSummary {
  readonly out: string;
  readonly unit?: string;
  readonly sheets: readonly string[];
  readonly sources: readonly {
    readonly file: string;
    readonly combined: boolean;
    readonly reason?: string;
    readonly rows?: Readonly<Record<string, number>>;
  }[];
  readonly notes: readonly { readonly source: string; readonly message: string }[];
}

// Office's owner files (~$book.xlsx) and LibreOffice's locks sit beside open workbooks: never sources.
const isWorkbookFile = (name: string): boolean =>
  extname(name).toLowerCase() === '.xlsx' && !name.startsWith('~$') && !name.startsWith('.~lock');

/** The files named, a folder standing for its workbooks (sorted), the output left out. */
async function sourceFiles(inputs: readonly string[], out: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(path)).filter(isWorkbookFile).sort((a, b) => a.localeCompare(b));
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return [...new Set(files)].filter((f) => f !== out);
}

/** Source names as people know them: the file name, or the path from the working folder where two share one. */
function namesOf(files: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(basename(f), (counts.get(basename(f)) ?? 0) + 1);
  return new Map(files.map((f) => [f, (counts.get(basename(f)) ?? 0) > 1 ? relative(process.cwd(), f) : basename(f)]));
}

export async function rollupWorkbooks(options: RollupOptions, log: (line: string) => void): Promise<RollupSummary> {
  const unit = options.unit === undefined ? undefined : parseMoneyUnit(options.unit);
  if (options.unit !== undefined && unit === undefined)
    throw new UsageError(`--unit must be a money unit such as 元, 万元 or USD, not "${options.unit}".`);
  const out = resolve(options.out);
  const files = await sourceFiles(options.inputs, out);
  if (files.length === 0) throw new UsageError('No workbook to combine: name .xlsx files or folders holding them.');
  const names = namesOf(files);
  const sources: RollupSource[] = [];
  const failed: RollupFailure[] = [];
  const readable = files.filter((file) => {
    if (isWorkbookFile(basename(file))) return true;
    failed.push({ name: names.get(file) as string, reason: 'not an .xlsx workbook' });
    return false;
  });
  const read = await readRollupFiles(
    readable.map((file) => ({ file, name: names.get(file) as string })),
    options.locale,
    (done, total, name) => log(`(${done}/${total}) ${name}`),
  );
  for (const result of read) {
    if ('source' in result) sources.push(result.source);
    else failed.push(result.failure);
  }
  const rollup = combineSources(sources, rollupSpecs(), { ...(unit ? { unit } : {}), failed });
  if (rollup.tables.length === 0)
    throw new WorkbookFileError(
      `No source could be combined; nothing was written. ${rollup.failed.map((f) => `${f.name}: ${f.reason}`).join('; ')}`,
    );
  // The tables are inserted through Univer (one blank row each), their rows put straight into the
  // snapshot: at 250,000 deals Univer would parse and compute every formula as it writes.
  const team = createHeadlessUniver(options.locale);
  let sheets: string[];
  try {
    const book = team.api.getActiveWorkbook();
    if (!book) throw new Error('no workbook');
    const blank = book.getSheets()[0];
    const writes = await insertRollupTables(createUniverWorkbook(team.api, { workbook: book, locale: options.locale }), rollup, {
      locale: options.locale,
      portable: true,
    });
    if (blank && book.getSheets().length > 1) book.deleteSheet(blank);
    const snapshot = JSON.parse(JSON.stringify(book.save())) as Parameters<typeof writeXlsx>[0];
    for (const write of writes)
      appendTableRows(
        snapshot,
        write.location.sheetName,
        write.firstRow,
        write.rows.map((row, i) =>
          row.map((cell): BulkCell => (cell !== null && typeof cell === 'object' ? { formula: cell.formulaAt(write.firstRow + i) } : cell)),
        ),
      );
    sheets = writes.map((w) => w.location.sheetName);
    const { buffer } = await writeXlsx(snapshot, { portable: true });
    await writeFileAtomic(out, buffer);
  } finally {
    await team.dispose();
  }
  const rowsOf = (name: string) => rollup.counts.find((c) => c.source === name)?.rows;
  return {
    out,
    ...(rollup.unit ? { unit: moneyUnitLabel(rollup.unit, options.locale) } : {}),
    sheets,
    sources: files.map((f) => {
      const name = names.get(f) as string;
      const failure = rollup.failed.find((x) => x.name === name);
      const rows = rowsOf(name);
      return failure ? { file: name, combined: false, reason: failure.reason } : { file: name, combined: true, ...(rows ? { rows } : {}) };
    }),
    notes: rollup.notes.map((n) => ({ source: n.source, message: n.message[options.locale] })),
  };
}
