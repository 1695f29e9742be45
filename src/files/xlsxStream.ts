/**
 * ExcelJS's streaming writer as the .xlsx writer (src/files/xlsxWrite.ts) reaches into it, and the
 * state one write carries from sheet to sheet.
 */
import type ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from './snapshot';
import type { BaseFont } from './xlsxCellWrite';

export interface SheetContext {
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
export interface StreamWorkbook {
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
export type StreamWorksheet = ExcelJS.Worksheet & {
  commit(): void;
  _sheetRelsWriter: {
    addRelationship(rel: { Type: string; Target: string }): string;
  };
  _writeLegacyData(): void;
  _write(text: string): void;
};
