/**
 * Table reads and writes of the Excel host (WorkbookPort.readTable / writeTables / insertFormulaAtSelection).
 *
 * Reads: one sync finds the table — its sheet, header and size (a location without a table name
 * takes one more, to find the sheet's first table or its template layout) — then the rows come in
 * chunks, one per sync, each sized from the bytes per row measured so far so that no response
 * exceeds 4 MB (Excel on the web fails responses past 5 MB).
 *
 * Writes: one `Excel.run`, two syncs whatever the row count (three when a location names only a
 * sheet: Office.js cannot address "the sheet's first table" before knowing it exists):
 *   sync 1 — for every table: header, size, sheet protection, where its input columns' last filled
 *            row is, the cells holding the write's key and each row to update;
 *   then every placement is computed with `placeWrite` — any WorkbookError is thrown here, before
 *            a single write is queued, so a batch is written whole or not at all;
 *   sync 2 — grow the tables that need it, then one 2-D write per block of placed cells.
 */
import { HEADER_ROW, type Locale, localizeFormula, rangeAddress } from '../../core';
import { TAIL_ROWS, type TableState, placeWrite } from '../../workbook/placement';
import {
  type CellValue,
  type ReadProgress,
  type TableLocation,
  type TableSnapshot,
  type TableWrite,
  type TableWriteResult,
  WorkbookError,
  type WriteCell,
} from '../../workbook/port';
import { errorCode, excelMessage } from './excelErrors';
import type { FormulaLanguage } from './excelWorkbook';

type Context = Excel.RequestContext;
type Written = string | number | boolean;

// ——— values ———

