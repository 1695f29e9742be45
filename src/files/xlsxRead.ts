/**
 * Reads an .xlsx (one Excel, LibreOffice or this add-in wrote) into a workbook snapshot the web
 * host opens: values, text, dates (as day serials with their date format), formulas with their
 * cached values, number formats, fonts and fills, widths, heights, frozen panes, merges, Excel
 * tables, data validation and highlight rules of conditional formats, sheets in tab order.
 *
 * What a snapshot cannot hold (charts, pivot tables, macros, images, other rule kinds) is named in
 * `notImported`, never dropped silently. The bytes are only read: a failed open changes nothing.
 */
import ExcelJS from 'exceljs';
import type { ICellData, IStyleData } from '@univerjs/core';
import type { Locale } from '../core';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  RESOURCE,
  type SheetDrawings,
  type SheetNotes,
  type SnapshotDrawing,
  type SnapshotConditionalFormat,
  type SnapshotRange,
  type SnapshotTable,
  type SnapshotValidation,
  type WorkbookSnapshot,
  freshId,
  setResourceData,
} from './snapshot';
import { fileSerialOfDate, serialOfDate, showsCalendarDate } from './exactDates';
import { conditionalFormatsOf, parseRange, validationsOf } from './xlsxRulesRead';
import { checkXlsxBounds } from './xlsxBounds';
import { fileError, inspectXlsx } from './xlsxGuard';
import {
  type DefaultFont,
  bordersOfCell,
  defaultFontOf,
  definedNamesOfFile,
  hyperlinkOfCell,
  linksOfFile,
  tabColourOf,
  withFileLink,
} from './xlsxExtras';
import { readPictures } from './xlsxPictures';
import { richTextDocumentOf } from './xlsxRichText';
import { PIXELS_PER_CHARACTER, hexOfArgb, pointsToPixels } from './units';

export interface XlsxReadResult {
  readonly snapshot: WorkbookSnapshot;
  readonly notImported: readonly string[];
}

const CELL_STRING = 1;
const CELL_NUMBER = 2;
const CELL_BOOLEAN = 3;

function plainText(value: ExcelJS.CellValue): string | number | undefined {
  if (value && typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('hyperlink' in value && 'text' in value) {
      // A linked number stays a number (its cell would otherwise come in empty).
      if (typeof value.text === 'string' || typeof value.text === 'number') return value.text;
      return plainText(value.text as ExcelJS.CellValue);
    }
  }
  return undefined;
}

function resultCell(result: unknown, into: ICellData, date1904: DateSystem): void {
  if (result === undefined || result === null) return;
  if (result instanceof Date) {
    const held = fileSerialOfDate(result);
    into.t = CELL_NUMBER;
    if (date1904 === 'none' || held === undefined) into.v = serialOfDate(result);
    else if (date1904 === 'time') into.v = held;
    else {
      // The file's own serial, kept so an unchanged date is written back bit for bit.
      into.v = serialOfDate(result);
      into.custom = { ...into.custom, serial1904: held };
    }
  } else if (typeof result === 'number') {
    into.v = result;
    into.t = CELL_NUMBER;
  } else if (typeof result === 'boolean') {
    into.v = result;
    into.t = CELL_BOOLEAN;
  } else if (typeof result === 'object' && 'error' in (result as object)) {
    into.v = String((result as { error: string }).error);
  } else {
    into.v = String(result);
    into.t = CELL_STRING;
  }
}

/**
 * How a date-formatted number of this cell moves into the web spreadsheet's 1900 system: not at all
 * in a 1900 file (`none`) or for a time or duration (`time`), by 1,462 days for a calendar date.
 */
type DateSystem = 'none' | 'time' | 'date';

