/**
 * `npm run workbook -- import <book.xlsx> <export.csv|xlsx>`: a CRM export into the workbook's deal
 * register (inserted when the workbook has none), by the same core as the pane — auto-mapped headers,
 * every value normalised or reported, upsert by 商机编号 — in a headless Univer, written back with the
 * same .xlsx writer. Nothing is written when the file cannot be read, a required column is unmapped,
 * or (with --strict) any row has a problem.
 */
import { promises as fs } from 'node:fs';
import { extname } from 'node:path';
import {
  type CellValue,
  CHANGE_TYPES,
  DEAL_FIELDS,
  type ImportPreview,
  type Locale,
  type RawTable,
  type TableSnapshot,
  autoMap,
  compareSnapshots,
  dealSnapshots,
  isDealRegister,
  isSnapshotTable,
  planDealUpsert,
  planTemplate,
  previewImport,
  readSnapshots,
  registerSnapshot,
  serialFromIso,
  snapshotWrite,
  templateById,
  todaySerial,
  unmappedRequired,
} from '../core';
import { parseCsv } from '../files/csv';
import { WorkbookFileError } from '../files/xlsxGuard';
import { readXlsx } from '../files/xlsxRead';
import { writeXlsx } from '../files/xlsxWrite';
import { createHeadlessUniver } from '../hosts/web/univerHeadless';
import { createUniverWorkbook } from '../hosts/web/univerWorkbook';
import { writeFileAtomic } from '../server/atomic';

export interface ImportOptions {
  readonly book: string;
  readonly file: string;
  readonly sheet?: string;
  readonly asOf?: string;
  readonly strict: boolean;
  /** The export lists every deal: deals it lacks are marked removed. */
  readonly full: boolean;
  readonly json: boolean;
  readonly locale: Locale;
}

/** A wrong command line (exit 2), as opposed to a file problem (exit 1). */
export class ImportUsageError extends Error {}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new WorkbookFileError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** The export as a table: a CSV, or one sheet (`sheet`, else the first) of an .xlsx. */
async function readExport(path: string, sheet: string | undefined, locale: Locale): Promise<RawTable> {
  const extension = extname(path).toLowerCase();
  if (!['.csv', '.txt', '.xlsx'].includes(extension)) throw new ImportUsageError(`The export must be a .csv or .xlsx file: ${path}`);
  const bytes = await readBytes(path);
  let grid: CellValue[][];
  if (extension === '.csv' || extension === '.txt') {
    const parsed = parseCsv(bytes);
    grid = parsed.rows.map((row) => Array.from({ length: parsed.columnCount }, (_v, c) => row[c]?.v ?? null));
  } else {
    const { snapshot } = await readXlsx(bytes, path, locale);
    const sheets = snapshot.sheetOrder.map((id) => snapshot.sheets[id]).filter((s) => s !== undefined);
    const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s?.name === sheet);
    if (!chosen) throw new WorkbookFileError(`${path} has no sheet "${sheet}". Its sheets: ${sheets.map((s) => s?.name).join(', ')}.`);
    const cells = chosen.cellData ?? {};
    const rowCount = Math.max(-1, ...Object.keys(cells).map(Number)) + 1;
    const width = Math.max(0, ...Object.values(cells).flatMap((row) => Object.keys(row ?? {}).map((c) => Number(c) + 1)));
    grid = Array.from({ length: rowCount }, (_r, r) =>
      Array.from({ length: width }, (_c, c) => {
        const value = cells[r]?.[c]?.v;
        return value === undefined || value === null ? null : (value as CellValue);
      }),
    );
  }
  const [header = [], ...rows] = grid;
  if (header.every((h) => h === null)) throw new WorkbookFileError(`${path} has no header row.`);
  return { headers: header.map((h) => (h === null ? '' : String(h))), rows };
}

export interface ImportSummary {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly invalid: number;
  readonly removed: number;
  readonly changes: Record<string, { count: number; amount: number; deals: readonly string[] }>;
}

function problemLines(preview: ImportPreview, locale: Locale): string[] {
  return preview.problems.map(
    (p) => `  row ${p.fileRow}, ${p.column}: ${p.value === null ? '(blank)' : JSON.stringify(p.value)} — ${p.why[locale]}`,
  );
}

