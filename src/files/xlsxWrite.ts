/**
 * Writes a workbook snapshot as an .xlsx (ExcelJS, Node side): values with their types, text that
 * stays text (`=HYPERLINK(…)` typed by a user is a string cell, never a formula), formulas with
 * their computed values cached (so Excel and LibreOffice show numbers before recalculating),
 * number formats, fonts and fills, column widths, row heights, frozen panes, merges, Excel tables
 * under their own names, data validation and the highlight rules of conditional formats, in tab
 * order with the sheets' own (Chinese) names.
 *
 * Files are always written fresh from the snapshot, never read-modify-written: ExcelJS corrupts
 * files with tables on a read-modify-write.
 *
 * `portable: true` replaces every `SALES.*` call by its native equivalent (core `portableFormula`);
 * a formula that has none keeps its computed value as a constant and is counted in the report.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
// ExcelJS's own part writers, for the parts its streaming writer leaves out or fixes (tables, calcPr).
import ContentTypesXform from 'exceljs/lib/xlsx/xform/core/content-types-xform';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import TableXform from 'exceljs/lib/xlsx/xform/table/table-xform';
import type { ICellData, IStyleData } from '@univerjs/core';
import { columnLetter, portableFormula, rangeAddress } from '../core';
import {
  type SheetSnapshot,
  type SnapshotTable,
  type WorkbookSnapshot,
  conditionalFormatsOf,
  definedNamesOf,
  drawingsOf,
  notesOf,
  orderedSheets,
  styleOf,
  tablesOf,
  validationsOf,
} from './snapshot';
import { PIXELS_PER_CHARACTER, argbOf, pixelsToPoints } from './units';
import { addLink, definedNamesForFile, excelBorderOf, fileTabColourOf, hyperlinkOf } from './xlsxExtras';
import { type SheetPicture, addPictures } from './xlsxPictures';
import { serialFor1904, showsCalendarDate } from './exactDates';
import { richTextRunsOf } from './xlsxRichText';
import { writeConditionalFormats, writeValidations } from './xlsxRulesWrite';

export interface XlsxWriteOptions {
  readonly portable?: boolean;
}

export interface XlsxWriteReport {
  readonly sheets: number;
  readonly cells: number;
  readonly formulas: number;
  /** Portable only: formulas whose SALES calls have no native equivalent, written as their values (`Sheet!A1`). */
  readonly frozenToValues: readonly string[];
  /** Snapshot features with no xlsx counterpart here, by kind (e.g. `conditional format dataBar`). */
  readonly notWritten: readonly string[];
}

// Univer cell types: 1 string, 2 number, 3 boolean, 4 forced string.
const CELL_STRING = 1;
const CELL_BOOLEAN = 3;
const CELL_FORCE_STRING = 4;

const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/** A computed value as ExcelJS caches it in a formula cell. */
function cachedResult(cell: ICellData): ExcelJS.CellFormulaValue['result'] {
  const v = cell.v;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' && ERROR_CODES.has(v)) return { error: v as ExcelJS.CellErrorValue['error'] };
  if (cell.t === CELL_BOOLEAN) return Boolean(v);
  return v as number | string | boolean;
}

function plainValue(cell: ICellData): ExcelJS.CellValue {
  const v = cell.v;
  if (v === undefined || v === null) return null;
  if (cell.t === CELL_STRING || cell.t === CELL_FORCE_STRING) return String(v);
  if (cell.t === CELL_BOOLEAN) return v === true || v === 1 || v === '1' || v === 'TRUE';
  if (typeof v === 'string' && ERROR_CODES.has(v)) return { error: v as ExcelJS.CellErrorValue['error'] };
  if (typeof v === 'string' && cell.t === undefined) return v;
  const n = Number(v);
  return Number.isFinite(n) ? n : String(v);
}

const H_ALIGN: Record<number, ExcelJS.Alignment['horizontal']> = { 1: 'left', 2: 'center', 3: 'right', 4: 'justify' };
const V_ALIGN: Record<number, ExcelJS.Alignment['vertical']> = { 1: 'top', 2: 'middle', 3: 'bottom' };
const WRAP = 3;

/** The workbook's default font: font 0 of the file, shown by every cell without a font of its own. */
interface BaseFont {
  readonly name: string;
  readonly size: number;
}

