/**
 * The web host's table reads and writes (WorkbookPort.readTable / writeTables /
 * insertFormulaAtSelection) over Univer's facade. Writes follow the one placement rule every host
 * shares (workbook/placement.ts): load a TableState per write, place every write, and only when
 * all placements succeeded touch the workbook — grow sheets and tables first, then one value write
 * per table, then grow the drop-downs and conditional formats over appended rows, then wait for
 * the formulas.
 */
import { CellValueType, type ICellData, type IObjectMatrixPrimitiveType, type IRange, type Nullable } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
import type { FWorkbook, FWorksheet } from '@univerjs/sheets/facade';

import '@univerjs/sheets/facade';
import '@univerjs/sheets-conditional-formatting/facade';
import '@univerjs/sheets-data-validation/facade';
import '@univerjs/sheets-formula/facade';
import '@univerjs/sheets-table/facade';

import { HEADER_ROW, L, type Locale, cellAddress } from '../../core';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import { type Placement, TAIL_ROWS, type TableState, placeWrite, refuseSecondWrite } from '../../workbook/placement';
import {
  type CellValue,
  type ReadProgress,
  type TableLocation,
  type TableSnapshot,
  type TableWrite,
  type TableWriteResult,
  WorkbookError,
  type WorkbookPort,
  type WriteCell,
} from '../../workbook/port';

/** Rows per facade read: keeps each read small and lets the pane repaint its progress between chunks. */
export const READ_CHUNK_ROWS = 2000;

const MESSAGES = {
  ...PORT_MESSAGES,
  resizeFailed: (s: string) => L(`无法扩展工作表“${s}”上的表格。`, `Could not extend the table on sheet "${s}".`),
} as const;

export interface UniverTablesContext {
  readonly api: FUniver;
  readonly workbookOf: () => FWorkbook;
  readonly locale: Locale;
  /** Wait for Univer to recalculate before a write resolves. */
  readonly awaitCalculation: boolean;
}

/** Where a table stands on its sheet. */
interface TableGeometry {
  readonly sheet: FWorksheet;
  readonly sheetName: string;
  readonly table?: { readonly id: string; readonly name: string };
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly width: number;
  /** Data rows below the header. */
  readonly rowCount: number;
}

/** A cell as the port reads it: computed value, text stays text, errors as their text, blank is null. */
export function cellValueOf(data: Nullable<ICellData>): CellValue {
  if (!data) return null;
  let { v } = data;
  // Rich text keeps its text in the document body, not in v.
  if ((v === undefined || v === null) && data.p?.body?.dataStream) v = data.p.body.dataStream.replace(/\r?\n$/, '');
  if (v === undefined || v === null || v === '') return null;
  switch (data.t) {
    case CellValueType.BOOLEAN:
      return v === true || v === 1 || (typeof v === 'string' && v.toUpperCase() === 'TRUE');
    case CellValueType.NUMBER:
      return typeof v === 'number' ? v : Number(v);
    case CellValueType.STRING:
    case CellValueType.FORCE_STRING:
      return String(v);
    default:
      return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  }
}

const isFormula = (cell: WriteCell): cell is { readonly formulaAt: (sheetRow: number) => string } =>
  cell !== null && typeof cell === 'object';

/**
 * A write cell as Univer cell data that replaces whatever the cell held (`null` drops the old
 * formula, shared-formula id and rich text; style is kept). Text is typed STRING, so a user's
 * `=HYPERLINK(…)` stays literal; formulas are the en-US `=SALES.…` form, the only names the web
 * host registers.
 */
function writeCellData(cell: WriteCell, sheetRow: number): ICellData {
  const reset: ICellData = { f: null, si: null, p: null };
  if (cell === null) return { ...reset, v: null };
  if (isFormula(cell)) {
    const formula = cell.formulaAt(sheetRow);
    return { ...reset, v: null, f: formula.startsWith('=') ? formula : `=${formula}` };
  }
  if (typeof cell === 'string') return { ...reset, v: cell, t: CellValueType.STRING };
  if (typeof cell === 'boolean') return { ...reset, v: cell, t: CellValueType.BOOLEAN };
  return { ...reset, v: cell, t: CellValueType.NUMBER };
}

