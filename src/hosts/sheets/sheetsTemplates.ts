/**
 * A TemplatePlan rendered into a new Google Sheet with a fixed number of service calls whatever the
 * row count: grow the sheet, every cell's number format in one call (text cells `@` first, so no
 * text is parsed), every value and formula in one `setValues`, bold title and summary labels in one
 * range list, one validation per list column, the spec's conditional formats appended to the sheet's
 * rules (`setConditionalFormatRules` replaces them all), widths, frozen rows, and a named range
 * standing in for the Excel table (Sheets has no tables the script can create).
 *
 * Not rendered: the plan's chart (the review report issue draws charts in every host).
 */
import {
  type PlanCell,
  type PlannedConditionalFormat,
  type TemplatePlan,
  TONE_COLORS,
  cellAddress,
  rangeAddress,
  uniqueSheetName,
  uniqueTableName,
} from '../../core';
import { applyCondition } from '../../workbook/conditionalRule';
import type { InsertedTemplate } from '../../workbook/port';
import type { SheetsApp, SheetsConditionalFormatRule, SheetsRange, SheetsSheet, SheetsSpreadsheet } from './sheetsApi';
import { DEFAULT_FORMAT, TEXT_FORMAT, valueToWrite } from './sheetsCells';

/** Column widths are given in characters; Sheets wants pixels (as the web host, src/hosts/web/univerWorkbook.ts). */
export const PIXELS_PER_CHARACTER = 8;
export const MIN_COLUMN_PIXELS = 48;

/** A core rectangle (0-based) as a Sheets range. */
export const rangeOf = (sheet: SheetsSheet, row: number, column: number, rows: number, columns: number): SheetsRange =>
  sheet.getRange(row + 1, column + 1, rows, columns);

function conditionalRule(
  app: SheetsApp,
  format: PlannedConditionalFormat,
  range: SheetsRange,
  topLeft: string,
): SheetsConditionalFormatRule {
  const colors = TONE_COLORS[format.tone];
  return applyCondition(app.newConditionalFormatRule(), format.rule, topLeft)
    .setBackground(colors.fill)
    .setFontColor(colors.font)
    .setRanges([range])
    .build();
}

/** The names of the tables of a workbook: its named ranges. */
export const tableNamesOf = (spreadsheet: SheetsSpreadsheet): string[] => spreadsheet.getNamedRanges().map((n) => n.getName());

/** Drop-downs, number rules (with the column's help text) and conditional formats over the data rows. */
function addRules(app: SheetsApp, sheet: SheetsSheet, plan: TemplatePlan): void {
  const firstDataRow = plan.headerRow + 1;
  const rowCount = plan.rows.length;
  plan.columns.forEach((column, c) => {
    if (!column.list || column.list.length === 0) return;
    const rule = app
      .newDataValidation()
      .requireValueInList([...column.list], true)
      .setAllowInvalid(false)
      .build();
    rangeOf(sheet, firstDataRow, c, rowCount, 1).setDataValidation(rule);
  });
  // Number columns refuse text typed into them, with the column's help text.
  plan.columns.forEach((column, c) => {
    if (!column.numberRule) return;
    const rule = app
      .newDataValidation()
      .requireNumberBetween(column.numberRule.min, column.numberRule.max)
      .setAllowInvalid(false)
      .setHelpText(column.numberRule.message)
      .build();
    rangeOf(sheet, firstDataRow, c, rowCount, 1).setDataValidation(rule);
  });
  const added = plan.conditionalFormats
    .filter((format) => format.column >= 0)
    .map((format) =>
      conditionalRule(app, format, rangeOf(sheet, firstDataRow, format.column, rowCount, 1), cellAddress(firstDataRow, format.column)),
    );
  if (added.length > 0) sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...added]);
}

