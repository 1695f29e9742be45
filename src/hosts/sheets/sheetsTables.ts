/**
 * Table reads and writes of the Google Sheets host, synchronous as Apps Script runs them. A table
 * is a named range over header + data (as sheetsTemplates.ts creates it), else the template layout
 * (header on row 2). Writes follow the one placement rule (src/workbook/placement.ts) and the port
 * contract: every target is located, read and placed first, and only when all placements succeed is
 * the workbook touched — all under the document lock, with a number of service calls that does not
 * grow with the rows: one read of each table, one format and one value write per table.
 */
import { type CellValue, HEADER_ROW, L, type Locale, cellAddress } from '../../core';
import { type Placement, type TableState, TAIL_ROWS, placeWrite, refuseSecondWrite } from '../../workbook/placement';
import type { ReadProgress, TableLocation, TableSnapshot, TableWrite, TableWriteResult, WriteCell } from '../../workbook/port';
import { WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import type { SheetsApp, SheetsLockService, SheetsNamedRange, SheetsSheet, SheetsSpreadsheet } from './sheetsApi';
import { DEFAULT_FORMAT, TEXT_FORMAT, cellValueOf, sheetsFormula, valueToWrite } from './sheetsCells';
import { rangeOf } from './sheetsTemplates';

/** Rows per read: Apps Script answers one call at a time, and a smaller answer keeps each one quick. */
export const READ_CHUNK_ROWS = 5000;
/** How long a write waits for another script (another user's write) to finish. */
const LOCK_WAIT_MS = 20_000;

const MESSAGES = {
  ...PORT_MESSAGES,
  busy: () =>
    L(
      '另一个写入正在进行。请稍候片刻再试,未写入任何内容。',
      'Another write is in progress. Wait a moment and try again; nothing was written.',
    ),
} as const;

/** Where a table stands on its sheet (0-based, as the core counts). */
interface TableGeometry {
  readonly sheet: SheetsSheet;
  readonly sheetName: string;
  readonly namedRange?: SheetsNamedRange;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly width: number;
  readonly rowCount: number;
}

const headerText = (value: CellValue): string => (value === null ? '' : String(value).trim());

/** The named ranges of a sheet, top-left first: the sheet's tables. */
function tablesOn(spreadsheet: SheetsSpreadsheet, sheetName: string): SheetsNamedRange[] {
  return spreadsheet
    .getNamedRanges()
    .filter((named) => named.getRange().getSheet().getName() === sheetName)
    .sort((a, b) => a.getRange().getRow() - b.getRange().getRow() || a.getRange().getColumn() - b.getRange().getColumn());
}

export interface SheetsTables {
  readTable(location: TableLocation, onProgress?: ReadProgress): TableSnapshot;
  writeTables(writes: readonly TableWrite[]): readonly TableWriteResult[];
  insertFormulaAtSelection(formula: string): { readonly sheetName: string; readonly address: string };
}

function locate(locale: Locale, spreadsheet: SheetsSpreadsheet, location: TableLocation, timeZone: string): TableGeometry {
  const { sheetName } = location;
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new WorkbookError(MESSAGES.noSheet(sheetName)[locale], sheetName);
  const tables = tablesOn(spreadsheet, sheetName);
  const wanted = location.tableName?.toLowerCase();
  const named = wanted === undefined ? tables[0] : tables.find((t) => t.getName().toLowerCase() === wanted);
  if (named) {
    const range = named.getRange();
    return {
      sheet,
      sheetName,
      namedRange: named,
      headerRow: range.getRow() - 1,
      firstColumn: range.getColumn() - 1,
      width: range.getNumColumns(),
      rowCount: range.getNumRows() - 1,
    };
  }
  if (location.tableName !== undefined) throw new WorkbookError(MESSAGES.noTable(sheetName, location.tableName)[locale], sheetName);
  // Template layout without a table: the header runs from A2 to the first blank header cell.
  const lastColumn = sheet.getLastColumn();
  const labels = lastColumn === 0 ? [] : (rangeOf(sheet, HEADER_ROW, 0, 1, lastColumn).getValues()[0] ?? []);
  const blank = labels.findIndex((label) => headerText(cellValueOf(label, timeZone)) === '');
  const width = blank < 0 ? labels.length : blank;
  if (width === 0) throw new WorkbookError(MESSAGES.noHeader(sheetName)[locale], sheetName);
  return { sheet, sheetName, headerRow: HEADER_ROW, firstColumn: 0, width, rowCount: Math.max(0, sheet.getLastRow() - 1 - HEADER_ROW) };
}

/** Header + every data row in one call (the placement needs the tail, the key column and the updated rows). */
function readWhole(g: TableGeometry): unknown[][] {
  return rangeOf(g.sheet, g.headerRow, g.firstColumn, g.rowCount + 1, g.width).getValues();
}

function readTable(app: SheetsApp, locale: Locale, location: TableLocation, onProgress?: ReadProgress): TableSnapshot {
  const spreadsheet = app.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const g = locate(locale, spreadsheet, location, timeZone);
  const header = (rangeOf(g.sheet, g.headerRow, g.firstColumn, 1, g.width).getValues()[0] ?? []).map((v) =>
    headerText(cellValueOf(v, timeZone)),
  );
  const rows: CellValue[][] = [];
  onProgress?.(0, g.rowCount);
  for (let from = 0; from < g.rowCount; from += READ_CHUNK_ROWS) {
    const count = Math.min(READ_CHUNK_ROWS, g.rowCount - from);
    for (const row of rangeOf(g.sheet, g.headerRow + 1 + from, g.firstColumn, count, g.width).getValues()) {
      rows.push(row.map((value) => cellValueOf(value, timeZone)));
    }
    onProgress?.(rows.length, g.rowCount);
  }
  return {
    sheetName: g.sheetName,
    ...(g.namedRange ? { tableName: g.namedRange.getName() } : {}),
    headerRow: g.headerRow,
    firstColumn: g.firstColumn,
    header,
    rows,
  };
}

function stateOf(whole: readonly (readonly CellValue[])[], g: TableGeometry, write: TableWrite): TableState {
  const data = whole.slice(1);
  const columns = Math.min(g.width, write.header.length);
  const tailStart = Math.max(0, g.rowCount - TAIL_ROWS);
  const keyColumn = write.key?.column;
  const updateRows = new Map<number, CellValue[]>();
  for (const update of write.updates ?? []) {
    const row = data[update.row];
    if (row !== undefined) updateRows.set(update.row, row.slice(0, columns));
  }
  return {
    header: (whole[0] ?? []).map(headerText),
    rowCount: g.rowCount,
    tailStart,
    tail: data.slice(tailStart).map((row) => row.slice(0, columns)),
    ...(keyColumn !== undefined && keyColumn < g.width ? { keyValues: data.map((row) => row[keyColumn] ?? null) } : {}),
    updateRows,
  };
}

/** Rows appended past the table land on sheet rows that must be empty: a user's cell is never overwritten. */
function checkBelow(locale: Locale, g: TableGeometry, placement: Placement): void {
  const extra = placement.rowCountAfter - g.rowCount;
  const firstRow = g.headerRow + 1 + g.rowCount;
  const available = Math.max(0, Math.min(extra, g.sheet.getMaxRows() - firstRow));
  if (available === 0) return;
  const below = rangeOf(g.sheet, firstRow, g.firstColumn, available, g.width);
  const formulas = below.getFormulas();
  below.getValues().forEach((row, r) => {
    const c = row.findIndex((value, i) => value !== '' || (formulas[r]?.[i] ?? '') !== '');
    if (c >= 0) {
      throw new WorkbookError(MESSAGES.belowInUse(g.sheetName, cellAddress(firstRow + r, g.firstColumn + c))[locale], g.sheetName);
    }
  });
}

/**
 * One placement as two calls: the formats then the values of the rectangle from its first to its
 * last placed row (appended rows take the formats of the table's last row). Cells the placement
 * leaves alone are written back as they were: their formula, else their value.
 */
function writePlacement(g: TableGeometry, placement: Placement, whole: readonly unknown[][]): void {
  if (placement.rows.length === 0) return;
  const dataRows = placement.rows.map((p) => p.dataRow);
  const appending = placement.rowCountAfter > g.rowCount && g.rowCount > 0;
  const top = Math.min(...dataRows, appending ? g.rowCount - 1 : Number.POSITIVE_INFINITY);
  const bottom = Math.max(...dataRows);
  const block = rangeOf(g.sheet, g.headerRow + 1 + top, g.firstColumn, bottom - top + 1, g.width);
  const formulas = block.getFormulas();
  const formats = block.getNumberFormats();
  const modelFormats = g.rowCount > 0 ? (formats[g.rowCount - 1 - top] ?? []) : [];
  const values: unknown[][] = formulas.map((row, r) =>
    row.map((formula, c) => (formula !== '' ? formula : top + r < g.rowCount ? (whole[1 + top + r]?.[c] ?? '') : '')),
  );
  // A text left alone is written back as text: in a General cell "'123" would come back as 123.
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === 'string' && value !== '' && (formulas[r]?.[c] ?? '') === '') (formats[r] as string[])[c] = TEXT_FORMAT;
    }),
  );
  for (let r = Math.max(0, g.rowCount - top); r < formats.length; r++) formats[r] = [...modelFormats].map((f) => f || DEFAULT_FORMAT);
  for (const placed of placement.rows) {
    const r = placed.dataRow - top;
    const sheetRow = g.headerRow + 1 + placed.dataRow;
    placed.cells.forEach((cell: WriteCell | undefined, c) => {
      if (cell === undefined || c >= g.width) return;
      const rowValues = values[r] as unknown[];
      const rowFormats = formats[r] as string[];
      if (cell !== null && typeof cell === 'object') {
        rowValues[c] = sheetsFormula(cell.formulaAt(sheetRow));
        if (rowFormats[c] === TEXT_FORMAT) rowFormats[c] = DEFAULT_FORMAT;
        return;
      }
      [rowValues[c], rowFormats[c]] = valueToWrite(cell, rowFormats[c] ?? DEFAULT_FORMAT);
    });
  }
  block.setNumberFormats(formats);
  block.setValues(values);
}