function readBlock(sheet: FWorksheet, row: number, column: number, rows: number, columns: number): CellValue[][] {
  if (rows <= 0 || columns <= 0) return [];
  return sheet
    .getRange(row, column, rows, columns)
    .getCellDatas()
    .map((cells) => Array.from({ length: columns }, (_v, c) => cellValueOf(cells[c])));
}

const headerText = (value: CellValue): string => (value === null ? '' : String(value).trim());
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The table by name, else the sheet's first table, else the template layout (header on row 2). */
function locate(ctx: UniverTablesContext, location: TableLocation): TableGeometry {
  const { sheetName } = location;
  const sheet = ctx.workbookOf().getSheetByName(sheetName);
  if (!sheet) throw new WorkbookError(MESSAGES.noSheet(sheetName)[ctx.locale], sheetName);
  const tables = [...sheet.getSubTableInfos()].sort(
    (a, b) => a.range.startRow - b.range.startRow || a.range.startColumn - b.range.startColumn,
  );
  const wanted = location.tableName?.toLowerCase();
  const table = wanted === undefined ? tables[0] : tables.find((t) => t.name.toLowerCase() === wanted);
  if (table) {
    const { startRow, startColumn, endRow, endColumn } = table.range;
    const width = endColumn - startColumn + 1;
    return {
      sheet,
      sheetName,
      table: { id: table.id, name: table.name },
      headerRow: startRow,
      firstColumn: startColumn,
      width,
      rowCount: endRow - startRow,
    };
  }
  if (location.tableName !== undefined) throw new WorkbookError(MESSAGES.noTable(sheetName, location.tableName)[ctx.locale], sheetName);
  // Template layout without a table: the header runs from A2 to the first blank header cell
  // (the funnel's summary sits on the header row after one empty column), data to the last used row.
  const labels = readBlock(sheet, HEADER_ROW, 0, 1, sheet.getLastColumn() + 1)[0] ?? [];
  const blank = labels.findIndex((label) => headerText(label) === '');
  const width = blank < 0 ? labels.length : blank;
  if (width === 0) throw new WorkbookError(MESSAGES.noHeader(sheetName)[ctx.locale], sheetName);
  return { sheet, sheetName, headerRow: HEADER_ROW, firstColumn: 0, width, rowCount: Math.max(0, sheet.getLastRow() - HEADER_ROW) };
}

const headerOf = (g: TableGeometry): string[] => (readBlock(g.sheet, g.headerRow, g.firstColumn, 1, g.width)[0] ?? []).map(headerText);
/** Data rows `from` .. `from + count - 1`, `columns` wide. */
const dataRows = (g: TableGeometry, from: number, count: number, columns = g.width): CellValue[][] =>
  readBlock(g.sheet, g.headerRow + 1 + from, g.firstColumn, count, columns);

async function readTable(ctx: UniverTablesContext, location: TableLocation, onProgress?: ReadProgress): Promise<TableSnapshot> {
  const g = locate(ctx, location);
  const rows: CellValue[][] = [];
  onProgress?.(0, g.rowCount);
  for (let from = 0; from < g.rowCount; from += READ_CHUNK_ROWS) {
    if (from > 0) await nextTask();
    rows.push(...dataRows(g, from, Math.min(READ_CHUNK_ROWS, g.rowCount - from)));
    onProgress?.(rows.length, g.rowCount);
  }
  return {
    sheetName: g.sheetName,
    ...(g.table ? { tableName: g.table.name } : {}),
    headerRow: g.headerRow,
    firstColumn: g.firstColumn,
    header: headerOf(g),
    rows,
  };
}

/** What placeWrite needs about one table, read from the sheet. */
function stateOf(g: TableGeometry, write: TableWrite): TableState {
  const columns = Math.min(g.width, write.header.length);
  const tailStart = Math.max(0, g.rowCount - TAIL_ROWS);
  const keyColumn = write.key?.column;
  const keyValues = keyColumn === undefined || keyColumn >= g.width ? undefined : dataRowsOfColumn(g, keyColumn);
  const updateRows = new Map<number, CellValue[]>();
  for (const update of write.updates ?? []) {
    if (update.row >= 0 && update.row < g.rowCount) updateRows.set(update.row, dataRows(g, update.row, 1, columns)[0] ?? []);
  }
  return {
    header: headerOf(g),
    rowCount: g.rowCount,
    tailStart,
    tail: dataRows(g, tailStart, g.rowCount - tailStart, columns),
    ...(keyValues ? { keyValues } : {}),
    updateRows,
  };
}

