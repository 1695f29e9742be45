/**
 * The report sheet in Google Sheets: one sheet per review id, cleared (charts removed) and
 * rewritten when the same review reports again; one `setNumberFormats` + one `setValues` for the
 * grid (text typed as text, so a finding that starts with `=` stays text), bold rows in one range
 * list, and an embedded chart per planned chart over its data cells (Sheets has no funnel chart:
 * the funnel is drawn as bars, its stages in order).
 */
import { type Locale, type PlacedReportChart, type ReportSheetPlan, rangeAddress } from '../../core';
import { type ReportSheetResult, WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import type { SheetsApp, SheetsChartBuilder, SheetsSheet } from './sheetsApi';
import { DEFAULT_FORMAT, valueToWrite } from './sheetsCells';
import { MIN_COLUMN_PIXELS, PIXELS_PER_CHARACTER, rangeOf } from './sheetsTemplates';

export function writeSheetsReport(app: SheetsApp, plan: ReportSheetPlan, locale: Locale): ReportSheetResult {
  const spreadsheet = app.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(plan.sheetName);
  if (existing && spreadsheet.getNamedRanges().some((n) => n.getRange().getSheet().getName() === plan.sheetName))
    throw new WorkbookError(PORT_MESSAGES.reportSheetTaken(plan.sheetName)[locale], plan.sheetName);
  const sheet = existing ?? spreadsheet.insertSheet(plan.sheetName, spreadsheet.getNumSheets());
  if (existing) {
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    sheet.clear();
  }
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
  for (const placed of plan.charts) sheet.insertChart(chartOf(sheet, placed));
  sheet.activate();
  return { sheetName: plan.sheetName, replaced: existing !== null, nativeCharts: plan.charts.length, pictures: 0 };
}

function chartOf(sheet: SheetsSheet, { chart, data, anchor }: PlacedReportChart) {
  const builder = sheet.newChart();
  const typed: SheetsChartBuilder =
    chart.kind === 'line' ? builder.asLineChart() : chart.kind === 'column' ? builder.asColumnChart() : builder.asBarChart();
  return typed
    .addRange(rangeOf(sheet, data.row, data.col, data.rows, data.cols))
    .setNumHeaders(1)
    .setOption('title', chart.title)
    .setOption('legend', { position: chart.series.length > 1 ? 'bottom' : 'none' })
    .setPosition(anchor.row + 1, anchor.col + 1, 0, 0)
    .build();
}
