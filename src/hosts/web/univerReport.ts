/**
 * The report sheet in Univer: one sheet per review id, cleared (its pictures removed) and rewritten
 * when the same review reports again. Univer's open-source build has no charts, so each chart the
 * caller drew goes where the chart goes as a picture over the grid (@univerjs/sheets-drawing), which
 * the .xlsx writer carries into the file.
 */
import { type ICellData, ImageSourceType, type IObjectMatrixPrimitiveType } from '@univerjs/core';
import type { FWorkbook } from '@univerjs/sheets/facade';
import '@univerjs/sheets-drawing/facade';
import type { Locale, ReportChartId, ReportSheetPlan } from '../../core';
import { type ChartPicture, type ReportSheetResult, WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import { MIN_COLUMN_PIXELS, PIXELS_PER_CHARACTER, cellDataOf } from './univerCells';

const base64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export async function writeUniverReport(
  workbook: FWorkbook,
  plan: ReportSheetPlan,
  locale: Locale,
  pictures?: ReadonlyMap<ReportChartId, ChartPicture>,
): Promise<ReportSheetResult> {
  const existing = workbook.getSheetByName(plan.sheetName);
  if (existing && workbook.getTableList().some((t) => t.subUnitId === existing.getSheetId()))
    throw new WorkbookError(PORT_MESSAGES.reportSheetTaken(plan.sheetName)[locale], plan.sheetName);
  const sheet = existing ?? workbook.insertSheet(plan.sheetName);
  if (existing) {
    const old = sheet.getImages();
    if (old.length > 0) sheet.deleteImages(old);
    sheet.clear();
  }
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
  const images = [];
  for (const placed of plan.charts) {
    const picture = pictures?.get(placed.chart.id);
    if (!picture) continue;
    const image = await sheet
      .newOverGridImage()
      .setSource(`data:image/png;base64,${base64(picture.png)}`, ImageSourceType.BASE64)
      .setColumn(placed.anchor.col)
      .setRow(placed.anchor.row)
      .setWidth(picture.width)
      .setHeight(picture.height)
      .buildAsync();
    // The chart's title rides along as the picture's description: the .xlsx writer makes it the alt text.
    images.push({ ...image, description: placed.chart.title });
  }
  if (images.length > 0) sheet.insertImages(images);
  workbook.setActiveSheet(sheet);
  return {
    sheetName: sheet.getSheetName(),
    replaced: existing !== null && existing !== undefined,
    nativeCharts: 0,
    pictures: images.length,
  };
}