function dataRowsOfColumn(g: TableGeometry, column: number): CellValue[] {
  const values: CellValue[] = [];
  for (let from = 0; from < g.rowCount; from += READ_CHUNK_ROWS) {
    const rows = readBlock(g.sheet, g.headerRow + 1 + from, g.firstColumn + column, Math.min(READ_CHUNK_ROWS, g.rowCount - from), 1);
    for (const row of rows) values.push(row[0] ?? null);
  }
  return values;
}

/** Rows appended past the table's end land on sheet rows that must be empty: we never overwrite a user's cell. */
function checkBelow(ctx: UniverTablesContext, g: TableGeometry, placement: Placement): void {
  const extra = placement.rowCountAfter - g.rowCount;
  if (extra <= 0) return;
  const firstRow = g.headerRow + 1 + g.rowCount;
  const available = Math.max(0, Math.min(extra, g.sheet.getMaxRows() - firstRow));
  if (available === 0) return;
  const cells = g.sheet.getRange(firstRow, g.firstColumn, available, g.width).getCellDatas();
  for (const [r, row] of cells.entries()) {
    const c = row.findIndex((data) => !!data && (!!data.f || !!data.si || cellValueOf(data) !== null));
    if (c < 0) continue;
    const address = cellAddress(firstRow + r, g.firstColumn + c);
    throw new WorkbookError(MESSAGES.belowInUse(g.sheetName, address)[ctx.locale], g.sheetName);
  }
}

/** Appended rows take the number formats and styles of the table's last row. */
function modelStyles(g: TableGeometry): readonly Nullable<ICellData['s']>[] {
  if (g.rowCount === 0) return [];
  const last = g.sheet.getRange(g.headerRow + g.rowCount, g.firstColumn, 1, g.width).getCellDatas()[0] ?? [];
  return Array.from({ length: g.width }, (_v, c) => last[c]?.s);
}

/** Writes one placement in a single setValues; true when a cell's content changed (styles alone do not count). */
function writeValues(g: TableGeometry, placement: Placement): boolean {
  const styles = modelStyles(g);
  const matrix: IObjectMatrixPrimitiveType<ICellData> = {};
  let changed = false;
  for (const placed of placement.rows) {
    const sheetRow = g.headerRow + 1 + placed.dataRow;
    const appended = placed.dataRow >= g.rowCount;
    for (let c = 0; c < g.width; c++) {
      const cell = placed.cells[c];
      const style = appended ? styles[c] : undefined;
      if (cell === undefined && !style) continue; // left as it is
      (matrix[sheetRow] ??= {})[g.firstColumn + c] = {
        ...(style ? { s: style } : {}),
        ...(cell === undefined ? {} : writeCellData(cell, sheetRow)),
      };
      changed ||= cell !== undefined;
    }
  }
  if (Object.keys(matrix).length > 0) g.sheet.getRange(g.headerRow, g.firstColumn).setValues(matrix);
  return changed;
}

/**
 * Ranges reaching the table's last data row (sheet row `lastRow`) in a table column, grown down to
 * `newLastRow`; null when none does, so rules that stop above the table's end are left alone.
 */
function extendedRanges(g: TableGeometry, ranges: readonly IRange[], lastRow: number, newLastRow: number): IRange[] | null {
  const lastColumn = g.firstColumn + g.width - 1;
  let grown = false;
  const next = ranges.map((range) => {
    const reaches = range.startRow <= lastRow && range.endRow >= lastRow && range.endRow < newLastRow;
    const inTable = range.startColumn <= lastColumn && range.endColumn >= g.firstColumn;
    if (!reaches || !inTable) return range;
    grown = true;
    return { ...range, endRow: newLastRow };
  });
  return grown ? next : null;
}