function cellDataOf(cell: ExcelJS.Cell, date1904: boolean): ICellData | undefined {
  const dates: DateSystem = !date1904 ? 'none' : showsCalendarDate(cell.numFmt) ? 'date' : 'time';
  const value = cell.value;
  const data: ICellData = {};
  if (value === null || value === undefined) return undefined;
  const link = hyperlinkOfCell(cell);
  if (link) data.custom = { ...link };
  if (typeof value === 'number') Object.assign(data, { v: value, t: CELL_NUMBER });
  else if (typeof value === 'string') Object.assign(data, { v: value, t: CELL_STRING });
  else if (typeof value === 'boolean') Object.assign(data, { v: value, t: CELL_BOOLEAN });
  else if (value instanceof Date) resultCell(value, data, dates);
  else if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const formula = cell.formula;
    if (formula) data.f = `=${formula}`;
    // An array (CSE) formula: the range it fills goes back to the file with it (src/files/xlsxWrite.ts).
    const array = value as { shareType?: string; ref?: string };
    if (formula && array.shareType === 'array' && array.ref) data.custom = { ...data.custom, arrayRange: array.ref };
    // A cached 0 is missing from ExcelJS's formula value; the cell's own `result` keeps it.
    resultCell((value as ExcelJS.CellFormulaValue).result ?? cell.result, data, dates);
  } else if (typeof value === 'object' && 'error' in value) data.v = String(value.error);
  else {
    const text = plainText(value);
    if (text === undefined) return undefined;
    Object.assign(data, { v: text, t: typeof text === 'number' ? CELL_NUMBER : CELL_STRING });
    if ('richText' in value) data.p = richTextDocumentOf(value.richText, freshId('d'));
  }
  return data;
}

function styleDataOf(cell: ExcelJS.Cell, defaultFont: DefaultFont): IStyleData | undefined {
  const style: IStyleData = {};
  if (cell.numFmt && cell.numFmt !== 'General') style.n = { pattern: cell.numFmt };
  const font = cell.font;
  if (font?.bold) style.bl = 1;
  if (font?.italic) style.it = 1;
  if (font?.underline) style.ul = { s: 1 };
  if (font?.strike) style.st = { s: 1 };
  if (font?.size && font.size !== defaultFont.size) style.fs = font.size;
  if (font?.name && font.name !== defaultFont.name) style.ff = font.name;
  const borders = bordersOfCell(cell.border);
  if (borders) style.bd = borders;
  const color = hexOfArgb(font?.color?.argb);
  if (color && color !== '#000000') style.cl = { rgb: color };
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = hexOfArgb(fill.fgColor?.argb);
    if (bg) style.bg = { rgb: bg };
  }
  const align = cell.alignment;
  const horizontal = { left: 1, center: 2, right: 3, justify: 4 } as const;
  const vertical = { top: 1, middle: 2, bottom: 3 } as const;
  if (align?.horizontal && align.horizontal in horizontal) style.ht = horizontal[align.horizontal as keyof typeof horizontal];
  if (align?.vertical && align.vertical in vertical) style.vt = vertical[align.vertical as keyof typeof vertical];
  if (align?.wrapText) style.tb = 3;
  return Object.keys(style).length > 0 ? style : undefined;
}

interface TableModel {
  readonly name: string;
  readonly tableRef?: string;
  readonly ref?: string;
  readonly headerRow?: boolean;
}

function tablesOf(ws: ExcelJS.Worksheet, cellText: (row: number, col: number) => string): SnapshotTable[] {
  const tables = Object.values((ws as unknown as { tables: Record<string, { table?: TableModel; model?: TableModel }> }).tables ?? {});
  const out: SnapshotTable[] = [];
  for (const entry of tables) {
    const model = entry.table ?? entry.model;
    const range = model ? parseRange(model.tableRef ?? model.ref ?? '') : undefined;
    if (!model || !range) continue;
    const columns = [];
    for (let c = range.startColumn; c <= range.endColumn; c++) {
      columns.push({ id: freshId('tc'), displayName: cellText(range.startRow, c), dataType: 'string', formula: '', meta: {}, style: {} });
    }
    out.push({
      id: freshId('t'),
      name: model.name,
      range,
      options: { showHeader: true, tableStyleId: 'table-default-0' },
      columns,
      ...({ filters: { tableColumnFilterList: [] } } as object),
    } as SnapshotTable);
  }
  return out;
}

