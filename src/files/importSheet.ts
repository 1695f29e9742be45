/**
 * "Import as a new sheet": a CSV file or one sheet of an .xlsx turned into the cells of one new
 * sheet, which the page adds to the open workbook (the workbook's other sheets are not touched).
 * Styles travel inline so the page needs no style table.
 */
import type { ICellData, IStyleData } from '@univerjs/core';
import { L, type Locale } from '../core';
import { parseCsv } from './csv';
import { PIXELS_PER_CHARACTER } from './units';
import { orderedSheets, styleOf } from './snapshot';
import { WorkbookFileError } from './xlsxGuard';
import { readXlsx } from './xlsxRead';

export interface ImportedSheet {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cellData: Record<number, Record<number, ICellData>>;
  readonly columnWidths: Record<number, number>;
  /** Rows frozen at the top (the header row of a CSV). */
  readonly frozenRows: number;
}

export interface ImportResult {
  readonly sheet?: ImportedSheet;
  /** An .xlsx with several sheets and none chosen: the names to choose from. */
  readonly sheetNames?: readonly string[];
  readonly notImported: readonly string[];
  readonly encoding?: string;
  readonly delimiter?: string;
}

const MAX_SHEET_NAME = 31;
const WIDTH_SAMPLE_ROWS = 500;
const sheetNameOf = (fileName: string): string =>
  (
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[\\/?*[\]:]/g, '_')
      .trim() || 'Import'
  ).slice(0, MAX_SHEET_NAME);

const MESSAGES = {
  noSheet: (file: string, sheet: string) => L(`“${file}”中没有名为“${sheet}”的工作表。`, `"${file}" has no sheet named "${sheet}".`),
  unknownType: (file: string) =>
    L(`无法导入“${file}”:只支持 .csv、.txt 和 .xlsx 文件。`, `Cannot import "${file}": only .csv, .txt and .xlsx files can be imported.`),
  emptyCsv: (file: string) => L(`“${file}”中没有数据。`, `"${file}" holds no data.`),
} as const;

const HEADER_STYLE: IStyleData = { bl: 1 };
const formatStyles = new Map<string, IStyleData>();
/** One style object per format, shared by every cell that has it. */
function formatStyle(pattern: string): IStyleData {
  let style = formatStyles.get(pattern);
  if (!style) formatStyles.set(pattern, (style = { n: { pattern } }));
  return style;
}

function fromCsv(bytes: Uint8Array, fileName: string, locale: Locale): ImportResult {
  const table = parseCsv(bytes);
  if (table.rows.length === 0) throw new WorkbookFileError(MESSAGES.emptyCsv(fileName)[locale]);
  const cellData: Record<number, Record<number, ICellData>> = {};
  const widths = new Array<number>(table.columnCount).fill(6);
  table.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null) return;
      const data: ICellData = { v: cell.v, t: cell.t };
      // Text cells need no '@' format to stay text: their type says so (and 300,000 inline styles
      // would cost the page seconds).
      if (cell.format) data.s = formatStyle(cell.format);
      if (r === 0) data.s = HEADER_STYLE;
      (cellData[r] ??= {})[c] = data;
      // Widths from the first rows are enough (and measuring 50,000 rows costs the import time).
      if (r < WIDTH_SAMPLE_ROWS) {
        const text = String(cell.v);
        const shown = cell.format ? cell.format.length : text.length;
        const wide = /[\u2e80-\uffff]/.test(text) ? 2 : 1;
        widths[c] = Math.min(60, Math.max(widths[c] ?? 6, shown * wide + 2));
      }
    });
  });
  return {
    sheet: {
      name: sheetNameOf(fileName),
      rowCount: table.rows.length,
      columnCount: table.columnCount,
      cellData,
      columnWidths: Object.fromEntries(widths.map((w, c) => [c, Math.round(w * PIXELS_PER_CHARACTER)])),
      frozenRows: 1,
    },
    notImported: [],
    encoding: table.encoding,
    delimiter: table.delimiter === '\t' ? 'tab' : table.delimiter,
  };
}

async function fromXlsx(bytes: Uint8Array, fileName: string, sheetName: string | undefined, locale: Locale): Promise<ImportResult> {
  const { snapshot, notImported } = await readXlsx(bytes, fileName, locale);
  const sheets = orderedSheets(snapshot);
  if (sheetName === undefined && sheets.length > 1) return { sheetNames: sheets.map((s) => s.name ?? ''), notImported };
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new WorkbookFileError(MESSAGES.noSheet(fileName, sheetName ?? '')[locale], 404);
  const cellData: Record<number, Record<number, ICellData>> = {};
  let rowCount = 0;
  let columnCount = 0;
  for (const [r, row] of Object.entries(sheet.cellData ?? {})) {
    for (const [c, entry] of Object.entries(row ?? {})) {
      const cell = entry as ICellData | undefined;
      if (!cell) continue;
      const style = styleOf(snapshot, cell);
      (cellData[Number(r)] ??= {})[Number(c)] = { ...cell, ...(style ? { s: style } : {}) };
      rowCount = Math.max(rowCount, Number(r) + 1);
      columnCount = Math.max(columnCount, Number(c) + 1);
    }
  }
  const columnWidths: Record<number, number> = {};
  for (const [c, column] of Object.entries(sheet.columnData ?? {})) if (column?.w) columnWidths[Number(c)] = column.w;
  return {
    sheet: {
      name: (sheet.name ?? sheetNameOf(fileName)).slice(0, MAX_SHEET_NAME),
      rowCount,
      columnCount,
      cellData,
      columnWidths,
      frozenRows: Math.max(0, sheet.freeze?.ySplit ?? 0),
    },
    notImported,
  };
}

/** A CSV, or one sheet of an .xlsx (`sheetName`, or the only one), as a sheet to add. */
export async function importSheet(
  bytes: Uint8Array,
  fileName: string,
  sheetName: string | undefined,
  locale: Locale,
): Promise<ImportResult> {
  if (/\.(csv|txt|tsv)$/i.test(fileName)) return fromCsv(bytes, fileName, locale);
  if (/\.xlsx$/i.test(fileName)) return fromXlsx(bytes, fileName, sheetName, locale);
  throw new WorkbookFileError(MESSAGES.unknownType(fileName)[locale], 415);
}
