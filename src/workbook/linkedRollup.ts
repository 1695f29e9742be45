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
  L,
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
import { insertRollupTables, readRollupSource, rollupSpecs } from './rollup';

const MESSAGES = {
  noLinks: L(
    '本表格无法读取其他表格(只有 Google 表格里的加载项可以)。',
    'This host cannot read other spreadsheets (only the Google Sheets add-on can).',
  ),
  listed: L(
    '已插入“汇总来源”:每行填一个经理的表格名称和链接,再点“汇总”。',
    'Roll-up Sources inserted: one row per manager’s spreadsheet (a name and its link), then Roll up again.',
  ),
  empty: L('“汇总来源”里还没有表格链接:每行填一个经理的表格链接。', 'Roll-up Sources lists no spreadsheet yet: one link per row.'),
  already: (sheets: string) =>
    L(
      `本表格已有上次的汇总(${sheets})。为不覆盖其中的内容,请删除这些工作表后再汇总,或在新的空白表格中汇总。`,
      `This spreadsheet already holds a roll-up (${sheets}). So as not to write over it, delete those sheets and roll up again, or roll up in a new blank spreadsheet.`,
    ),
  nothing: L('没有可以汇总的来源,未写入任何内容。', 'No source could be combined; nothing was written.'),
  notAllowed: (row: number) =>
    L(
      `尚未允许访问:在“汇总来源”第 ${row} 行的 连接检查 单元格上点“允许访问”,再汇总`,
      `not allowed yet: click “Allow access” on the Connection cell of Roll-up Sources row ${row}, then roll up again`,
    ),
  loading: L('Google 仍在加载该表格,请稍后再汇总', 'Google is still loading it; roll up again in a moment'),
} as const;

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
    if (imported.state === 'loading') return { name: source.name, reason: MESSAGES.loading[locale] };
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
  if (!linked) throw new WorkbookError(MESSAGES.noLinks[locale]);
  const { inserted, location } = await ensureRollupSources(port, locale);
  if (inserted) throw new WorkbookError(MESSAGES.listed[locale], location.sheetName);
  const table = await port.readTable(location);
  const list = readLinkedSources(rollupSources, table, locale);
  const problems = list.problems.map((p) => p.message);
  if (list.sources.length === 0)
    throw new WorkbookError([MESSAGES.empty[locale], ...problems.map((p) => p[locale])].join('\n'), location.sheetName);
  const already = await earlierRollup(port, await port.listSheets());
  if (already.length > 0) throw new WorkbookError(MESSAGES.already(already.join('、'))[locale], already[0]);

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
      const reason = state === 'loading' ? MESSAGES.loading[locale] : MESSAGES.notAllowed(table.headerRow + 2 + source.row)[locale];
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
    throw new WorkbookError([MESSAGES.nothing[locale], ...why, ...problems.map((p) => p[locale])].join('\n'));
  }
  const writes = await insertRollupTables(port, rollup, { locale, portable: false });
  await port.writeTables(writes);
  return { listed: list.sources.length, rollup, sheets: writes.map((w) => w.location.sheetName), problems };
}