/** Parses .xlsx bytes into a snapshot; throws a WorkbookFileError (naming the file) when they are not a readable workbook. */
/** The file's PNG pictures as @univerjs/sheets-drawing drawings (data URLs), by sheet id. */
async function drawingsOfFile(bytes: Uint8Array, snapshot: WorkbookSnapshot): Promise<Record<string, SheetDrawings>> {
  const idOf = new Map(Object.values(snapshot.sheets).map((sheet) => [sheet.name, sheet.id]));
  const drawings: Record<string, { data: Record<string, SnapshotDrawing>; order: string[] }> = {};
  const pictures = await readPictures(bytes, (name) => idOf.has(name)).catch(() => []);
  pictures.forEach((picture, i) => {
    const sheetId = idOf.get(picture.sheetName);
    if (sheetId === undefined) return;
    const drawingId = `picture-${i + 1}`;
    const sheet = (drawings[sheetId] ??= { data: {}, order: [] });
    const from = { row: picture.row, rowOffset: 0, column: picture.col, columnOffset: 0 };
    sheet.data[drawingId] = {
      drawingId,
      drawingType: 0,
      imageSourceType: 'BASE64',
      source: `data:image/png;base64,${Buffer.from(picture.png).toString('base64')}`,
      description: picture.description,
      sheetTransform: { from },
      transform: { width: picture.width, height: picture.height },
      unitId: snapshot.id,
      subUnitId: sheetId,
    } as SnapshotDrawing;
    sheet.order.push(drawingId);
  });
  return drawings;
}

/** What a sheet prints like, as ExcelJS reads it (kept for the writer, see src/files/xlsxExtras.ts). */
function printSettingsOf(ws: ExcelJS.Worksheet): { pageSetup?: Partial<ExcelJS.PageSetup>; headerFooter?: Partial<ExcelJS.HeaderFooter> } {
  const pageSetup = JSON.parse(JSON.stringify(ws.pageSetup ?? {})) as Partial<ExcelJS.PageSetup>;
  const headerFooter = JSON.parse(JSON.stringify(ws.headerFooter ?? {})) as Partial<ExcelJS.HeaderFooter>;
  return { pageSetup, headerFooter };
}

/** The sheet's cell notes (comments), text only, as @univerjs/sheets-note keeps them. */
function notesOfSheet(ws: ExcelJS.Worksheet): SheetNotes {
  const notes: SheetNotes = {};
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const note = cell.note;
      if (note === undefined || note === null) return;
      const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
      if (text.trim() === '') return;
      const [r, c] = [rowNumber - 1, colNumber - 1];
      (notes[r] ??= {})[c] = { id: `note-${r}-${c}`, row: r, col: c, width: 240, height: 72, note: text };
    }),
  );
  return notes;
}

type CellLinks = Awaited<ReturnType<typeof linksOfFile>> extends Map<string, infer V> ? V : never;

/** A sheet's cells as snapshot cell data (styles shared by id), and how far they reach. */
function cellsOfSheet(
  ws: ExcelJS.Worksheet,
  read: {
    readonly date1904: boolean;
    readonly links: CellLinks | undefined;
    readonly defaultFont: { readonly name: string; readonly size: number };
    readonly styleId: (style: IStyleData) => string;
  },
): { cellData: Record<number, Record<number, ICellData>>; maxRow: number; maxCol: number } {
  const cellData: Record<number, Record<number, ICellData>> = {};
  let maxRow = 0;
  let maxCol = 0;
  // Rows without values may still carry formats (a template's blank rows): visit them too.
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const data = cellDataOf(cell, read.date1904) ?? {};
      withFileLink(data, read.links?.get(cell.address));
      const style = styleDataOf(cell, read.defaultFont);
      if (style) data.s = read.styleId(style);
      if (Object.keys(data).length === 0) return;
      (cellData[rowNumber - 1] ??= {})[colNumber - 1] = data;
      maxRow = Math.max(maxRow, rowNumber);
      maxCol = Math.max(maxCol, colNumber);
    });
  });
  return { cellData, maxRow, maxCol };
}

