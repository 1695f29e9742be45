/**
 * Table reads of the Excel host (WorkbookPort.readTable, insertFormulaAtSelection): one sync finds
 * the table — its sheet, header and size (a location without a table name takes one more, to find
 * the sheet's first table or its template layout) — then the rows come in chunks, one per sync,
 * each sized from the bytes per row measured so far so that no response exceeds 4 MB (Excel on the
 * web fails responses past 5 MB).
 */
import { HEADER_ROW, type Locale, rangeAddress } from '../../core';
import { type CellValue, type ReadProgress, type TableLocation, type TableSnapshot, WorkbookError } from '../../workbook/port';
import { type FormulaLanguage, formulaProperty, label, readCell, typedFormula, utf8Bytes } from './excelCells';
import { errorCode, excelMessage } from './excelErrors';

type Context = Excel.RequestContext;

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
    return {
      sheetName: sheet.name,
      tableName,
      headerRow: header.rowIndex,
      firstColumn: header.columnIndex,
      header: labels,
      rowCount: body.rowCount,
    };
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

export async function readExcelTable(
  context: Context,
  location: TableLocation,
  locale: Locale,
  onProgress?: ReadProgress,
): Promise<TableSnapshot> {
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
export async function insertExcelFormula(
  context: Context,
  formula: string,
  language: FormulaLanguage,
): Promise<{ sheetName: string; address: string }> {
  const cell = context.workbook.getActiveCell().load('address,numberFormat');
  const sheet = cell.worksheet.load('name');
  await context.sync();
  // A formula typed into a text (`@`) cell stays text: such a cell gets General first.
  if (cell.numberFormat[0]?.[0] === '@') cell.numberFormat = [['General']];
  const text = formula.startsWith('=') ? formula : `=${formula}`;
  const property = formulaProperty(text, language);
  cell[property] = [[typedFormula(text, property, language)]];
  await context.sync();
  return { sheetName: sheet.name, address: cell.address.slice(cell.address.lastIndexOf('!') + 1) };
}