export function insertTemplate(app: SheetsApp, plan: TemplatePlan): InsertedTemplate {
  const spreadsheet = app.getActiveSpreadsheet();
  const sheetName = uniqueSheetName(
    plan.sheetName,
    spreadsheet.getSheets().map((s) => s.getName()),
  );
  const tableName = uniqueTableName(plan.tableName, tableNamesOf(spreadsheet));

  const columnCount = plan.columns.length;
  const { headerRow } = plan;
  const firstDataRow = headerRow + 1;
  const rowCount = plan.rows.length;
  const lastDataRow = headerRow + rowCount;
  const lastSummaryColumn = Math.max(-1, ...plan.summary.flatMap((s) => [s.labelCell.col, s.valueCell.col]));
  const lastSummaryRow = Math.max(-1, ...plan.summary.flatMap((s) => [s.labelCell.row, s.valueCell.row]));
  const neededRows = Math.max(lastDataRow, lastSummaryRow) + 1;
  const neededColumns = Math.max(columnCount, lastSummaryColumn + 1);

  const sheet = spreadsheet.insertSheet(sheetName, spreadsheet.getNumSheets());
  // Always one growth call (a spare row when the sheet is already big enough), so an insertion
  // makes the same calls at every size.
  const maxRows = sheet.getMaxRows();
  sheet.insertRowsAfter(maxRows, Math.max(1, neededRows - maxRows));
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < neededColumns) sheet.insertColumnsAfter(maxColumns, neededColumns - maxColumns);

  // One block for the whole template: values and the format each cell needs.
  const values: unknown[][] = Array.from({ length: neededRows }, () => Array<unknown>(neededColumns).fill(''));
  const formats: string[][] = Array.from({ length: neededRows }, () => Array<string>(neededColumns).fill(DEFAULT_FORMAT));
  const put = (row: number, col: number, cell: PlanCell, format: string): void => {
    const [value, cellFormat] = valueToWrite(cell, format);
    (values[row] as unknown[])[col] = value;
    (formats[row] as string[])[col] = cellFormat;
  };
  plan.columns.forEach((column, c) => {
    for (let r = firstDataRow; r <= lastDataRow; r++) (formats[r] as string[])[c] = column.numberFormat;
  });
  put(0, 0, plan.title, TEXT_FORMAT);
  plan.columns.forEach((column, c) => put(headerRow, c, column.label, TEXT_FORMAT));
  const cellFormat = new Map(plan.cellFormats.map((f) => [`${f.row},${f.column}`, f.numberFormat]));
  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) =>
      put(firstDataRow + r, c, cell, cellFormat.get(`${r},${c}`) ?? plan.columns[c]?.numberFormat ?? DEFAULT_FORMAT),
    ),
  );
  for (const summary of plan.summary) {
    put(summary.labelCell.row, summary.labelCell.col, summary.label, TEXT_FORMAT);
    put(summary.valueCell.row, summary.valueCell.col, summary.value, summary.numberFormat);
  }
  const block = rangeOf(sheet, 0, 0, neededRows, neededColumns);
  block.setNumberFormats(formats);
  block.setValues(values);
  sheet.getRangeList(['A1', ...plan.summary.map((s) => cellAddress(s.labelCell.row, s.labelCell.col))]).setFontWeight('bold');
  plan.columns.forEach((column, c) => column.note && rangeOf(sheet, headerRow, c, 1, 1).setNote(column.note));

  const table = rangeOf(sheet, headerRow, 0, rowCount + 1, columnCount);
  spreadsheet.setNamedRange(tableName, table);

  if (rowCount > 0) addRules(app, sheet, plan);

  plan.columns.forEach((column, c) =>
    sheet.setColumnWidth(c + 1, Math.max(MIN_COLUMN_PIXELS, Math.round(column.width * PIXELS_PER_CHARACTER))),
  );
  sheet.setFrozenRows(firstDataRow);
  sheet.activate();
  return { sheetName, tableName, tableAddress: rangeAddress(headerRow, 0, lastDataRow, columnCount - 1) };
}
