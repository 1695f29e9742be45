/**
 * The report sheet in Excel, in ONE `Excel.run` with two syncs:
 *
 *   sync 1 — the sheets (name, position) and which sheets hold tables;
 *   sync 2 — a new sheet with the grid as one 2-D write, number formats, bold rows, widths; then
 *            the old report of the same review deleted and the new one renamed to its name and
 *            put at its place; last a native chart per chart of the plan over its data cells.
 *
 * A same-named sheet with a table is the user's: refused before anything is queued. All or nothing:
 * the old report goes only after the new one is built, and a failure before that leaves the old
 * report as it was and the half-built sheet to be taken away (`HalfBuiltSheet`).
 */
import { type Locale, type PlacedReportChart, type ReportSheetPlan, cellAddress, rangeAddress, uniqueSheetName } from '../../core';
import { type ReportSheetResult, WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import type { ExcelApi } from './excelApi';
import { textCell } from './excelCells';
import { HalfBuiltSheet, errorLocation } from './excelErrors';
import { columnWidthPoints } from './excelTemplates';

const chartType = (excel: ExcelApi, kind: PlacedReportChart['chart']['kind']) =>
  ({
    funnel: excel.ChartType.funnel,
    column: excel.ChartType.columnClustered,
    line: excel.ChartType.line,
    bar: excel.ChartType.barClustered,
  })[kind];

export async function writeExcelReport(
  context: Excel.RequestContext,
  excel: ExcelApi,
  plan: ReportSheetPlan,
  locale: Locale,
): Promise<ReportSheetResult> {
  // Sync 1.
  const sheets = context.workbook.worksheets.load('items/name,items/position');
  const tables = context.workbook.tables.load('items/name,items/worksheet/name');
  await context.sync();
  const existing = sheets.items.find((s) => s.name === plan.sheetName);
  if (existing && tables.items.some((t) => t.worksheet.name === plan.sheetName))
    throw new WorkbookError(PORT_MESSAGES.reportSheetTaken(plan.sheetName)[locale], plan.sheetName);

  // Sync 2: everything else. A report replacing an old one is built beside it first.
  const building = existing
    ? uniqueSheetName(
        `~${plan.sheetName}`,
        sheets.items.map((s) => s.name),
      )
    : plan.sheetName;
  const sheet = context.workbook.worksheets.add(building);
  const width = plan.columnWidths.length;
  if (plan.cells.length > 0) {
    sheet.getRange(rangeAddress(0, 0, plan.cells.length - 1, width - 1)).values = plan.cells.map((row) =>
      row.map((cell) => (cell === null ? '' : typeof cell === 'string' ? textCell(cell) : cell)),
    );
  }
  for (const f of plan.formats)
    sheet.getRange(rangeAddress(f.row, f.col, f.row + f.rows - 1, f.col + f.cols - 1)).numberFormat = [[f.numberFormat]];
  for (const r of plan.boldRows) sheet.getRange(rangeAddress(r, 0, r, width - 1)).format.font.bold = true;
  plan.columnWidths.forEach((chars, c) => {
    sheet.getRange(cellAddress(0, c)).format.columnWidth = columnWidthPoints(chars);
  });
  if (existing) {
    context.workbook.worksheets.getItem(plan.sheetName).delete();
    sheet.name = plan.sheetName;
    sheet.position = existing.position;
  }
  sheet.activate();
  for (const placed of plan.charts) queueReportChart(excel, sheet, placed);
  let nativeCharts = plan.charts.length;
  try {
    await context.sync();
  } catch (error) {
    // Charts are queued last: when only they fail (a chart type this Excel cannot build), the
    // report's cells are in place — keep them; the pane still draws the charts.
    const where = errorLocation(error);
    if (!(plan.charts.length > 0 && /^Chart/i.test(where))) {
      // Past its own `add`, the new sheet is ours and half-built: it goes; an old report is intact
      // unless the failure came after its delete (then the new one is whole but for its name).
      if (where !== '' && where !== 'WorksheetCollection.add' && !/^Worksheet\.(name|position|activate)$/.test(where))
        throw new HalfBuiltSheet(building, error);
      throw error;
    }
    nativeCharts = 0;
  }
  return { sheetName: plan.sheetName, replaced: existing !== undefined, nativeCharts, pictures: 0 };
}

function queueReportChart(excel: ExcelApi, sheet: Excel.Worksheet, placed: PlacedReportChart): void {
  const { data, anchor, chart } = placed;
  const lastRow = data.row + data.rows - 1;
  const categories = sheet.getRange(rangeAddress(data.row + 1, data.col, lastRow, data.col));
  const column = (c: number) => sheet.getRange(rangeAddress(data.row, data.col + c, lastRow, data.col + c));
  // A funnel takes no series calls (office-js#2971): its source is the stages and counts side by side.
  const source = chart.kind === 'funnel' ? sheet.getRange(rangeAddress(data.row, data.col, lastRow, data.col + 1)) : column(1);
  const added = sheet.charts.add(chartType(excel, chart.kind), source, 'Columns');
  // Placed first: a series call that fails later leaves the chart beside the sections, not over them.
  added.setPosition(cellAddress(anchor.row, anchor.col), cellAddress(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1));
  added.title.text = chart.title;
  if (chart.kind === 'funnel') return;
  added.series.getItemAt(0).setXAxisValues(categories);
  for (let c = 2; c < data.cols; c++) {
    const series = added.series.add(chart.series[c - 1]?.name ?? '');
    series.setValues(sheet.getRange(rangeAddress(data.row + 1, data.col + c, lastRow, data.col + c)));
    series.setXAxisValues(categories);
  }
}