function excelStyleOf(style: IStyleData, base: BaseFont): Partial<ExcelJS.Style> {
  const target: Partial<ExcelJS.Style> = {};
  if (style.n?.pattern) target.numFmt = style.n.pattern;
  const border = excelBorderOf(style.bd ?? undefined);
  if (border) target.border = border;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bl === 1) font.bold = true;
  if (style.it === 1) font.italic = true;
  if (style.ul?.s === 1) font.underline = true;
  if (style.st?.s === 1) font.strike = true;
  if (style.fs) font.size = style.fs;
  if (style.ff) font.name = style.ff;
  const fontColor = argbOf(style.cl?.rgb ?? undefined);
  if (fontColor) font.color = { argb: fontColor };
  // A font of its own replaces the default one whole: name and size come along.
  if (Object.keys(font).length > 0) target.font = { name: base.name, size: base.size, ...font };
  const fill = argbOf(style.bg?.rgb ?? undefined);
  if (fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.ht !== undefined && style.ht !== null && H_ALIGN[style.ht]) alignment.horizontal = H_ALIGN[style.ht];
  if (style.vt !== undefined && style.vt !== null && V_ALIGN[style.vt]) alignment.vertical = V_ALIGN[style.vt];
  if (style.tb === WRAP) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) target.alignment = alignment;
  return target;
}

function uniqueHeaderNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() === '' ? `Column${i + 1}` : raw;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${raw}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Excel table names: a letter or `_` first, then letters, digits, `_` and `.`. */
const safeTableName = (name: string): string => {
  const cleaned = name.replace(/[^\p{L}\p{N}_.]/gu, '_');
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
};

interface SheetContext {
  readonly snapshot: WorkbookSnapshot;
  readonly portable: boolean;
  counts: { cells: number; formulas: number };
  readonly frozenToValues: string[];
  readonly notWritten: string[];
  /** Tables written so far (their part numbers are workbook-wide). */
  readonly tables: { target: string }[];
  readonly baseFont: BaseFont;
  /** The workbook counts days from 1904-01-01 (src/files/exactDates.ts). */
  readonly date1904: boolean;
}

/** ExcelJS's streaming writer, as far as this file reaches into it (exceljs 4.4.0, pinned). */
interface StreamWorkbook {
  readonly zip: { append(data: string, options: { name: string }): void };
  addWorksheet(name: string, options: object): StreamWorksheet;
  addContentTypes(): Promise<void>;
  addWorkbook(): Promise<void>;
  commit(): Promise<void>;
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  media: unknown;
  _definedNames: { model: unknown };
  readonly styles: { _addFont(font: Partial<ExcelJS.Font>): number };
  views: unknown;
}
type StreamWorksheet = ExcelJS.Worksheet & {
  commit(): void;
  _sheetRelsWriter: {
    addRelationship(rel: { Type: string; Target: string }): string;
  };
  _writeLegacyData(): void;
  _write(text: string): void;
};

const TABLE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

