/**
 * The team roll-up inside a Google spreadsheet (issue 24): the managers' spreadsheets listed in
 * 汇总来源 are imported table by table (IMPORTRANGE of each table's fixed name, port.linked), read
 * as the command line reads a workbook file (src/workbook/rollup.ts), combined in core and written
 * into this spreadsheet as the team's tables, every row naming its source. A source the user has
 * not allowed yet, a link that is not a spreadsheet, a source without the method's tables: each is
 * named with what to do, never skipped silently; nothing is written when no source can be combined.
 */
import {
  type ImportState,
  type LinkedSource,
  type Locale,
  type Rollup,
  type RollupFailure,
  type RollupSource,
  type TableSnapshot,
  type Localized,
  ROLLUP_TABLES,
  SOURCE_COLUMN,
  combineSources,
  importedTable,
  locateTemplate,
  readLinkedSources,
  rollupSources,
  templateById,
  workbookSettings,
} from '../core';
import { type SheetInfo, type TableLocation, WorkbookError, type WorkbookPort } from './port';
import { ensureTemplate } from './ensureTemplate';
import { ROLLUP_MESSAGES } from './messages';
import { insertRollupTables, readRollupSource, rollupSpecs } from './rollup';

/** Where the roll-up stands, for the pane's progress: sources read so far of all. */
export type LinkedProgress = (done: number, total: number, source: string) => void;

export interface LinkedRollupResult {
  /** Sources listed in 汇总来源 (rows with a link). */
  readonly listed: number;
  readonly rollup: Rollup;
  /** The team's sheets written. */
  readonly sheets: readonly string[];
  /** 汇总来源's rows that could not be used, with their sheet row. */
  readonly problems: readonly Localized[];
}

/** The roll-up needs 汇总来源 first: inserted when missing (the answer is then `inserted`). */
export async function ensureRollupSources(port: WorkbookPort, locale: Locale): Promise<{ inserted: boolean; location: TableLocation }> {
  const { location, inserted } = await ensureTemplate(port, rollupSources, { locale, blankRows: 3, moneyUnit: null });
  return { inserted: inserted !== undefined, location };
}

/** Team tables already here: sheets whose table ends with 来源工作簿 (an earlier roll-up). */
async function earlierRollup(port: WorkbookPort, sheets: readonly SheetInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const id of ROLLUP_TABLES) {
    const at = locateTemplate(templateById(id), sheets);
    if (!at) continue;
    const table = await port.readTable(at);
    const last = table.header[table.header.length - 1] ?? '';
    if (Object.values(SOURCE_COLUMN.label).includes(last)) found.push(table.sheetName);
  }
  return found;
}

/** A source's tables as imported: each roll-up table and 工作簿设置, under the template's own names. */
async function importSource(port: WorkbookPort, source: LinkedSource, locale: Locale): Promise<RollupSource | RollupFailure> {
  const linked = port.linked as NonNullable<WorkbookPort['linked']>;
  const tables: TableSnapshot[] = [];
  for (const spec of [...ROLLUP_TABLES.map(templateById), workbookSettings]) {
    const imported = await linked.importRange(source.url, spec.tableName);
    if (imported.state === 'loading') return { name: source.name, reason: ROLLUP_MESSAGES.loading[locale] };
    // #REF! once connected: the source has no such table (Google says the same for a missing name).
    if (imported.state === 'ok') tables.push(importedTable(spec.sheetName[locale], spec.tableName, imported.grid));
  }
  return readRollupSource(importedWorkbook(tables), source.name);
}

/** A read-only port over imported tables: what readRollupSource and the money-unit rule read. */
function importedWorkbook(tables: readonly TableSnapshot[]): WorkbookPort {
  const refuse = (): never => {
    throw new Error('an imported source is read only');
  };
  return {
    host: 'IMPORTRANGE',
    listSheets: async () => tables.map((t) => ({ name: t.sheetName, tables: t.tableName ? [t.tableName] : [] })),
    readTable: async (location) => {
      const table = tables.find((t) => t.sheetName === location.sheetName);
      if (!table) throw new WorkbookError(`no table on ${location.sheetName}`, location.sheetName);
      return table;
    },
    insertTemplate: refuse,
    activateSheet: refuse,
    writeTables: refuse,
    writeReportSheet: refuse,
    insertFormulaAtSelection: refuse,
  };
}

/**
 * Rolls up the spreadsheets 汇总来源 lists into this one. Inserts 汇总来源 (and stops, saying so)
 * when it is missing; refuses when an earlier roll-up's sheets are here.
 */
export async function rollupLinked(port: WorkbookPort, locale: Locale, onProgress?: LinkedProgress): Promise<LinkedRollupResult> {
  const linked = port.linked;
  if (!linked) throw new WorkbookError(ROLLUP_MESSAGES.noLinks[locale]);
  const { inserted, location } = await ensureRollupSources(port, locale);
  if (inserted) throw new WorkbookError(ROLLUP_MESSAGES.listed[locale], location.sheetName);
  const table = await port.readTable(location);
  const list = readLinkedSources(rollupSources, table, locale);
  const problems = list.problems.map((p) => p.message);
  if (list.sources.length === 0)
    throw new WorkbookError([ROLLUP_MESSAGES.empty[locale], ...problems.map((p) => p[locale])].join('\n'), location.sheetName);
  const already = await earlierRollup(port, await port.listSheets());
  if (already.length > 0) throw new WorkbookError(ROLLUP_MESSAGES.already(already.join('、'))[locale], already[0]);

  const states: readonly ImportState[] = await linked.connect(
    location,
    list.sources.map((s) => ({ row: s.row, url: s.url })),
  );
  const read: RollupSource[] = [];
  const failed: RollupFailure[] = [];
  for (const [i, source] of list.sources.entries()) {
    onProgress?.(i, list.sources.length, source.name);
    const state = states[i] ?? 'error';
    if (state !== 'ok') {
      const reason =
        state === 'loading' ? ROLLUP_MESSAGES.loading[locale] : ROLLUP_MESSAGES.notAllowed(table.headerRow + 2 + source.row)[locale];
      failed.push({ name: source.name, reason });
      continue;
    }
    const got = await importSource(port, source, locale);
    if ('tables' in got) read.push(got);
    else failed.push(got);
  }
  onProgress?.(list.sources.length, list.sources.length, '');
  const rollup = combineSources(read, rollupSpecs(), { failed });
  if (rollup.tables.length === 0) {
    const why = rollup.failed.map((f) => `${f.name}: ${f.reason}`);
    throw new WorkbookError([ROLLUP_MESSAGES.nothing[locale], ...why, ...problems.map((p) => p[locale])].join('\n'));
  }
  const writes = await insertRollupTables(port, rollup, { locale, portable: false });
  await port.writeTables(writes);
  return { listed: list.sources.length, rollup, sheets: writes.map((w) => w.location.sheetName), problems };
}