/** Column widths, row heights, hidden and grouped rows and columns, frozen panes and merges. */
function layoutOfSheet(ws: ExcelJS.Worksheet, maxCol: number) {
  // Outline (grouping) levels ride in the rows' and columns' custom data, which Univer keeps.
  const columnData: Record<number, { w?: number; hd?: number; custom?: { outlineLevel: number } }> = {};
  // Columns with a width or level but no cell count too (ExcelJS's columnCount counts cells).
  for (let c = 1; c <= Math.max(ws.columnCount, maxCol, ws.columns?.length ?? 0); c++) {
    const column = ws.getColumn(c);
    const entry: { w?: number; hd?: number; custom?: { outlineLevel: number } } = {};
    if (column.width !== undefined) entry.w = Math.round(column.width * PIXELS_PER_CHARACTER);
    if (column.hidden) entry.hd = 1;
    if (column.outlineLevel) entry.custom = { outlineLevel: column.outlineLevel };
    if (Object.keys(entry).length > 0) columnData[c - 1] = entry;
  }
  const rowData: Record<number, { h?: number; ia?: number; hd?: number; custom?: { outlineLevel: number } }> = {};
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const entry: { h?: number; ia?: number; hd?: number; custom?: { outlineLevel: number } } = {};
    if (row.height !== undefined && (row as unknown as { customHeight?: boolean }).customHeight !== false)
      Object.assign(entry, { h: pointsToPixels(row.height), ia: 0 });
    if (row.hidden) entry.hd = 1;
    if (row.outlineLevel) entry.custom = { outlineLevel: row.outlineLevel };
    if (Object.keys(entry).length > 0) rowData[rowNumber - 1] = entry;
  });
  const view = ws.views?.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? [])
    .map(parseRange)
    .filter((r): r is SnapshotRange => r !== undefined);
  return { columnData, rowData, ySplit: view?.ySplit ?? 0, xSplit: view?.xSplit ?? 0, merges };
}

/** The workbook before its sheets: name, language, default font and date system. */
function emptySnapshot(
  fileName: string,
  locale: Locale,
  defaultFont: { readonly name: string; readonly size: number },
  date1904: boolean,
): WorkbookSnapshot {
  return {
    id: freshId('w'),
    name: fileName.replace(/\.xlsx$/i, ''),
    appVersion: '0.25.1',
    locale: (locale === 'zh-CN' ? 'zhCN' : 'enUS') as WorkbookSnapshot['locale'],
    styles: {},
    // Every cell without a font of its own shows the workbook's default font.
    defaultStyle: { ff: defaultFont.name, fs: defaultFont.size },
    sheetOrder: [],
    sheets: {},
    resources: [],
    // The writer goes back to the file's date system (src/files/exactDates.ts).
    ...(date1904 ? { custom: { date1904: true } } : {}),
  };
}

/** Each distinct style once in `styles`, under a short id. */
function styleRegistry(styles: Record<string, IStyleData>): (style: IStyleData) => string {
  const styleIds = new Map<string, string>();
  return (style) => {
    const key = JSON.stringify(style);
    let id = styleIds.get(key);
    if (id === undefined) {
      id = `x${styleIds.size.toString(36)}`;
      styleIds.set(key, id);
      styles[id] = style;
    }
    return id;
  };
}

