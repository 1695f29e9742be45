/**
 * The report sheet in Google Sheets: one sheet per review id, cleared and rewritten when the same
 * review reports again; one `setNumberFormats` + one `setValues` for the grid (text typed as text,
 * so a finding that starts with `=` stays text), bold rows in one range list.
 */
import { type Locale, type ReportSheetPlan, rangeAddress } from '../../core';
import { type ReportSheetResult, WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import type { SheetsApp } from './sheetsApi';
import { DEFAULT_FORMAT, valueToWrite } from './sheetsCells';
import { MIN_COLUMN_PIXELS, PIXELS_PER_CHARACTER, rangeOf } from './sheetsTemplates';

export function writeSheetsReport(app: SheetsApp, plan: ReportSheetPlan, locale: Locale): ReportSheetResult {
  const spreadsheet = app.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(plan.sheetName);
  if (existing && spreadsheet.getNamedRanges().some((n) => n.getRange().getSheet().getName() === plan.sheetName))
    throw new WorkbookError(PORT_MESSAGES.reportSheetTaken[locale](plan.sheetName), plan.sheetName);
  const sheet = existing ?? spreadsheet.insertSheet(plan.sheetName, spreadsheet.getNumSheets());
  if (existing) sheet.clear();
  const rows = Math.max(1, plan.cells.length);
  const width = plan.columnWidths.length;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  const formatAt = new Map<string, string>();
  for (const f of plan.formats)
    for (let r = f.row; r < f.row + f.rows; r++) for (let c = f.col; c < f.col + f.cols; c++) formatAt.set(`${r},${c}`, f.numberFormat);
  const values: unknown[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const written = Array.from({ length: width }, (_, c) =>
      valueToWrite(plan.cells[r]?.[c] ?? null, formatAt.get(`${r},${c}`) ?? DEFAULT_FORMAT),
    );
    values.push(written.map(([value]) => value));
    formats.push(written.map(([, format]) => format));
  }
  const block = rangeOf(sheet, 0, 0, rows, width);
  block.setNumberFormats(formats);
  block.setValues(values);
  if (plan.boldRows.length > 0) sheet.getRangeList(plan.boldRows.map((r) => rangeAddress(r, 0, r, width - 1))).setFontWeight('bold');
  plan.columnWidths.forEach((chars, c) =>
    sheet.setColumnWidth(c + 1, Math.max(MIN_COLUMN_PIXELS, Math.round(chars * PIXELS_PER_CHARACTER))),
  );
  sheet.activate();
  return { sheetName: plan.sheetName, replaced: existing !== null, nativeCharts: 0, pictures: 0 };
}
