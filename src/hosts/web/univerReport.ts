/**
 * The report sheet in Univer: one sheet per review id, cleared and rewritten when the same review
 * reports again. Univer's open-source build has no charts and this host loads no drawing plugin,
 * so no chart is placed on the sheet: the charts' data are there, and the pane draws the charts.
 */
import type { ICellData, IObjectMatrixPrimitiveType } from '@univerjs/core';
import type { FWorkbook } from '@univerjs/sheets/facade';
import type { Locale, ReportSheetPlan } from '../../core';
import { type ReportSheetResult, WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import { MIN_COLUMN_PIXELS, PIXELS_PER_CHARACTER, cellDataOf } from './univerCells';

export async function writeUniverReport(workbook: FWorkbook, plan: ReportSheetPlan, locale: Locale): Promise<ReportSheetResult> {
  const existing = workbook.getSheetByName(plan.sheetName);
  if (existing && workbook.getTableList().some((t) => t.subUnitId === existing.getSheetId()))
    throw new WorkbookError(PORT_MESSAGES.reportSheetTaken[locale](plan.sheetName), plan.sheetName);
  const sheet = existing ?? workbook.insertSheet(plan.sheetName);
  if (existing) sheet.clear();
  const rows = Math.max(1, plan.cells.length);
  const columns = Math.max(1, plan.columnWidths.length, ...plan.charts.map((c) => c.anchor.col + c.anchor.cols));
  if (sheet.getMaxRows() < rows) sheet.setRowCount(rows);
  if (sheet.getMaxColumns() < columns) sheet.setColumnCount(columns);
  for (const f of plan.formats) sheet.getRange(f.row, f.col, f.rows, f.cols).setNumberFormat(f.numberFormat);
  const cells: IObjectMatrixPrimitiveType<ICellData> = {};
  plan.cells.forEach((row, r) =>
    row.forEach((value, c) => {
      const data = cellDataOf(value);
      if (data !== undefined) (cells[r] ??= {})[c] = data;
    }),
  );
  sheet.getRange(0, 0, rows, plan.columnWidths.length).setValues(cells);
  for (const r of plan.boldRows) sheet.getRange(r, 0, 1, plan.columnWidths.length).setFontWeight('bold');
  plan.columnWidths.forEach((width, c) => sheet.setColumnWidth(c, Math.max(MIN_COLUMN_PIXELS, Math.round(width * PIXELS_PER_CHARACTER))));
  workbook.setActiveSheet(sheet);
  return { sheetName: sheet.getSheetName(), replaced: existing !== null && existing !== undefined, nativeCharts: 0, pictures: 0 };
}
