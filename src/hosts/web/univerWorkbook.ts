/**
 * The web host's WorkbookPort: renders a TemplatePlan into a new Univer sheet through the facade.
 * Order per template: new sheet (grown if needed) → number formats → values and formulas in one
 * write → table → drop-downs → conditional formats → widths, freeze, activate → wait for the
 * formulas. It never writes to a sheet it did not just create.
 *
 * Table reads and writes live in univerTables.ts.
 *
 * Not rendered: the plan's chart — Univer has no open-source chart plugin (charts are Univer Pro).
 */
import type { ICellData, IObjectMatrixPrimitiveType } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
import type { FWorkbook, FWorksheet } from '@univerjs/sheets/facade';

import '@univerjs/engine-formula/facade';
import '@univerjs/sheets/facade';
import '@univerjs/sheets-formula/facade';
import '@univerjs/sheets-numfmt/facade';
import '@univerjs/sheets-data-validation/facade';
import '@univerjs/sheets-conditional-formatting/facade';
import '@univerjs/sheets-table/facade';
import '@univerjs/sheets-note/facade';

import {
  L,
  type Locale,
  type PlanCell,
  type PlannedConditionalFormat,
  type TemplatePlan,
  TONE_COLORS,
  cellAddress,
  rangeAddress,
  uniqueSheetName,
  uniqueTableName,
} from '../../core';
import { type CellPosition, type InsertedTemplate, type SheetInfo, WorkbookError, type WorkbookPort } from '../../workbook/port';
import { applyCondition } from '../../workbook/conditionalRule';
import { MIN_COLUMN_PIXELS, PIXELS_PER_CHARACTER, cellDataOf } from './univerCells';
import { writeUniverReport } from './univerReport';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import { type UniverTablesContext, createUniverTables } from './univerTables';

export interface UniverWorkbookOptions {
  /** The workbook to use; default: the active workbook at each call. */
  readonly workbook?: FWorkbook;
  /** Language of error messages. Default zh-CN. */
  readonly locale?: Locale;
  /** Wait for Univer to compute formulas before `insertTemplate`, `writeTables` and `insertFormulaAtSelection` resolve. Default true. */
  readonly awaitCalculation?: boolean;
}

const MESSAGES = {
  noWorkbook: L('没有打开的工作簿。', 'No workbook is open.'),
  noSheet: PORT_MESSAGES.noSheet,
  tableFailed: (name: string) => L(`无法在工作表“${name}”上创建表格。`, `Could not create the table on sheet "${name}".`),
} as const;

function planHasFormulas(plan: TemplatePlan): boolean {
  return plan.summary.length > 0 || plan.rows.some((row) => row.some((cell) => cell !== null && typeof cell === 'object'));
}

function tableNamesOf(workbook: FWorkbook): string[] {
  return workbook.getTableList().map((table) => table.name);
}

function addConditionalFormat(sheet: FWorksheet, format: PlannedConditionalFormat, firstRow: number, rowCount: number): void {
  if (format.column < 0) return;
  const range = sheet.getRange(firstRow, format.column, rowCount, 1).getRange();
  const colors = TONE_COLORS[format.tone];
  const builder = sheet.newConditionalFormattingRule();
  applyCondition(builder, format.rule, cellAddress(firstRow, format.column));
  sheet.addConditionalFormattingRule(builder.setBackground(colors.fill).setFontColor(colors.font).setRanges([range]).build());
}

/** Number formats first, so values land in formatted cells (text columns are '@'). */
function formatTemplate(sheet: FWorksheet, plan: TemplatePlan): void {
  const firstDataRow = plan.headerRow + 1;
  const rowCount = plan.rows.length;
  plan.columns.forEach((column, c) => {
    if (rowCount > 0 && column.numberFormat !== 'General') {
      sheet.getRange(firstDataRow, c, rowCount, 1).setNumberFormat(column.numberFormat);
    }
  });
  for (const format of plan.cellFormats) sheet.getRange(firstDataRow + format.row, format.column).setNumberFormat(format.numberFormat);
  for (const summary of plan.summary) {
    if (summary.numberFormat !== 'General')
      sheet.getRange(summary.valueCell.row, summary.valueCell.col).setNumberFormat(summary.numberFormat);
  }
}