export async function readXlsx(bytes: Uint8Array, fileName: string, locale: Locale): Promise<XlsxReadResult> {
  const inspection = await inspectXlsx(bytes, fileName, locale);
  await checkXlsxBounds(bytes, fileName, locale);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError('unreadable', locale, fileName, error instanceof Error ? error.message : String(error));
  }
  if (wb.worksheets.length === 0) throw fileError('notSpreadsheet', locale, fileName);
  const defaultFont = (await defaultFontOf(bytes)) ?? { name: 'Calibri', size: 11 };

  const skipped = new Set<string>();
  const date1904 = wb.properties.date1904 === true;
  const links = await linksOfFile(bytes);
  const themeXml = (wb as unknown as { _themes?: Record<string, string> })._themes?.theme1;
  const snapshot = emptySnapshot(fileName, locale, defaultFont, date1904);
  const styleId = styleRegistry(snapshot.styles as Record<string, IStyleData>);
  const tables: Record<string, { tables: SnapshotTable[] }> = {};
  const validations: Record<string, SnapshotValidation[]> = {};
  const conditional: Record<string, SnapshotConditionalFormat[]> = {};
  const notes: Record<string, SheetNotes> = {};

  const worksheets = [...wb.worksheets].sort(
    (a, b) => (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo,
  );
  for (const ws of worksheets) {
    const sheetId = freshId('s');
    const { cellData, maxRow, maxCol } = cellsOfSheet(ws, { date1904, links: links.get(ws.name), defaultFont, styleId });
    const { columnData, rowData, ySplit, xSplit, merges } = layoutOfSheet(ws, maxCol);

    const cellText = (row: number, col: number): string => String(cellData[row]?.[col]?.v ?? '');
    const tab = tabColourOf(ws.properties?.tabColor, themeXml);
    snapshot.sheetOrder.push(sheetId);
    snapshot.sheets[sheetId] = {
      id: sheetId,
      name: ws.name,
      hidden: ws.state === 'visible' ? 0 : 1,
      ...(tab.tabColor ? { tabColor: tab.tabColor } : {}),
      // Page setup and headers/footers: Univer has no model for them and keeps a sheet's custom data.
      custom: {
        print: printSettingsOf(ws),
        ...(ws.state === 'veryHidden' ? { veryHidden: true } : {}),
        ...(tab.file ? { tabColor: tab.file } : {}),
      },
      rowCount: Math.max(DEFAULT_ROWS, maxRow + 1),
      columnCount: Math.max(DEFAULT_COLUMNS, maxCol + 1),
      freeze: { xSplit, ySplit, startRow: ySplit > 0 ? ySplit : -1, startColumn: xSplit > 0 ? xSplit : -1 },
      mergeData: merges,
      cellData,
      columnData,
      rowData,
    } as WorkbookSnapshot['sheets'][string];
    const sheetTables = tablesOf(ws, cellText);
    if (sheetTables.length > 0) tables[sheetId] = { tables: sheetTables };
    validations[sheetId] = validationsOf(ws, sheetId, skipped);
    conditional[sheetId] = conditionalFormatsOf(ws, sheetId, skipped);
    const sheetNotes = notesOfSheet(ws);
    if (Object.keys(sheetNotes).length > 0) notes[sheetId] = sheetNotes;
  }
  // Scopes are positions in workbook.xml's sheet list, which is the tab order.
  const names = await definedNamesOfFile(bytes, snapshot.sheetOrder);
  if (Object.keys(names).length > 0) setResourceData(snapshot, RESOURCE.definedNames, names);

  setResourceData(snapshot, RESOURCE.tables, tables);
  setResourceData(snapshot, RESOURCE.validation, validations);
  setResourceData(snapshot, RESOURCE.conditionalFormats, conditional);
  setResourceData(snapshot, RESOURCE.notes, notes);
  if (inspection.hasDrawings) setResourceData(snapshot, RESOURCE.drawings, await drawingsOfFile(bytes, snapshot));
  return { snapshot, notImported: [...inspection.notImported, ...skipped] };
}