/** Appended rows take the drop-downs and conditional formats of the table's last row. */
function extendRules(g: TableGeometry, placement: Placement): void {
  if (g.rowCount === 0 || placement.rowCountAfter <= g.rowCount) return;
  const added = placement.rowCountAfter - g.rowCount;
  const lastSheetRow = g.headerRow + g.rowCount; // 0-based sheet row of the last data row
  const model = rangeOf(g.sheet, lastSheetRow, g.firstColumn, 1, g.width).getDataValidations()[0] ?? [];
  if (model.some((rule) => rule !== null)) {
    rangeOf(g.sheet, lastSheetRow + 1, g.firstColumn, added, g.width).setDataValidations(Array.from({ length: added }, () => [...model]));
  }
  const rules = g.sheet.getConditionalFormatRules();
  let grown = false;
  const next = rules.map((rule) => {
    const ranges = rule.getRanges();
    let reaches = false;
    const extended = ranges.map((range) => {
      const lastRow = range.getRow() + range.getNumRows() - 1; // 1-based
      const inTable = range.getColumn() <= g.firstColumn + g.width && range.getColumn() + range.getNumColumns() - 1 >= g.firstColumn + 1;
      if (lastRow !== lastSheetRow + 1 || !inTable) return range;
      reaches = true;
      return g.sheet.getRange(range.getRow(), range.getColumn(), range.getNumRows() + added, range.getNumColumns());
    });
    if (!reaches) return rule;
    grown = true;
    return rule.copy().setRanges(extended).build();
  });
  if (grown) g.sheet.setConditionalFormatRules(next);
}