/** Every value of the plan as one sparse matrix in absolute coordinates (one write). */
function templateCells(plan: TemplatePlan): IObjectMatrixPrimitiveType<ICellData> {
  const cells: IObjectMatrixPrimitiveType<ICellData> = {};
  const put = (row: number, col: number, cell: PlanCell): void => {
    const data = cellDataOf(cell);
    if (data === undefined) return;
    (cells[row] ??= {})[col] = data;
  };
  put(0, 0, plan.title);
  plan.columns.forEach((column, c) => put(plan.headerRow, c, column.label));
  plan.rows.forEach((row, r) => row.forEach((cell, c) => put(plan.headerRow + 1 + r, c, cell)));
  for (const summary of plan.summary) {
    put(summary.labelCell.row, summary.labelCell.col, summary.label);
    put(summary.valueCell.row, summary.valueCell.col, summary.value);
  }
  return cells;
}

/** Drop-downs on list columns; number columns refuse text typed into them, saying what the column takes. */
function addValidations(api: FUniver, sheet: FWorksheet, plan: TemplatePlan): void {
  const firstDataRow = plan.headerRow + 1;
  const rowCount = plan.rows.length;
  if (rowCount === 0) return;
  plan.columns.forEach((column, c) => {
    if (!column.list || column.list.length === 0) return;
    const rule = api
      .newDataValidation()
      .requireValueInList([...column.list], false, true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange(firstDataRow, c, rowCount, 1).setDataValidation(rule);
  });
  // 月度实际完成 = "abc" is refused with the column's own message.
  plan.columns.forEach((column, c) => {
    if (!column.numberRule) return;
    const rule = api
      .newDataValidation()
      .requireNumberBetween(column.numberRule.min, column.numberRule.max, column.numberRule.integer)
      .setAllowBlank(true)
      .setAllowInvalid(false)
      .setOptions({ showErrorMessage: true, error: column.numberRule.message })
      .build();
    sheet.getRange(firstDataRow, c, rowCount, 1).setDataValidation(rule);
  });
}

/** Column widths (a summary's value column wide enough for its label) and the header notes. */
function sizeColumns(sheet: FWorksheet, plan: TemplatePlan): void {
  plan.columns.forEach((column, c) =>
    sheet.setColumnWidth(c, Math.max(MIN_COLUMN_PIXELS, Math.round(column.width * PIXELS_PER_CHARACTER))),
  );
  for (const summary of plan.summary) {
    sheet.setColumnWidth(
      summary.valueCell.col,
      Math.max(sheet.getColumnWidth(summary.valueCell.col), summary.label.length * 2 * PIXELS_PER_CHARACTER),
    );
  }
  plan.columns.forEach((column, c) => {
    if (column.note)
      sheet
        .getRange(plan.headerRow, c)
        .createOrUpdateNote({ id: '', row: plan.headerRow, col: c, width: 240, height: 72, note: column.note });
  });
}

async function insertTemplate(ctx: UniverTablesContext, plan: TemplatePlan): Promise<InsertedTemplate> {
  const { api, locale } = ctx;
  const workbook = ctx.workbookOf();
  const sheetName = uniqueSheetName(
    plan.sheetName,
    workbook.getSheets().map((s) => s.getSheetName()),
  );
  const wantedTableName = uniqueTableName(plan.tableName, tableNamesOf(workbook));
  const columnCount = plan.columns.length;
  const headerRow = plan.headerRow;
  const rowCount = plan.rows.length;
  const lastDataRow = headerRow + rowCount;
  const lastSummaryColumn = Math.max(-1, ...plan.summary.flatMap((s) => [s.labelCell.col, s.valueCell.col]));
  const lastSummaryRow = Math.max(-1, ...plan.summary.flatMap((s) => [s.labelCell.row, s.valueCell.row]));

  const sheet = workbook.insertSheet(sheetName);
  // Default sheets are 1000×20: grow before writing past the edge.
  const neededRows = Math.max(lastDataRow, lastSummaryRow) + 1;
  const neededColumns = Math.max(columnCount, lastSummaryColumn + 1);
  if (sheet.getMaxRows() < neededRows) sheet.setRowCount(neededRows);
  if (sheet.getMaxColumns() < neededColumns) sheet.setColumnCount(neededColumns);
  formatTemplate(sheet, plan);
  sheet.getRange(0, 0, neededRows, neededColumns).setValues(templateCells(plan));
  sheet.getRange(0, 0).setFontWeight('bold');
  for (const summary of plan.summary) sheet.getRange(summary.labelCell.row, summary.labelCell.col).setFontWeight('bold');

  // The table over header + data.
  const tableRange = { startRow: headerRow, startColumn: 0, endRow: lastDataRow, endColumn: columnCount - 1 };
  const added = await sheet.addTable(wantedTableName, tableRange);
  const table = sheet.getSubTableInfos().find((t) => t.range.startRow === headerRow && t.range.startColumn === 0);
  if (!added || table === undefined) throw new WorkbookError(MESSAGES.tableFailed(sheetName)[locale], sheetName);

  addValidations(api, sheet, plan);
  if (rowCount > 0) for (const format of plan.conditionalFormats) addConditionalFormat(sheet, format, headerRow + 1, rowCount);
  sizeColumns(sheet, plan);
  sheet.setFrozenRows(headerRow + 1);
  workbook.setActiveSheet(sheet);

  if (ctx.awaitCalculation && planHasFormulas(plan)) await api.getFormula().onCalculationResultApplied();

  return {
    sheetName: sheet.getSheetName(),
    tableName: table.name,
    tableAddress: rangeAddress(headerRow, 0, lastDataRow, columnCount - 1),
  };
}

/** The Univer WorkbookPort (host "Web"). */
export function createUniverWorkbook(api: FUniver, options: UniverWorkbookOptions = {}): WorkbookPort {
  const locale = options.locale ?? 'zh-CN';
  const awaitCalculation = options.awaitCalculation ?? true;

  const workbookOf = (): FWorkbook => {
    const workbook = options.workbook ?? api.getActiveWorkbook();
    if (!workbook) throw new WorkbookError(MESSAGES.noWorkbook[locale]);
    return workbook;
  };

  return {
    host: 'Web',
    // Univer registers SALES.<ID> only (univerFunctions.ts), in every language.
    functionSpelling: 'dotted',
    async listSheets(): Promise<readonly SheetInfo[]> {
      const workbook = workbookOf();
      const tables = workbook.getTableList();
      return workbook.getSheets().map((sheet) => ({
        name: sheet.getSheetName(),
        tables: tables.filter((t) => t.subUnitId === sheet.getSheetId()).map((t) => t.name),
      }));
    },
    insertTemplate: (plan) => insertTemplate({ api, workbookOf, locale, awaitCalculation }, plan),
    async activateSheet(name: string, cell?: CellPosition): Promise<void> {
      const workbook = workbookOf();
      const sheet = workbook.getSheetByName(name);
      if (!sheet) throw new WorkbookError(MESSAGES.noSheet(name)[locale], name);
      workbook.setActiveSheet(sheet);
      if (cell) workbook.setActiveRange(sheet.getRange(cell.row, cell.column));
    },
    ...createUniverTables({ api, workbookOf, locale, awaitCalculation }),
    // No native charts: the pane draws them as pictures for this host (WorkbookPort.chartPictures).
    chartPictures: true,
    writeReportSheet: (plan, pictures) => writeUniverReport(workbookOf(), plan, locale, pictures),
  };
}