/** Runs an import and returns what it did; throws WorkbookFileError / ImportUsageError when nothing was written. */
export async function importDeals(options: ImportOptions, log: (line: string) => void): Promise<ImportSummary> {
  const { locale } = options;
  const takenOn = options.asOf === undefined ? todaySerial(new Date()) : serialFromIso(options.asOf);
  if (takenOn === undefined) throw new ImportUsageError(`--as-of must be a date yyyy-mm-dd, not "${options.asOf}".`);

  const table = await readExport(options.file, options.sheet, locale);
  const mapping = autoMap(table.headers);
  const missing = unmappedRequired(mapping);
  if (missing.length > 0) {
    const names = missing.map((key) => DEAL_FIELDS.find((f) => f.key === key)?.label[locale] ?? key);
    throw new WorkbookFileError(
      `${options.file}: no column for ${names.join(', ')} (headers: ${table.headers.join(', ')}). Rename the column in the export and try again; nothing was written.`,
    );
  }
  const preview = previewImport(table, mapping, { locale });
  if (options.strict && preview.problems.length > 0) {
    throw new WorkbookFileError(
      [
        `${options.file}: ${preview.problems.length} problem(s), and --strict refuses the import; nothing was written.`,
        ...problemLines(preview, locale),
      ].join('\n'),
    );
  }

  const { snapshot } = await readXlsx(await readBytes(options.book), options.book, locale);
  const host = createHeadlessUniver(locale);
  try {
    const book = host.api.createWorkbook(snapshot);
    const port = createUniverWorkbook(host.api, { workbook: book, locale });
    // One pass over the sheets, those whose table carries the template's name first, stopping once
    // both the register and the snapshots table are found; each sheet is read once at most.
    const wanted = [templateById('deals').tableName, dealSnapshots.tableName].map((name) => name.toLowerCase());
    const named = (sheet: { tables: readonly string[] }) =>
      sheet.tables.some((t) => wanted.includes(t.toLowerCase().replace(/\d+$/, ''))) ? 0 : 1;
    const sheets = [...(await port.listSheets())].sort((a, b) => named(a) - named(b));
    let before: TableSnapshot | undefined;
    let kept: TableSnapshot | undefined;
    for (const sheet of sheets) {
      if (before && kept) break;
      const read = await port.readTable({ sheetName: sheet.name }).catch(() => undefined);
      if (!read) continue;
      if (!before && isDealRegister(read.header)) before = read;
      else if (!kept && isSnapshotTable(read.header)) kept = read;
    }
    if (before === undefined) {
      const inserted = await port.insertTemplate(planTemplate(templateById('deals'), { locale, samples: false, portable: false }));
      log(`Inserted the deal register "${inserted.sheetName}".`);
      before = await port.readTable({ sheetName: inserted.sheetName });
    }
    const registerSheet = before.sheetName;
    const plan = planDealUpsert(before, preview.deals, mapping, { fullExport: options.full });
    if (!plan.ok) throw new WorkbookFileError(plan.message[locale]);
    await port.writeTables([plan.write]);
    const after = await port.readTable({ sheetName: registerSheet });
    const taken = registerSnapshot(after, takenOn);

    // Keep the snapshot; compare with the latest one of an earlier day (or the register as it was).
    if (kept === undefined) {
      const inserted = await port.insertTemplate(planTemplate(dealSnapshots, { locale, samples: false, portable: false, blankRows: 1 }));
      kept = await port.readTable({ sheetName: inserted.sheetName });
    }
    const earlier = readSnapshots(kept).filter((s) => s.takenOn < takenOn);
    const baseline = earlier.at(-1) ?? registerSnapshot(before, takenOn - 1);
    await port.writeTables([snapshotWrite(taken, kept)]);
    const changes = compareSnapshots(baseline, taken);

    const saved = JSON.parse(JSON.stringify(book.save()));
    const { buffer } = await writeXlsx(saved, { portable: false });
    await writeFileAtomic(options.book, buffer);

    if (preview.problems.length > 0)
      log([`${preview.problems.length} problem(s); those rows were left out:`, ...problemLines(preview, locale)].join('\n'));
    return {
      new: plan.counts.new,
      updated: plan.counts.updated,
      unchanged: plan.counts.unchanged,
      invalid: new Set(preview.problems.map((p) => p.fileRow)).size,
      removed: plan.counts.removed,
      changes: Object.fromEntries(CHANGE_TYPES.map((type) => [type, changes[type]])),
    };
  } finally {
    await host.dispose();
  }
}