/** Appended rows take the drop-downs and conditional formats of the rows above them. */
function extendRules(g: TableGeometry, placement: Placement): void {
  if (g.rowCount === 0 || placement.rowCountAfter <= g.rowCount) return;
  const lastRow = g.headerRow + g.rowCount;
  const newLastRow = g.headerRow + placement.rowCountAfter;
  for (const validation of g.sheet.getDataValidations()) {
    const ranges = extendedRanges(g, validation.rule.ranges, lastRow, newLastRow);
    if (ranges) validation.setRanges(ranges.map((range) => g.sheet.getRange(range)));
  }
  for (const rule of g.sheet.getConditionalFormattingRules()) {
    const ranges = extendedRanges(g, rule.ranges, lastRow, newLastRow);
    if (ranges) g.sheet.setConditionalFormattingRule(rule.cfId, { ...rule, ranges });
  }
}

async function writeTables(ctx: UniverTablesContext, writes: readonly TableWrite[]): Promise<readonly TableWriteResult[]> {
  // 1. Locate and place every write; any failure throws here, before the workbook is touched.
  const located = writes.map((write) => locate(ctx, write.location));
  refuseSecondWrite(
    located.map((g) => ({ key: `${g.sheet.getSheetId()}:${g.headerRow}:${g.firstColumn}`, sheetName: g.sheetName })),
    ctx.locale,
  );
  const planned = writes.map((write, i) => {
    const g = located[i] as (typeof located)[number];
    const placement = placeWrite(write, stateOf(g, write), g.sheetName, ctx.locale);
    checkBelow(ctx, g, placement);
    return { g, placement };
  });

  // 2. Structure: grow sheets and tables (blank rows only, harmless if a later step failed).
  for (const { g, placement } of planned) {
    if (placement.rowCountAfter <= g.rowCount) continue;
    const lastRow = g.headerRow + placement.rowCountAfter;
    if (g.sheet.getMaxRows() < lastRow + 1) g.sheet.setRowCount(lastRow + 1);
    if (!g.table) continue;
    const range = { startRow: g.headerRow, startColumn: g.firstColumn, endRow: lastRow, endColumn: g.firstColumn + g.width - 1 };
    if (!(await g.sheet.setTableRange(g.table.id, range)))
      throw new WorkbookError(MESSAGES.resizeFailed(g.sheetName)[ctx.locale], g.sheetName);
  }

  // 3. Values: one write per table.
  let wrote = false;
  for (const { g, placement } of planned) wrote = writeValues(g, placement) || wrote;
  // 4. Drop-downs and conditional formats follow the table down over the appended rows.
  for (const { g, placement } of planned) extendRules(g, placement);
  // Any written value may feed a formula; readers expect computed values once this resolves.
  if (wrote && ctx.awaitCalculation) await ctx.api.getFormula().onCalculationResultApplied();
  return planned.map((p) => p.placement.result);
}

async function insertFormulaAtSelection(
  ctx: UniverTablesContext,
  formula: string,
): Promise<{ readonly sheetName: string; readonly address: string }> {
  const workbook = ctx.workbookOf();
  const sheet = workbook.getActiveSheet();
  // The active cell; a merged or multi-cell selection writes into its top-left cell.
  const target = workbook.getActiveCell() ?? workbook.getActiveRange();
  if (!target) throw new WorkbookError(MESSAGES.noSelection()[ctx.locale], sheet.getSheetName());
  const row = target.getRow();
  const column = target.getColumn();
  sheet.getRange(row, column).setValues({ [row]: { [column]: writeCellData({ formulaAt: () => formula }, row) } });
  if (ctx.awaitCalculation) await ctx.api.getFormula().onCalculationResultApplied();
  return { sheetName: sheet.getSheetName(), address: cellAddress(row, column) };
}

export function createUniverTables(ctx: UniverTablesContext): Pick<WorkbookPort, 'readTable' | 'writeTables' | 'insertFormulaAtSelection'> {
  return {
    readTable: (location, onProgress) => readTable(ctx, location, onProgress),
    writeTables: (writes) => writeTables(ctx, writes),
    insertFormulaAtSelection: (formula) => insertFormulaAtSelection(ctx, formula),
  };
}
