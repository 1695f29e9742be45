/**
 * Template sheets in Excel: a plan becomes a new sheet in one batch (queued here, sent by the
 * port's second sync): title, number formats, header + rows as one 2-D write, the table,
 * drop-downs, widths, frozen rows, conditional formats, summary cells, activation and the chart.
 */
import {
  type PlanCell,
  type PlannedChart,
  type PlannedColumn,
  type PlannedRule,
  TONE_COLORS,
  type TemplatePlan,
  cellAddress,
  rangeAddress,
} from '../../core';
import type { InsertedTemplate } from '../../workbook/port';
import { type FormulaLanguage, cellNumberFormat, formulaProperty, propertyBlocks, textCell, typedFormula } from './excelCells';
import type { ExcelApi } from './excelApi';
import { missingFeature } from './excelVersions';

/** Table look: Excel's default blue table style. */
export const TABLE_STYLE = 'TableStyleMedium2';
export const TITLE_FONT_SIZE = 14;
/** Width of one character in points (generous, so Chinese labels fit) and padding for the drop-down arrow. */
const POINTS_PER_CHAR = 7;
const WIDTH_PADDING = 8;
/** Width of a summary column (label + result beside the table), in characters. */
const SUMMARY_WIDTH = 16;
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

/** Column width in points for a width in characters. */
export const columnWidthPoints = (chars: number): number => Math.round(chars * POINTS_PER_CHAR + WIDTH_PADDING);

type FormulaProperty = ReturnType<typeof formulaProperty>;

/** One cell of the 2-D block: a formula typed for this Excel, user text kept as text, blank as ''. */
function blockCell(cell: PlanCell, textColumn: boolean, language: FormulaLanguage, property: FormulaProperty): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'object') return typedFormula(cell.formula, property, language);
  if (typeof cell === 'string') return textColumn ? cell : textCell(cell);
  return cell;
}

/**
 * The header and rows exactly as written, header first: one 2-D write per run of columns that
 * share a write property (one run in English and Chinese; SALES columns apart elsewhere).
 */
function queueBlock(sheet: Excel.Worksheet, plan: TemplatePlan, language: FormulaLanguage): void {
  const text = plan.columns.map((c) => cellNumberFormat(c) === '@');
  // Row 0 is the header; rows 1… the plan's rows.
  const cellAt = (r: number, c: number): PlanCell => (r === 0 ? (plan.columns[c]?.label ?? null) : (plan.rows[r - 1]?.[c] ?? null));
  const formulaAt = (r: number, c: number): string | undefined => {
    const cell = cellAt(r, c);
    return typeof cell === 'object' && cell !== null ? cell.formula : undefined;
  };
  for (const part of propertyBlocks(plan.rows.length + 1, plan.columns.length, formulaAt, language)) {
    const rows: (string | number | boolean)[][] = [];
    for (let r = part.top; r <= part.bottom; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = part.first; c <= part.last; c++) row.push(blockCell(cellAt(r, c), text[c] ?? false, language, part.property));
      rows.push(row);
    }
    const top = plan.headerRow + part.top;
    sheet.getRange(rangeAddress(top, part.first, top + part.bottom - part.top, part.last))[part.property] = rows;
  }
}

const numberText = (value: number): string => String(value);