function writeSheet(wb: StreamWorkbook, sheet: SheetSnapshot, ctx: SheetContext): void {
  const ySplit = Math.max(0, sheet.freeze?.ySplit ?? 0);
  const xSplit = Math.max(0, sheet.freeze?.xSplit ?? 0);
  const tabColor = fileTabColourOf(sheet.tabColor, (sheet.custom as { tabColor?: unknown } | undefined)?.tabColor);
  const ws = wb.addWorksheet(sheet.name ?? 'Sheet', {
    views: ySplit > 0 || xSplit > 0 ? [{ state: 'frozen', xSplit, ySplit }] : [],
    state:
      sheet.hidden === 1
        ? (sheet.custom as { veryHidden?: unknown } | undefined)?.veryHidden === true
          ? 'veryHidden'
          : 'hidden'
        : 'visible',
    ...(tabColor ? { properties: { tabColor } } : {}),
    // A user's workbook's page setup and headers/footers, as its reader kept them.
    ...printSettingsFor(sheet),
  });
  const id = sheet.id ?? '';
  const name = ws.name;
  const cellData = sheet.cellData ?? {};

  // Columns go out with the first row: set them first.
  for (const [c, column] of Object.entries(sheet.columnData ?? {})) {
    if (!column) continue;
    const col = ws.getColumn(Number(c) + 1);
    if (column.w) col.width = Math.round((column.w / PIXELS_PER_CHARACTER) * 100) / 100;
    if (column.hd === 1) col.hidden = true;
    const level = outlineLevelOf(column);
    if (level > 0) col.outlineLevel = level;
  }
  for (const merge of sheet.mergeData ?? [])
    ws.mergeCells(merge.startRow + 1, merge.startColumn + 1, merge.endRow + 1, merge.endColumn + 1);
  writeTables(wb, ws, tablesOf(ctx.snapshot)[id]?.tables ?? [], cellData, ctx);
  writeValidations(ws, validationsOf(ctx.snapshot)[id] ?? [], ctx.notWritten);
  writeConditionalFormats(ws, conditionalFormatsOf(ctx.snapshot)[id] ?? [], ctx.notWritten);

  // Rows strictly in order (the streaming writer cannot go back): blank rows with a height, then cells.
  const rowNumbers = new Set<number>();
  for (const r of Object.keys(cellData)) rowNumbers.add(Number(r));
  const notes = notesOf(ctx.snapshot)[id] ?? {};
  for (const r of Object.keys(notes)) rowNumbers.add(Number(r));
  for (const [r, row] of Object.entries(sheet.rowData ?? {}))
    if (row && ((row.h && row.ia === 0) || row.hd === 1 || outlineLevelOf(row) > 0)) rowNumbers.add(Number(r));
  const styleCache = new Map<IStyleData, Partial<ExcelJS.Style>>();
  for (const r of [...rowNumbers].sort((a, b) => a - b)) {
    const excelRow = ws.getRow(r + 1);
    // The row's own style too: a fresh {} per row cost ExcelJS a style lookup per row (0.17 s).
    (excelRow as unknown as { style: Partial<ExcelJS.Style> }).style = UNSTYLED;
    const rowData = sheet.rowData?.[r];
    if (rowData?.h && rowData.ia === 0) excelRow.height = pixelsToPoints(rowData.h);
    if (rowData?.hd === 1) excelRow.hidden = true;
    if (rowData && outlineLevelOf(rowData) > 0) excelRow.outlineLevel = outlineLevelOf(rowData);
    let formattedOnly = false;
    for (const [c, entry] of Object.entries(cellData[r] ?? {})) {
      const cell = entry as ICellData | undefined;
      if (!cell) continue;
      const target = excelRow.getCell(Number(c) + 1);
      const formula = typeof cell.f === 'string' && cell.f.length > 1 ? cell.f : undefined;
      const style = styleOf(ctx.snapshot, cell);
      if (formula !== undefined) {
        const written = ctx.portable ? portableFormula(formula) : formula;
        if (written === undefined) {
          ctx.frozenToValues.push(`${name}!${columnLetter(Number(c))}${r + 1}`);
          target.value = inFileSystem(plainValue(cell), cell, style, ctx.date1904);
        } else {
          const result = inFileSystem(cachedResult(cell), cell, style, ctx.date1904);
          const arrayRange = (cell.custom as { arrayRange?: unknown } | null | undefined)?.arrayRange;
          target.value = {
            formula: written.replace(/^=/, ''),
            ...(result !== undefined ? { result } : {}),
            ...(typeof arrayRange === 'string' && /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(arrayRange)
              ? { shareType: 'array', ref: arrayRange }
              : {}),
          } as ExcelJS.CellFormulaValue;
          ctx.counts.formulas++;
        }
      } else {
        const value = inFileSystem(plainValue(cell), cell, style, ctx.date1904);
        const runs = richTextRunsOf(cell);
        if (runs) target.value = { richText: runs };
        else if (value !== null) target.value = value;
        // The link goes beside the value (a linked number stays a number).
        const link = hyperlinkOf(cell);
        if (link && value !== null) addLink(ws, `${columnLetter(Number(c))}${r + 1}`, link);
      }
      let excelStyle = style ? styleCache.get(style) : UNSTYLED;
      if (!excelStyle && style) styleCache.set(style, (excelStyle = excelStyleOf(style, ctx.baseFont)));
      // One style object per style: ExcelJS registers an object it has seen once by identity, where
      // a fresh {} per unstyled cell cost it a style lookup per cell (0.3 s at 100,000 rows).
      target.style = excelStyle && Object.keys(excelStyle).length > 0 ? excelStyle : UNSTYLED;
      if (cell.v !== undefined || formula !== undefined) ctx.counts.cells++;
      else if (style) formattedOnly = true;
    }
    for (const [c, note] of Object.entries(notes[r] ?? {})) if (note?.note) excelRow.getCell(Number(c) + 1).note = note.note;
    // The streaming writer drops rows without values; a template's blank rows carry formats that must stay.
    if (formattedOnly || (rowData && outlineLevelOf(rowData) > 0)) Object.defineProperty(excelRow, 'hasValues', { value: true });
    excelRow.commit();
  }
  ws.commit();
}

/** The style of every cell without one of its own; never changed (ExcelJS keys its style ids by object). */
const UNSTYLED: Partial<ExcelJS.Style> = {};

