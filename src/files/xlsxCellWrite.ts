/**
 * One cell as the .xlsx writer (src/files/xlsxWrite.ts) puts it: its value or cached formula
 * result, its style in ExcelJS's terms, and the row and column facts kept in custom data.
 */
import type ExcelJS from 'exceljs';
import type { ICellData, IStyleData } from '@univerjs/core';
import { argbOf } from './units';
import { excelBorderOf } from './xlsxExtras';
import { serialFor1904, showsCalendarDate } from './exactDates';

// Univer cell types: 1 string, 2 number, 3 boolean, 4 forced string.
const CELL_STRING = 1;
const CELL_BOOLEAN = 3;
const CELL_FORCE_STRING = 4;

const ERROR_CODES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/** A computed value as ExcelJS caches it in a formula cell. */
export function cachedResult(cell: ICellData): ExcelJS.CellFormulaValue['result'] {
  const v = cell.v;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' && ERROR_CODES.has(v)) return { error: v as ExcelJS.CellErrorValue['error'] };
  if (cell.t === CELL_BOOLEAN) return Boolean(v);
  return v as number | string | boolean;
}

export function plainValue(cell: ICellData): ExcelJS.CellValue {
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
export interface BaseFont {
  readonly name: string;
  readonly size: number;
}

export function excelStyleOf(style: IStyleData, base: BaseFont): Partial<ExcelJS.Style> {
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

/** The style of every cell without one of its own; never changed (ExcelJS keys its style ids by object). */
export const UNSTYLED: Partial<ExcelJS.Style> = {};

/** A value as the file holds it: a 1904-system file's dates go back to its own serials (src/files/exactDates.ts). */
export function inFileSystem<T>(value: T, cell: ICellData, style: IStyleData | undefined, date1904: boolean): T | number {
  return date1904 && typeof value === 'number' && showsCalendarDate(style?.n?.pattern ?? undefined)
    ? serialFor1904(value, (cell.custom as { serial1904?: unknown } | null | undefined)?.serial1904)
    : value;
}

/** A row's or column's outline (grouping) level, as the reader keeps it in the custom data. */
export function outlineLevelOf(entry: { custom?: unknown }): number {
  const level = (entry.custom as { outlineLevel?: unknown } | null | undefined)?.outlineLevel;
  return typeof level === 'number' && Number.isInteger(level) && level > 0 && level <= 7 ? level : 0;
}