/** The cell-value rule of a planned conditional format. */
function conditionalRule(rule: PlannedRule): Excel.ConditionalCellValueRule {
  switch (rule.kind) {
    case 'lessThan':
      return { formula1: `=${numberText(rule.value)}`, operator: 'LessThan' };
    case 'greaterThan':
      return { formula1: `=${numberText(rule.value)}`, operator: 'GreaterThan' };
    case 'atLeast':
      return { formula1: `=${numberText(rule.value)}`, operator: 'GreaterThanOrEqual' };
    case 'between':
      return { formula1: `=${numberText(rule.min)}`, formula2: `=${numberText(rule.max)}`, operator: 'Between' };
    case 'textEquals':
      return { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
    case 'isFalse':
      return { formula1: '=FALSE', operator: 'EqualTo' };
  }
}

/** Runs of adjacent columns sharing a key, so one range call covers several columns. */
function runs<K>(count: number, key: (i: number) => K): { first: number; last: number; key: K }[] {
  const out: { first: number; last: number; key: K }[] = [];
  for (let i = 0; i < count; i++) {
    const k = key(i);
    const prev = out[out.length - 1];
    if (prev && prev.key === k && prev.last === i - 1) prev.last = i;
    else out.push({ first: i, last: i, key: k });
  }
  return out;
}

/** Where a template is queued: the batch, the Excel API, its formula language and the API sets it has. */
export interface TemplateTarget {
  readonly context: Excel.RequestContext;
  readonly excel: ExcelApi;
  readonly language: FormulaLanguage;
  readonly isSetSupported: (name: string, version: string) => boolean;
}

type ColumnRange = (first: number, last: number, top?: number) => string;

/** Drop-downs on list columns; number columns refuse text typed into them, saying what the column takes (ExcelApi 1.8). */
function queueValidations(sheet: Excel.Worksheet, plan: TemplatePlan, columnRange: ColumnRange): void {
  const firstDataRow = plan.headerRow + 1;
  plan.columns.forEach((column, i) => {
    if (!column.list || column.list.length === 0) return;
    sheet.getRange(columnRange(i, i, firstDataRow)).dataValidation.rule = {
      list: { inCellDropDown: true, source: column.list.join(',') },
    };
  });
  plan.columns.forEach((column, i) => {
    const rule = column.numberRule;
    if (!rule) return;
    const validation = sheet.getRange(columnRange(i, i, firstDataRow)).dataValidation;
    const bounds = { formula1: rule.min, formula2: rule.max, operator: 'Between' as const };
    validation.rule = rule.integer ? { wholeNumber: bounds } : { decimal: bounds };
    validation.errorAlert = { showAlert: true, style: 'Stop', title: column.label, message: rule.message };
  });
}

function queueConditionalFormats(excel: ExcelApi, sheet: Excel.Worksheet, plan: TemplatePlan, columnRange: ColumnRange): void {
  for (const cf of plan.conditionalFormats) {
    if (cf.column < 0 || cf.column >= plan.columns.length) continue;
    const format = sheet
      .getRange(columnRange(cf.column, cf.column, plan.headerRow + 1))
      .conditionalFormats.add(excel.ConditionalFormatType.cellValue);
    const tone = TONE_COLORS[cf.tone];
    format.cellValue.format.fill.color = tone.fill;
    format.cellValue.format.font.color = tone.font;
    format.cellValue.rule = conditionalRule(cf.rule);
  }
}

/** The summary cells beside the table: bold labels, values in their formats. */
function queueSummary(sheet: Excel.Worksheet, plan: TemplatePlan, language: FormulaLanguage): void {
  for (const summary of plan.summary) {
    const label = sheet.getRange(cellAddress(summary.labelCell.row, summary.labelCell.col));
    label.values = [[textCell(summary.label)]];
    label.format.font.bold = true;
    label.format.columnWidth = columnWidthPoints(SUMMARY_WIDTH);
    const value = sheet.getRange(cellAddress(summary.valueCell.row, summary.valueCell.col));
    const isFormula = typeof summary.value === 'object' && summary.value !== null;
    value.numberFormat = [[cellNumberFormat({ numberFormat: summary.numberFormat, computed: isFormula })]];
    const property = isFormula ? formulaProperty((summary.value as { formula: string }).formula, language) : language.native;
    value[property] = [[blockCell(summary.value, summary.numberFormat === '@' && !isFormula, language, property)]];
  }
}

/**
 * The chart and the header notes come last: an Excel without them fails only these commands,
 * and insertTemplate keeps the sheet. Notes need ExcelApi 1.18 (Office.js throws ApiNotFound the
 * moment `notes` is touched on an older Excel, 2021 and 2024 included); there the prompt questions
 * go in comments (ExcelApi 1.10) on the same header cells. `queued`: anything was.
 */
function queueExtras(
  target: TemplateTarget,
  sheet: Excel.Worksheet,
  plan: TemplatePlan,
): { queued: boolean; notice?: ReturnType<typeof missingFeature> } {
  const { excel, isSetSupported } = target;
  const lastCol = plan.columns.length - 1;
  const summaryRight = plan.summary.reduce((right, s) => Math.max(right, s.labelCell.col, s.valueCell.col), lastCol);
  const chartQueued = plan.chart !== undefined && queueChart(excel, sheet, plan, plan.chart, summaryRight + 2);
  const noted = plan.columns.flatMap((column, c) => (column.note === undefined ? [] : [{ note: column.note, c }]));
  const header = (c: number) => sheet.getRange(cellAddress(plan.headerRow, c));
  // Each member above the manifest's ExcelApi minimum sits inside its own isSetSupported branch
  // (scripts/excelApiSets.ts checks it).
  if (isSetSupported('ExcelApi', '1.18')) for (const { note, c } of noted) sheet.notes.add(header(c), note);
  else if (isSetSupported('ExcelApi', '1.10')) for (const { note, c } of noted) sheet.comments.add(header(c), note);
  const notesQueued = noted.length > 0 && isSetSupported('ExcelApi', '1.10');
  // Where notes are missing the prompts went in comments: say so, naming the Excel that has notes.
  const notice = noted.length > 0 && !isSetSupported('ExcelApi', '1.18') ? missingFeature('ExcelApi', '1.18') : undefined;
  return { queued: chartQueued || notesQueued, ...(notice ? { notice } : {}) };
}

/** Queues the whole sheet on the context; nothing is read back. */
export function queueTemplate(
  target: TemplateTarget,
  plan: TemplatePlan,
  names: { readonly sheetName: string; readonly tableName: string },
): { result: InsertedTemplate; /** A chart or header notes were queued last (optional extras). */ chartQueued: boolean } {
  const { context, language } = target;
  const { sheetName, tableName } = names;
  const columnCount = plan.columns.length;
  const headerRow = plan.headerRow;
  const firstDataRow = headerRow + 1;
  const lastRow = headerRow + plan.rows.length;
  const lastCol = columnCount - 1;
  const tableAddress = rangeAddress(headerRow, 0, lastRow, lastCol);
  const columnRange = (first: number, last: number, top = headerRow) => rangeAddress(top, first, lastRow, last);

  const sheet = context.workbook.worksheets.add(sheetName);

  // Title.
  const title = sheet.getRange(cellAddress(0, 0));
  title.values = [[textCell(plan.title)]];
  title.format.font.bold = true;
  title.format.font.size = TITLE_FONT_SIZE;

  // Number formats first, so text such as 2024-03 is kept as text when written.
  for (const run of runs(columnCount, (i) => cellNumberFormat(plan.columns[i] as PlannedColumn))) {
    sheet.getRange(columnRange(run.first, run.last)).numberFormat = [[run.key]];
  }
  for (const format of plan.cellFormats)
    sheet.getRange(cellAddress(firstDataRow + format.row, format.column)).numberFormat = [[format.numberFormat]];

  // Header + rows: one 2-D write (per run of columns of one write property).
  queueBlock(sheet, plan, language);
  const block = sheet.getRange(tableAddress);

  // A Range, not an address: an address without a sheet name means the *active* sheet.
  const table = sheet.tables.add(block, true);
  table.name = tableName;
  table.style = TABLE_STYLE;

  queueValidations(sheet, plan, columnRange);

  for (const run of runs(columnCount, (i) => (plan.columns[i] as PlannedColumn).width)) {
    sheet.getRange(rangeAddress(headerRow, run.first, headerRow, run.last)).format.columnWidth = columnWidthPoints(run.key);
  }

  sheet.freezePanes.freezeRows(headerRow + 1);

  queueConditionalFormats(target.excel, sheet, plan, columnRange);
  queueSummary(sheet, plan, language);

  sheet.activate();
  const extras = queueExtras(target, sheet, plan);
  return {
    result: { sheetName, tableName, tableAddress, ...(extras.notice ? { notices: [extras.notice] } : {}) },
    chartQueued: extras.queued,
  };
}

function queueChart(excel: ExcelApi, sheet: Excel.Worksheet, plan: TemplatePlan, chart: PlannedChart, leftCol: number): boolean {
  const [first, ...rest] = chart.seriesColumns;
  if (first === undefined) return false;
  const headerRow = plan.headerRow;
  const lastRow = headerRow + plan.rows.length;
  const data = (col: number) => sheet.getRange(rangeAddress(headerRow + 1, col, lastRow, col));
  const position = (added: Excel.Chart) =>
    // Placed first: when a later call fails, the chart already sits beside the table, not over it.
    added.setPosition(cellAddress(headerRow, leftCol), cellAddress(headerRow + CHART_ROWS - 1, leftCol + CHART_COLUMNS - 1));

  if (chart.kind === 'funnel') {
    // A funnel takes no series calls (office-js#2971): its source holds the stages and their counts,
    // side by side, so Excel reads the categories from it.
    const categoriesBeside = chart.categoryColumn === first - 1 && rest.length === 0;
    const from = categoriesBeside ? chart.categoryColumn : first;
    const added = sheet.charts.add(excel.ChartType.funnel, sheet.getRange(rangeAddress(headerRow, from, lastRow, first)), 'Columns');
    position(added);
    added.title.text = chart.title;
    return true;
  }
  const categories = data(chart.categoryColumn);
  // The first series with its header cell, so the header names it.
  const source = sheet.getRange(rangeAddress(headerRow, first, lastRow, first));
  const added = sheet.charts.add(excel.ChartType.columnClustered, source, 'Columns');
  position(added);
  added.title.text = chart.title;
  added.series.getItemAt(0).setXAxisValues(categories);
  for (const col of rest) {
    const series = added.series.add(plan.columns[col]?.label ?? '');
    series.setValues(data(col));
    series.setXAxisValues(categories);
  }
  return true;
}