/** A value as the file holds it: a 1904-system file's dates go back to its own serials (src/files/exactDates.ts). */
function inFileSystem<T>(value: T, cell: ICellData, style: IStyleData | undefined, date1904: boolean): T | number {
  return date1904 && typeof value === 'number' && showsCalendarDate(style?.n?.pattern ?? undefined)
    ? serialFor1904(value, (cell.custom as { serial1904?: unknown } | null | undefined)?.serial1904)
    : value;
}

/** A row's or column's outline (grouping) level, as the reader keeps it in the custom data. */
function outlineLevelOf(entry: { custom?: unknown }): number {
  const level = (entry.custom as { outlineLevel?: unknown } | null | undefined)?.outlineLevel;
  return typeof level === 'number' && Number.isInteger(level) && level > 0 && level <= 7 ? level : 0;
}

function printSettingsFor(sheet: SheetSnapshot): { pageSetup?: Partial<ExcelJS.PageSetup>; headerFooter?: Partial<ExcelJS.HeaderFooter> } {
  const print = (sheet.custom as { print?: { pageSetup?: unknown; headerFooter?: unknown } } | null | undefined)?.print;
  const object = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return {
    ...(object(print?.pageSetup) ? { pageSetup: print.pageSetup as Partial<ExcelJS.PageSetup> } : {}),
    ...(object(print?.headerFooter) ? { headerFooter: print.headerFooter as Partial<ExcelJS.HeaderFooter> } : {}),
  };
}

/**
 * Excel tables. The streaming writer has none of its own: the table part, its relationship and the
 * sheet's <tableParts> are added around it, as ExcelJS's in-memory writer writes them.
 */
function writeTables(
  wb: StreamWorkbook,
  ws: StreamWorksheet,
  tables: readonly SnapshotTable[],
  cellData: SheetSnapshot['cellData'],
  ctx: SheetContext,
): void {
  const parts: string[] = [];
  for (const table of tables) {
    const { range } = table;
    const width = range.endColumn - range.startColumn + 1;
    const headers = uniqueHeaderNames(
      Array.from({ length: width }, (_, i) => String(cellData?.[range.startRow]?.[range.startColumn + i]?.v ?? '')),
    );
    // Excel tables need at least one data row.
    const endRow = Math.max(range.endRow, range.startRow + 1);
    const number = ctx.tables.length + 1;
    const target = `table${number}.xml`;
    const ref = rangeAddress(range.startRow, range.startColumn, endRow, range.endColumn);
    const model = {
      id: number,
      name: safeTableName(table.name),
      displayName: safeTableName(table.name),
      tableRef: ref,
      autoFilterRef: ref,
      headerRow: true,
      totalsRow: false,
      columns: headers.map((header) => ({ name: header, filterButton: true })),
      style: { theme: 'TableStyleLight9', showRowStripes: true },
    };
    const xform = new TableXform();
    xform.prepare(model, {});
    wb.zip.append(xform.toXml(model), { name: `xl/tables/${target}` });
    ctx.tables.push({ target });
    parts.push(ws._sheetRelsWriter.addRelationship({ Type: TABLE_RELATIONSHIP, Target: `../tables/${target}` }));
  }
  if (parts.length === 0) return;
  const writeLegacyData = ws._writeLegacyData.bind(ws);
  // <tableParts> comes after <legacyDrawing>, last before </worksheet> (ECMA-376 CT_Worksheet order).
  ws._writeLegacyData = () => {
    writeLegacyData();
    ws._write(`<tableParts count="${parts.length}">${parts.map((rId) => `<tablePart r:id="${rId}"/>`).join('')}</tableParts>`);
  };
}

/** The snapshot as .xlsx bytes, with a report of what was written. */
export async function writeXlsx(
  snapshot: WorkbookSnapshot,
  options: XlsxWriteOptions = {},
): Promise<{ buffer: Buffer; report: XlsxWriteReport }> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => stream.on('end', resolve).on('error', reject));
  // The streaming writer: a 100,000-row sheet in a few seconds (the in-memory one takes about twice as long).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: 1 } },
  } as never) as unknown as StreamWorkbook;
  const defaultStyle = typeof snapshot.defaultStyle === 'object' ? snapshot.defaultStyle : undefined;
  const baseFont: BaseFont = { name: defaultStyle?.ff ?? 'Calibri', size: defaultStyle?.fs ?? 11 };
  // Font 0 is what every cell without a font of its own shows: the workbook's default, added first.
  wb.styles._addFont({ size: baseFont.size, color: { theme: 1 }, name: baseFont.name, family: 2 });
  const ctx: SheetContext = {
    snapshot,
    portable: options.portable ?? false,
    counts: { cells: 0, formulas: 0 },
    frozenToValues: [],
    notWritten: [],
    tables: [],
    baseFont,
    date1904: (snapshot.custom as { date1904?: unknown } | undefined)?.date1904 === true,
  };

  patchWorkbookParts(wb, ctx);
  keepRichTextApart(wb);
  const sheets = orderedSheets(snapshot);
  for (const sheet of sheets) writeSheet(wb, sheet, ctx);
  await wb.commit();
  await ended;
  // The streaming writer writes no drawings: the pictures over the grid go in afterwards.
  const pictures = picturesOf(snapshot, sheets, ctx.notWritten);
  const written = Buffer.concat(chunks);
  return {
    buffer: pictures.length > 0 ? await addPictures(written, pictures) : written,
    report: {
      sheets: sheets.length,
      cells: ctx.counts.cells,
      formulas: ctx.counts.formulas,
      frozenToValues: ctx.frozenToValues,
      notWritten: [...new Set(ctx.notWritten)],
    },
  };
}

