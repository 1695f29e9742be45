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
import type { ICellData, IObjectArrayPrimitiveType, IStyleData } from '@univerjs/core';
import { columnLetter, portableFormula } from '../core';
import {
  type SheetSnapshot,
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
import { PIXELS_PER_CHARACTER, pixelsToPoints } from './units';
import { addLink, definedNamesForFile, fileTabColourOf, hyperlinkOf } from './xlsxExtras';
import { type SheetPicture, addPictures } from './xlsxPictures';
import { richTextRunsOf } from './xlsxRichText';
import type { SheetContext, StreamWorkbook, StreamWorksheet } from './xlsxStream';
import { writeTables } from './xlsxTablesWrite';
import { type BaseFont, UNSTYLED, cachedResult, excelStyleOf, inFileSystem, outlineLevelOf, plainValue } from './xlsxCellWrite';
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

function addSheet(wb: StreamWorkbook, sheet: SheetSnapshot): StreamWorksheet {
  const ySplit = Math.max(0, sheet.freeze?.ySplit ?? 0);
  const xSplit = Math.max(0, sheet.freeze?.xSplit ?? 0);
  const tabColor = fileTabColourOf(sheet.tabColor, (sheet.custom as { tabColor?: unknown } | undefined)?.tabColor);
  return wb.addWorksheet(sheet.name ?? 'Sheet', {
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
}

function writeColumns(ws: StreamWorksheet, sheet: SheetSnapshot): void {
  for (const [c, column] of Object.entries(sheet.columnData ?? {})) {
    if (!column) continue;
    const col = ws.getColumn(Number(c) + 1);
    if (column.w) col.width = Math.round((column.w / PIXELS_PER_CHARACTER) * 100) / 100;
    if (column.hd === 1) col.hidden = true;
    const level = outlineLevelOf(column);
    if (level > 0) col.outlineLevel = level;
  }
}

/** The rows to write, in order: those with cells or notes, and blank rows with a height, hidden or grouped. */
function rowNumbersOf(sheet: SheetSnapshot, notes: Readonly<Record<string, unknown>>): number[] {
  const rowNumbers = new Set<number>();
  for (const r of Object.keys(sheet.cellData ?? {})) rowNumbers.add(Number(r));
  for (const r of Object.keys(notes)) rowNumbers.add(Number(r));
  for (const [r, row] of Object.entries(sheet.rowData ?? {}))
    if (row && ((row.h && row.ia === 0) || row.hd === 1 || outlineLevelOf(row) > 0)) rowNumbers.add(Number(r));
  return [...rowNumbers].sort((a, b) => a - b);
}

/** A formula cell: its formula (native where portable) with its result cached, or its value when it has no native form. */
function writeFormula(target: ExcelJS.Cell, cell: ICellData, formula: string, where: string, ctx: SheetContext): void {
  const style = styleOf(ctx.snapshot, cell);
  const written = ctx.portable ? portableFormula(formula) : formula;
  if (written === undefined) {
    ctx.frozenToValues.push(where);
    target.value = inFileSystem(plainValue(cell), cell, style, ctx.date1904);
    return;
  }
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

function writeValue(ws: StreamWorksheet, target: ExcelJS.Cell, cell: ICellData, where: string, ctx: SheetContext): void {
  const value = inFileSystem(plainValue(cell), cell, styleOf(ctx.snapshot, cell), ctx.date1904);
  const runs = richTextRunsOf(cell);
  if (runs) target.value = { richText: runs };
  else if (value !== null) target.value = value;
  // The link goes beside the value (a linked number stays a number).
  const link = hyperlinkOf(cell);
  if (link && value !== null) addLink(ws, where, link);
}

/** Writes one row's cells; true when a cell carries a format but no value (the row must stay). */
function writeCells(
  ws: StreamWorksheet,
  excelRow: ExcelJS.Row,
  cells: IObjectArrayPrimitiveType<ICellData>,
  ctx: SheetContext,
  styleCache: Map<IStyleData, Partial<ExcelJS.Style>>,
): boolean {
  let formattedOnly = false;
  for (const [c, entry] of Object.entries(cells)) {
    const cell = entry as ICellData | undefined;
    if (!cell) continue;
    const target = excelRow.getCell(Number(c) + 1);
    const formula = typeof cell.f === 'string' && cell.f.length > 1 ? cell.f : undefined;
    const where = `${columnLetter(Number(c))}${excelRow.number}`;
    if (formula !== undefined) writeFormula(target, cell, formula, `${ws.name}!${where}`, ctx);
    else writeValue(ws, target, cell, where, ctx);
    const style = styleOf(ctx.snapshot, cell);
    let excelStyle = style ? styleCache.get(style) : UNSTYLED;
    if (!excelStyle && style) styleCache.set(style, (excelStyle = excelStyleOf(style, ctx.baseFont)));
    // One style object per style: ExcelJS registers an object it has seen once by identity, where
    // a fresh {} per unstyled cell cost it a style lookup per cell (0.3 s at 100,000 rows).
    target.style = excelStyle && Object.keys(excelStyle).length > 0 ? excelStyle : UNSTYLED;
    if (cell.v !== undefined || formula !== undefined) ctx.counts.cells++;
    else if (style) formattedOnly = true;
  }
  return formattedOnly;
}

function writeSheet(wb: StreamWorkbook, sheet: SheetSnapshot, ctx: SheetContext): void {
  const ws = addSheet(wb, sheet);
  const id = sheet.id ?? '';
  const cellData = sheet.cellData ?? {};
  // Columns go out with the first row: set them first.
  writeColumns(ws, sheet);
  for (const merge of sheet.mergeData ?? [])
    ws.mergeCells(merge.startRow + 1, merge.startColumn + 1, merge.endRow + 1, merge.endColumn + 1);
  writeTables(wb, ws, tablesOf(ctx.snapshot)[id]?.tables ?? [], cellData, ctx);
  writeValidations(ws, validationsOf(ctx.snapshot)[id] ?? [], ctx.notWritten);
  writeConditionalFormats(ws, conditionalFormatsOf(ctx.snapshot)[id] ?? [], ctx.notWritten);

  // Rows strictly in order (the streaming writer cannot go back).
  const notes = notesOf(ctx.snapshot)[id] ?? {};
  const styleCache = new Map<IStyleData, Partial<ExcelJS.Style>>();
  for (const r of rowNumbersOf(sheet, notes)) {
    const excelRow = ws.getRow(r + 1);
    // The row's own style too: a fresh {} per row cost ExcelJS a style lookup per row (0.17 s).
    (excelRow as unknown as { style: Partial<ExcelJS.Style> }).style = UNSTYLED;
    const rowData = sheet.rowData?.[r];
    if (rowData?.h && rowData.ia === 0) excelRow.height = pixelsToPoints(rowData.h);
    if (rowData?.hd === 1) excelRow.hidden = true;
    if (rowData && outlineLevelOf(rowData) > 0) excelRow.outlineLevel = outlineLevelOf(rowData);
    const formattedOnly = writeCells(ws, excelRow, cellData[r] ?? {}, ctx, styleCache);
    for (const [c, note] of Object.entries(notes[r] ?? {})) if (note?.note) excelRow.getCell(Number(c) + 1).note = note.note;
    // The streaming writer drops rows without values; a template's blank rows carry formats that must stay.
    if (formattedOnly || (rowData && outlineLevelOf(rowData) > 0)) Object.defineProperty(excelRow, 'hasValues', { value: true });
    excelRow.commit();
  }
  ws.commit();
}

function printSettingsFor(sheet: SheetSnapshot): { pageSetup?: Partial<ExcelJS.PageSetup>; headerFooter?: Partial<ExcelJS.HeaderFooter> } {
  const print = (sheet.custom as { print?: { pageSetup?: unknown; headerFooter?: unknown } } | null | undefined)?.print;
  const object = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return {
    ...(object(print?.pageSetup) ? { pageSetup: print.pageSetup as Partial<ExcelJS.PageSetup> } : {}),
    ...(object(print?.headerFooter) ? { headerFooter: print.headerFooter as Partial<ExcelJS.HeaderFooter> } : {}),
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