/** Strings Excel could take for something other than text: a formula, number, date, boolean or error. */
const MAY_CONVERT = /^[=+\-@'#]|\d|^\s*(?:true|false)\s*$/i;

/**
 * User text as typed into a cell so that it stays text: a leading `'` (Excel's quote prefix, not
 * part of the value) on anything Excel might convert — `=HYPERLINK(…)`, `2024-03`, `TRUE`, `#N/A`.
 */
export const textCell = (text: string): string => (MAY_CONVERT.test(text) ? `'${text}` : text);

/** A cell as written through `formulas` / `formulasLocal`: formulas localized for this Excel, blank as ''. */
export function writtenCell(cell: WriteCell, sheetRow: number, language: FormulaLanguage): Written {
  if (cell === null) return '';
  if (typeof cell === 'object') return localizeFormula(cell.formulaAt(sheetRow), language.names);
  if (typeof cell === 'string') return cell === '' ? '' : textCell(cell);
  // Core never produces NaN (errors are values); a stray one is left blank rather than failing the batch.
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return cell;
}

/** A value as read: blank '' is null; errors already arrive as their text (`#DIV/0!`). */
export function readCell(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A header cell as a label: trimmed text. */
export const label = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

/** UTF-8 bytes of a string, counted without allocating (what a payload weighs on the wire). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ——— reads ———

/** The most a read's response may weigh (docs/DESIGN.md §1: ≤ 4 MB per request). */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Chunks aim at 3 MB: a quarter of headroom for rows longer than the ones measured so far. */
export const CHUNK_TARGET_BYTES = 3 * 1024 * 1024;
/** Before anything is measured: a pessimistic guess per cell and a small first chunk. */
const GUESS_BYTES_PER_CELL = 256;
const FIRST_CHUNK_BYTES = 512 * 1024;
const MAX_CHUNK_ROWS = 50_000;

const chunkRows = (rows: number): number => Math.max(1, Math.min(MAX_CHUNK_ROWS, Math.floor(rows)));

/** Where a table's data sits, as found. */
interface Region {
  readonly sheetName: string;
  readonly tableName?: string;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly header: readonly string[];
  readonly rowCount: number;
}

/** The template layout of a sheet without a table: the header on row 2 from the used range's first column, up to its first blank cell. */
export function layoutHeader(values: readonly unknown[]): string[] {
  const labels = values.map(label);
  const end = labels.indexOf('');
  return end < 0 ? labels : labels.slice(0, end);
}

async function findRegion(context: Context, location: TableLocation, locale: Locale): Promise<Region> {
  let tableName = location.tableName;
  let used: Excel.Range | undefined;
  if (tableName === undefined) {
    const sheet = context.workbook.worksheets.getItem(location.sheetName);
    const tables = sheet.tables.load('items/name');
    used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    tableName = tables.items[0]?.name;
  }
  if (tableName !== undefined) {
    const table = context.workbook.tables.getItem(tableName);
    const sheet = table.worksheet.load('name');
    const header = table.getHeaderRowRange().load('values,rowIndex,columnIndex');
    const body = table.getDataBodyRange().load('rowCount');
    await context.sync();
    const labels = (header.values[0] ?? []).map(label);
    return { sheetName: sheet.name, tableName, headerRow: header.rowIndex, firstColumn: header.columnIndex, header: labels, rowCount: body.rowCount };
  }
  const noTable = () => new WorkbookError(excelMessage('noTable', locale, { sheet: location.sheetName }), location.sheetName);
  if (!used || used.isNullObject || used.rowIndex + used.rowCount - 1 < HEADER_ROW) throw noTable();
  const lastRow = used.rowIndex + used.rowCount - 1;
  const firstColumn = used.columnIndex;
  const headerRange = context.workbook.worksheets
    .getItem(location.sheetName)
    .getRange(rangeAddress(HEADER_ROW, firstColumn, HEADER_ROW, firstColumn + used.columnCount - 1))
    .load('values');
  await context.sync();
  const header = layoutHeader(headerRange.values[0] ?? []);
  if (header.length === 0) throw noTable();
  return { sheetName: location.sheetName, headerRow: HEADER_ROW, firstColumn, header, rowCount: lastRow - HEADER_ROW };
}

const isResponseTooLarge = (error: unknown): boolean => /^ResponsePayloadSizeLimitExceeded$|^PayloadTooLarge$/.test(errorCode(error));

/** The data rows, chunk by chunk: one load per sync, sized so that its response stays under 4 MB. */
async function readRows(context: Context, region: Region, onProgress?: ReadProgress): Promise<CellValue[][]> {
  const total = region.rowCount;
  const width = region.header.length;
  const rows: CellValue[][] = [];
  if (total === 0 || width === 0) {
    onProgress?.(0, total);
    return rows;
  }
  const sheet = context.workbook.worksheets.getItem(region.sheetName);
  let bytesPerRow = 0; // bytes per row expected in the next chunk
  let size = chunkRows(FIRST_CHUNK_BYTES / (width * GUESS_BYTES_PER_CELL));
  while (rows.length < total) {
    const count = Math.min(size, total - rows.length);
    const top = region.headerRow + 1 + rows.length;
    const range = sheet.getRange(rangeAddress(top, region.firstColumn, top + count - 1, region.firstColumn + width - 1)).load('values');
    try {
      await context.sync();
    } catch (error) {
      // Rows far longer than the ones measured: Excel refused the response. Same rows, smaller pieces.
      if (isResponseTooLarge(error) && count > 1) {
        size = Math.ceil(count / 2);
        continue;
      }
      throw error;
    }
    const values = range.values;
    // The estimate follows the latest chunk but falls by at most half per chunk: after a run of long
    // rows it comes back down within a few chunks, not at once.
    bytesPerRow = Math.max(utf8Bytes(JSON.stringify(values)) / count, bytesPerRow / 2);
    for (const row of values) rows.push(row.map(readCell));
    size = chunkRows(CHUNK_TARGET_BYTES / bytesPerRow);
    onProgress?.(rows.length, total);
  }
  return rows;
}

export async function readExcelTable(context: Context, location: TableLocation, locale: Locale, onProgress?: ReadProgress): Promise<TableSnapshot> {
  const region = await findRegion(context, location, locale);
  const rows = await readRows(context, region, onProgress);
  return {
    sheetName: region.sheetName,
    ...(region.tableName !== undefined ? { tableName: region.tableName } : {}),
    headerRow: region.headerRow,
    firstColumn: region.firstColumn,
    header: region.header,
    rows,
  };
}

// ——— formula at the selection ———

/** Writes a formula into the active cell in two syncs: look (address, format), then write. */
export async function insertExcelFormula(context: Context, formula: string, language: FormulaLanguage): Promise<{ sheetName: string; address: string }> {
  const cell = context.workbook.getActiveCell().load('address,numberFormat');
  const sheet = cell.worksheet.load('name');
  await context.sync();
  // A formula typed into a text (`@`) cell stays text: such a cell gets General first.
  if (cell.numberFormat[0]?.[0] === '@') cell.numberFormat = [['General']];
  const text = formula.startsWith('=') ? formula : `=${formula}`;
  cell[language.property] = [[localizeFormula(text, language.names)]];
  await context.sync();
  return { sheetName: sheet.name, address: cell.address.slice(cell.address.lastIndexOf('!') + 1) };
}

// ——— writes: cells to blocks ———

export interface Block {
  /** Data rows and columns (0-based, inclusive). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly cells: readonly (readonly WriteCell[])[];
}

/** Runs of adjacent columns whose cell is defined (undefined = leave the cell as it is). */
function definedRuns(cells: readonly (WriteCell | undefined)[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  cells.forEach((cell, c) => {
    if (cell === undefined) return;
    const prev = runs[runs.length - 1];
    if (prev && prev.last === c - 1) prev.last = c;
    else runs.push({ first: c, last: c });
  });
  return runs;
}

/**
 * Rectangles covering exactly the defined cells: consecutive rows with the same defined columns
 * share one block per run of columns, so a batch of appended rows is one 2-D write and cells left
 * undefined (a computed column, an untouched cell) are never overwritten.
 */
export function toBlocks(rows: ReadonlyMap<number, readonly (WriteCell | undefined)[]>): Block[] {
  const blocks: Block[] = [];
  let group: { first: number; last: number; shape: string; runs: { first: number; last: number }[] } | undefined;
  const flush = () => {
    if (!group) return;
    const { first, last } = group;
    for (const run of group.runs) {
      const cells: WriteCell[][] = [];
      for (let r = first; r <= last; r++) cells.push((rows.get(r) ?? []).slice(run.first, run.last + 1) as WriteCell[]);
      blocks.push({ firstRow: first, lastRow: last, firstColumn: run.first, lastColumn: run.last, cells });
    }
  };
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const runs = definedRuns(rows.get(row) ?? []);
    const shape = runs.map((r) => `${r.first}-${r.last}`).join(',');
    if (group && group.last === row - 1 && group.shape === shape) group.last = row;
    else {
      flush();
      group = { first: row, last: row, shape, runs };
    }
  }
  flush();
  return blocks;
}

// ——— writes: the state placeWrite needs ———

/** Stands for a filled cell of a row known to be filled somewhere (sync 1 learns where, not what). */
const FILLED = '\u0001';

/** What sync 1 learned about one table, as plain data. */
export interface Loaded {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** Data row of the last row with a value in any input column, per run of input columns (`first-last`); -1 when none. */
  readonly lastFilled: ReadonlyMap<string, number>;
  /** Data rows whose key cell holds the key, by `keyId(column, value)`. */
  readonly keyRows: ReadonlyMap<string, readonly number[]>;
  readonly updateRows: ReadonlyMap<number, readonly CellValue[]>;
}

export const keyId = (column: number, value: string): string => `${column}\u0000${value}`;

/**
 * The data rows of a key column that `findAll` matched, from the matches' address
 * (`'表3 …'!I5:I7,'表3 …'!I12`): cells in other columns or outside the data rows are not the table's.
 */
export function keyRowsOf(address: string, column: number, firstRow: number, rowCount: number): number[] {
  const rows: number[] = [];
  for (const match of address.matchAll(/!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=\s*(?:,|$))/g)) {
    const [, left = '', top = '', right = left, bottom = top] = match;
    if (columnIndex(left) > column || columnIndex(right) < column) continue;
    const last = Math.min(Number(bottom) - 1, firstRow + rowCount - 1);
    for (let row = Math.max(Number(top) - 1, firstRow); row <= last; row++) rows.push(row - firstRow);
  }
  return rows;
}

const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Runs of a write's input (non-computed) columns, keyed `first-last`. */
export function inputRuns(write: TableWrite): string[] {
  const cells = write.header.map((_label, c) => (write.computed[c] ? undefined : null));
  return definedRuns(cells).map((r) => `${r.first}-${r.last}`);
}

/** Rows placed by earlier writes of the same batch into the same table, and its size since. */
export interface Overlay {
  readonly rows: Map<number, (WriteCell | undefined)[]>;
  rowCount: number;
}

const asRead = (cell: WriteCell | undefined, before: CellValue): CellValue =>
  cell === undefined ? before : cell !== null && typeof cell === 'object' ? FILLED : cell;

function overlaid(before: readonly CellValue[], placed: readonly (WriteCell | undefined)[] | undefined, width: number): CellValue[] {
  return Array.from({ length: width }, (_v, c) => asRead(placed?.[c], before[c] ?? null));
}

/**
 * The TableState of `placeWrite` from what sync 1 loaded. The tail is rebuilt from where the input
 * columns' last filled row is: a table's last rows cannot be addressed before its size is known,
 * and placement only asks of them whether every input cell is blank.
 */
export function tableState(write: TableWrite, loaded: Loaded, overlay: Overlay): TableState {
  const width = write.header.length;
  const lastFilled = Math.max(-1, ...inputRuns(write).map((run) => loaded.lastFilled.get(run) ?? -1));
  const rowCount = overlay.rowCount;
  const tailStart = Math.max(0, rowCount - TAIL_ROWS);
  const filledRow = new Array<CellValue>(width).fill(FILLED);
  const blankRow = new Array<CellValue>(width).fill(null);
  const tail: CellValue[][] = [];
  for (let row = tailStart; row < rowCount; row++) {
    const before = row <= lastFilled && row < loaded.rowCount ? filledRow : blankRow;
    tail.push(overlaid(before, overlay.rows.get(row), width));
  }
  const key = write.key;
  let keyValues: CellValue[] | undefined;
  if (key !== undefined) {
    // Only the rows holding this key matter to placement; the others read as blank.
    const before = new Array<CellValue>(rowCount).fill(null);
    for (const row of loaded.keyRows.get(keyId(key.column, key.value)) ?? []) before[row] = key.value;
    keyValues = before.map((value, row) => asRead(overlay.rows.get(row)?.[key.column], value));
  }
  const updateRows = new Map<number, readonly CellValue[]>();
  for (const update of write.updates ?? []) {
    if (update.row < 0 || update.row >= rowCount) continue;
    updateRows.set(update.row, overlaid(loaded.updateRows.get(update.row) ?? blankRow, overlay.rows.get(update.row), width));
  }
  return { header: loaded.header, rowCount, tailStart, tail, ...(keyValues ? { keyValues } : {}), updateRows };
}

/** Places every write of one table in order, each seeing the rows the earlier ones placed. */
export function placeAll(
  writes: readonly { readonly index: number; readonly write: TableWrite }[],
  loaded: Loaded,
  sheetName: string,
  locale: Locale,
): { overlay: Overlay; results: Map<number, TableWriteResult> } {
  const overlay: Overlay = { rows: new Map(), rowCount: loaded.rowCount };
  const results = new Map<number, TableWriteResult>();
  for (const { index, write } of writes) {
    const placement = placeWrite(write, tableState(write, loaded, overlay), sheetName, locale);
    for (const placed of placement.rows) {
      const row = overlay.rows.get(placed.dataRow) ?? [];
      // Cells past the write's header would land outside its columns.
      placed.cells.slice(0, write.header.length).forEach((cell, c) => {
        if (cell !== undefined) row[c] = cell;
      });
      overlay.rows.set(placed.dataRow, row);
    }
    overlay.rowCount = Math.max(overlay.rowCount, placement.rowCountAfter);
    results.set(index, placement.result);
  }
  return { overlay, results };
}