const DATA_URL_PNG = /^data:image\/png;base64,/;

/** The PNG pictures over each sheet's grid (data URLs), as anchored pictures for the file. */
function picturesOf(snapshot: WorkbookSnapshot, sheets: readonly SheetSnapshot[], notWritten: string[]): SheetPicture[] {
  const drawings = drawingsOf(snapshot);
  return sheets.flatMap((sheet) => {
    const onSheet = drawings[sheet.id ?? ''];
    if (!onSheet) return [];
    const ids = onSheet.order ?? Object.keys(onSheet.data ?? {});
    // Top to bottom, left to right (the drawings' own order is their stacking).
    const placed = ids.flatMap((id): SheetPicture[] => {
      const drawing = onSheet.data?.[id];
      const from = drawing?.sheetTransform?.from;
      const { width, height } = drawing?.transform ?? {};
      if (!drawing || !from || !width || !height) return [];
      if (!DATA_URL_PNG.test(drawing.source ?? '')) {
        notWritten.push('picture (not an embedded PNG)');
        return [];
      }
      const png = Buffer.from((drawing.source ?? '').replace(DATA_URL_PNG, ''), 'base64');
      return [
        {
          sheetName: sheet.name ?? '',
          png,
          row: from.row,
          col: from.column,
          width,
          height,
          description: drawing.description ?? drawing.title ?? '',
        },
      ];
    });
    return placed.sort((a, b) => a.row - b.row || a.col - b.col);
  });
}

/**
 * ExcelJS's shared-string table keys each entry by its text, and a rich text's "text" is
 * `[object Object]`: every rich-text cell would show the first one's runs. Rich texts are keyed by
 * their runs instead. The index is a Map: ExcelJS's object index took half a second for the
 * 700,000 texts of a 100,000-row sheet.
 */
function keepRichTextApart(wb: StreamWorkbook): void {
  const strings = wb.sharedStrings as { add(value: unknown): number; _values: unknown[]; _totalRefs: number };
  const indexes = new Map<string, number>();
  strings.add = (value) => {
    const runs = typeof value === 'object' && value !== null ? (value as { richText?: unknown }).richText : undefined;
    const key = runs === undefined ? String(value) : `\u0000rich${JSON.stringify(runs)}`;
    let index = indexes.get(key);
    if (index === undefined) {
      index = strings._values.length;
      indexes.set(key, index);
      strings._values.push(value);
    }
    strings._totalRefs++;
    return index;
  };
}

/** The workbook part asks Excel to recalculate on open (SALES formulas recompute where the add-in is); content types list the tables. */
function patchWorkbookParts(wb: StreamWorkbook, ctx: SheetContext): void {
  wb.addWorkbook = () => {
    const model = {
      worksheets: wb._worksheets.filter(Boolean),
      definedNames: definedNamesForFile(
        definedNamesOf(ctx.snapshot),
        orderedSheets(ctx.snapshot).map((s) => s.id ?? ''),
      ),
      views: wb.views,
      properties: ctx.date1904 ? { date1904: true } : {},
      calcProperties: { fullCalcOnLoad: true },
    };
    const xform = new WorkbookXform();
    xform.prepare(model);
    wb.zip.append(xform.toXml(model), { name: '/xl/workbook.xml' });
    return Promise.resolve();
  };
  wb.addContentTypes = () => {
    const model = {
      worksheets: wb._worksheets.filter(Boolean),
      sharedStrings: wb.sharedStrings,
      commentRefs: wb.commentRefs,
      media: wb.media,
      tables: ctx.tables,
    };
    wb.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
    return Promise.resolve();
  };
}