function writeTables(
  app: SheetsApp,
  lockService: SheetsLockService,
  locale: Locale,
  writes: readonly TableWrite[],
): readonly TableWriteResult[] {
  const lock = lockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new WorkbookError(MESSAGES.busy()[locale]);
  }
  try {
    const spreadsheet = app.getActiveSpreadsheet();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    // 1. Locate, read and place every write; any failure throws here, before anything is written.
    const located = writes.map((write) => locate(locale, spreadsheet, write.location, timeZone));
    refuseSecondWrite(
      located.map((g) => ({ key: `${g.sheet.getSheetId()}:${g.headerRow}:${g.firstColumn}`, sheetName: g.sheetName })),
      locale,
    );
    const planned = writes.map((write, i) => {
      const g = located[i] as TableGeometry;
      const raw = readWhole(g);
      const whole = raw.map((row) => row.map((value) => cellValueOf(value, timeZone)));
      const placement = placeWrite(write, stateOf(whole, g, write), g.sheetName, locale);
      checkBelow(locale, g, placement);
      return { g, placement, raw };
    });
    // 2. Structure: grow sheets and the named ranges (blank rows only).
    for (const { g, placement } of planned) {
      if (placement.rowCountAfter <= g.rowCount) continue;
      const lastSheetRow = g.headerRow + placement.rowCountAfter + 1; // 1-based
      const maxRows = g.sheet.getMaxRows();
      if (maxRows < lastSheetRow) g.sheet.insertRowsAfter(maxRows, lastSheetRow - maxRows);
      g.namedRange?.setRange(rangeOf(g.sheet, g.headerRow, g.firstColumn, placement.rowCountAfter + 1, g.width));
    }
    // 3. Values, then the rules that follow the table down.
    for (const { g, placement, raw } of planned) writePlacement(g, placement, raw);
    for (const { g, placement } of planned) extendRules(g, placement);
    app.flush();
    return planned.map((p) => p.placement.result);
  } finally {
    lock.releaseLock();
  }
}

function insertFormulaAtSelection(
  app: SheetsApp,
  locale: Locale,
  formula: string,
): { readonly sheetName: string; readonly address: string } {
  const spreadsheet = app.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const target = spreadsheet.getCurrentCell() ?? spreadsheet.getActiveRange();
  if (!target) throw new WorkbookError(MESSAGES.noSelection()[locale], sheet.getName());
  const row = target.getRow();
  const column = target.getColumn();
  sheet.getRange(row, column, 1, 1).setFormula(sheetsFormula(formula));
  return { sheetName: sheet.getName(), address: cellAddress(row - 1, column - 1) };
}

export function createSheetsTables(app: SheetsApp, lockService: SheetsLockService, locale: Locale): SheetsTables {
  return {
    readTable: (location, onProgress) => readTable(app, locale, location, onProgress),
    writeTables: (writes) => writeTables(app, lockService, locale, writes),
    insertFormulaAtSelection: (formula) => insertFormulaAtSelection(app, locale, formula),
  };
}
