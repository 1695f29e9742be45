/**
 * The Excel host's WorkbookPort (Office.js). A template plan becomes a new sheet in ONE
 * `Excel.run` with at most two `context.sync()` calls whatever the row count:
 *
 *   sync 1 — read the sheet names, table names and workbook names (to pick free names);
 *   sync 2 — everything else, queued in one batch: the new sheet, title, number formats,
 *            the header + rows as one 2-D write, the table, drop-downs, widths, frozen rows,
 *            conditional formats, summary cells, activation and the chart.
 *
 * The `Excel` namespace is passed in (never read from the global) so tests can hand in a mock.
 * An existing sheet, table or cell is never modified: a clash gets a new name (`name (2)`).
 *
 * Table reads (chunked, ≤ 4 MB per response) and writes (≤ 2 syncs per batch, all or nothing) are
 * in `excelTables.ts` / `excelWrites.ts`; error messages in `excelErrors.ts`.
 */
import {
  type Locale,
  type PlanCell,
  type PlannedChart,
  type PlannedColumn,
  type PlannedRule,
  TONE_COLORS,
  type TemplatePlan,
  cellAddress,
  localeFromLanguage,
  localizeFormula,
  rangeAddress,
  uniqueSheetName,
  uniqueTableName,
} from '../../core';
import type { InsertedTemplate, ReadProgress, SheetInfo, TableLocation, TableSnapshot, TableWrite, TableWriteResult, WorkbookPort } from '../../workbook/port';
import { errorLocation, toWorkbookError } from './excelErrors';
import { insertExcelFormula, readExcelTable } from './excelTables';
import { writeExcelTables } from './excelWrites';

export { toWorkbookError } from './excelErrors';

/** The part of the `Excel` namespace this host uses; the real `Excel` object satisfies it. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly ConditionalFormatType: { readonly cellValue: Excel.ConditionalFormatType.cellValue | 'CellValue' };
  readonly ChartType: {
    readonly columnClustered: Excel.ChartType.columnClustered | 'ColumnClustered';
    readonly funnel: Excel.ChartType.funnel | 'Funnel';
  };
}

export interface ExcelWorkbookOptions {
  readonly excel: ExcelApi;
  /** `Office.context.displayLanguage`, e.g. `zh-CN`, `en-US`. */
  readonly displayLanguage: string;
}

/** Table look: Excel's default blue table style. */
export const TABLE_STYLE = 'TableStyleMedium2';
export const TITLE_FONT_SIZE = 14;
/** Width of one character in points (generous, so Chinese labels fit) and padding for the drop-down arrow. */
export const POINTS_PER_CHAR = 7;
export const WIDTH_PADDING = 8;
/** Width of a summary column (label + result beside the table), in characters. */
export const SUMMARY_WIDTH = 16;
const CHART_COLUMNS = 8;
const CHART_ROWS = 16;

/** Column width in points for a width in characters. */
export const columnWidthPoints = (chars: number): number => Math.round(chars * POINTS_PER_CHAR + WIDTH_PADDING);

export interface FormulaLanguage {
  /** The Range property formulas are written through. */
  readonly property: 'formulas' | 'formulasLocal';
  /** The language of SALES.* names in the written text. */
  readonly names: Locale;
}

/**
 * How formulas are typed into this Excel. Custom-function names written through `formulas` under a
 * non-English UI are known to give #NAME? (office-js#891, #6614), so a Chinese UI gets
 * `formulasLocal`. Chinese Excel keeps English native names, `,` and `.`, so only SALES names
 * change: 销售.* where the manifest localizes them (zh-CN), SALES.* elsewhere (zh-TW, zh-HK).
 * Other languages keep invariant `formulas`: their local names and separators differ.
 */
export function formulaLanguage(displayLanguage: string): FormulaLanguage {
  const lang = displayLanguage.trim();
  if (!/^zh(?:-|_|$)/i.test(lang)) return { property: 'formulas', names: 'en-US' };
  const simplified = /^zh(?:[-_](?:CN|Hans)(?:[-_].*)?)?$/i.test(lang);
  return { property: 'formulasLocal', names: simplified ? 'zh-CN' : 'en-US' };
}

const FORMULA_LEAD = /^[=+\-@]/;

/** Text that Excel would take for a formula gets the text prefix `'` (formula injection, docs/DESIGN.md §5). */
export const literalText = (text: string): string => (FORMULA_LEAD.test(text) ? `'${text}` : text);

/** The number format a column's cells get. A formula typed into an `@` (text) cell stays text, so computed columns never get `@`. */
export function cellNumberFormat(column: Pick<PlannedColumn, 'numberFormat' | 'computed'>): string {
  return column.computed && column.numberFormat === '@' ? 'General' : column.numberFormat;
}

/** One cell of the 2-D block: a formula in the host's language, user text kept as text, blank as ''. */
export function blockCell(cell: PlanCell, textColumn: boolean, names: Locale): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'object') return localizeFormula(cell.formula, names);
  if (typeof cell === 'string') return textColumn ? cell : literalText(cell);
  return cell;
}

/** The header and rows exactly as written: one 2-D array, header first. */
export function planBlock(plan: TemplatePlan, names: Locale): (string | number | boolean)[][] {
  const text = plan.columns.map((c) => cellNumberFormat(c) === '@');
  const header = plan.columns.map((c, i) => blockCell(c.label, text[i] ?? false, names));
  return [header, ...plan.rows.map((row) => plan.columns.map((_c, i) => blockCell(row[i] ?? null, text[i] ?? false, names)))];
}

const numberText = (value: number): string => String(value);

/** The cell-value rule of a planned conditional format. */
export function conditionalRule(rule: PlannedRule): Excel.ConditionalCellValueRule {
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

// ——— the port ———

export function createExcelWorkbook(options: ExcelWorkbookOptions): WorkbookPort {
  const { excel } = options;
  const locale = localeFromLanguage(options.displayLanguage);
  const language = formulaLanguage(options.displayLanguage);

  async function listSheets(): Promise<readonly SheetInfo[]> {
    try {
      return await excel.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name');
        const tables = context.workbook.tables.load('items/name,items/worksheet/name');
        await context.sync();
        const bySheet = new Map<string, string[]>();
        for (const table of tables.items) {
          const list = bySheet.get(table.worksheet.name) ?? [];
          list.push(table.name);
          bySheet.set(table.worksheet.name, list);
        }
        return sheets.items.map((sheet) => ({ name: sheet.name, tables: bySheet.get(sheet.name) ?? [] }));
      });
    } catch (error) {
      throw toWorkbookError(error, locale);
    }
  }

  async function activateSheet(name: string): Promise<void> {
    try {
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
    } catch (error) {
      throw toWorkbookError(error, locale, name);
    }
  }

  async function insertTemplate(plan: TemplatePlan): Promise<InsertedTemplate> {
    let sheetName = plan.sheetName;
    try {
      return await excel.run(async (context) => {
        // Sync 1: the names in use.
        const sheets = context.workbook.worksheets.load('items/name');
        const tables = context.workbook.tables.load('items/name');
        const names = context.workbook.names.load('items/name');
        await context.sync();

        sheetName = uniqueSheetName(plan.sheetName, sheets.items.map((s) => s.name));
        const tableName = uniqueTableName(plan.tableName, [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);

        // Everything else is queued, then sent in sync 2.
        const inserted = queueTemplate(context, plan, sheetName, tableName);
        try {
          await context.sync();
        } catch (error) {
          // Chart commands are queued last: when only they fail (a chart type this Excel cannot
          // build), the sheet, table and formats are already in place — keep them, skip the chart.
          if (!(inserted.chartQueued && /^Chart/i.test(errorLocation(error)))) throw error;
        }
        return inserted.result;
      });
    } catch (error) {
      throw toWorkbookError(error, locale, sheetName);
    }
  }

  /** Queues the whole sheet on the context; nothing is read back. */
  function queueTemplate(
    context: Excel.RequestContext,
    plan: TemplatePlan,
    sheetName: string,
    tableName: string,
  ): { result: InsertedTemplate; chartQueued: boolean } {
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
    title.values = [[literalText(plan.title)]];
    title.format.font.bold = true;
    title.format.font.size = TITLE_FONT_SIZE;

    // Number formats first, so text such as 2024-03 is kept as text when written.
    for (const run of runs(columnCount, (i) => cellNumberFormat(plan.columns[i] as PlannedColumn))) {
      sheet.getRange(columnRange(run.first, run.last)).numberFormat = [[run.key]];
    }

    // Header + rows: one 2-D write.
    const block = sheet.getRange(tableAddress);
    block[language.property] = planBlock(plan, language.names);

    // A Range, not an address: an address without a sheet name means the *active* sheet.
    const table = sheet.tables.add(block, true);
    table.name = tableName;
    table.style = TABLE_STYLE;

    plan.columns.forEach((column, i) => {
      if (!column.list || column.list.length === 0) return;
      sheet.getRange(columnRange(i, i, firstDataRow)).dataValidation.rule = {
        list: { inCellDropDown: true, source: column.list.join(',') },
      };
    });

    for (const run of runs(columnCount, (i) => (plan.columns[i] as PlannedColumn).width)) {
      sheet.getRange(rangeAddress(headerRow, run.first, headerRow, run.last)).format.columnWidth = columnWidthPoints(run.key);
    }

    sheet.freezePanes.freezeRows(headerRow + 1);

    for (const cf of plan.conditionalFormats) {
      if (cf.column < 0 || cf.column >= columnCount) continue;
      const format = sheet.getRange(columnRange(cf.column, cf.column, firstDataRow)).conditionalFormats.add(excel.ConditionalFormatType.cellValue);
      const tone = TONE_COLORS[cf.tone];
      format.cellValue.format.fill.color = tone.fill;
      format.cellValue.format.font.color = tone.font;
      format.cellValue.rule = conditionalRule(cf.rule);
    }

    for (const summary of plan.summary) {
      const label = sheet.getRange(cellAddress(summary.labelCell.row, summary.labelCell.col));
      label.values = [[literalText(summary.label)]];
      label.format.font.bold = true;
      label.format.columnWidth = columnWidthPoints(SUMMARY_WIDTH);
      const value = sheet.getRange(cellAddress(summary.valueCell.row, summary.valueCell.col));
      const isFormula = typeof summary.value === 'object' && summary.value !== null;
      value.numberFormat = [[cellNumberFormat({ numberFormat: summary.numberFormat, computed: isFormula })]];
      value[language.property] = [[blockCell(summary.value, summary.numberFormat === '@' && !isFormula, language.names)]];
    }

    sheet.activate();

    // The chart comes last: see insertTemplate.
    const summaryRight = plan.summary.reduce((right, s) => Math.max(right, s.labelCell.col, s.valueCell.col), lastCol);
    const chartQueued = plan.chart !== undefined && queueChart(sheet, plan, plan.chart, summaryRight + 2);

    return { result: { sheetName, tableName, tableAddress }, chartQueued };
  }

  function queueChart(sheet: Excel.Worksheet, plan: TemplatePlan, chart: PlannedChart, leftCol: number): boolean {
    const [first, ...rest] = chart.seriesColumns;
    if (first === undefined) return false;
    const headerRow = plan.headerRow;
    const lastRow = headerRow + plan.rows.length;
    const data = (col: number) => sheet.getRange(rangeAddress(headerRow + 1, col, lastRow, col));
    const categories = data(chart.categoryColumn);

    // The first series with its header cell, so the header names it.
    const source = sheet.getRange(rangeAddress(headerRow, first, lastRow, first));
    const type = chart.kind === 'funnel' ? excel.ChartType.funnel : excel.ChartType.columnClustered;
    const added = sheet.charts.add(type, source, 'Columns');
    added.title.text = chart.title;
    added.series.getItemAt(0).setXAxisValues(categories);
    for (const col of rest) {
      const series = added.series.add(plan.columns[col]?.label ?? '');
      series.setValues(data(col));
      series.setXAxisValues(categories);
    }
    added.setPosition(cellAddress(headerRow, leftCol), cellAddress(headerRow + CHART_ROWS - 1, leftCol + CHART_COLUMNS - 1));
    return true;
  }

  async function readTable(location: TableLocation, onProgress?: ReadProgress): Promise<TableSnapshot> {
    try {
      return await excel.run((context) => readExcelTable(context, location, locale, onProgress));
    } catch (error) {
      throw toWorkbookError(error, locale, location.sheetName, location.tableName);
    }
  }

  async function writeTables(writes: readonly TableWrite[]): Promise<readonly TableWriteResult[]> {
    if (writes.length === 0) return [];
    try {
      return await excel.run((context) => writeExcelTables(context, writes, locale, language));
    } catch (error) {
      // An Office error names no target: name the batch's tables (one, for the usual single-table message).
      const sheets = [...new Set(writes.map((w) => w.location.sheetName))];
      const tables = [...new Set(writes.flatMap((w) => (w.location.tableName !== undefined ? [w.location.tableName] : [])))];
      throw toWorkbookError(error, locale, sheets.join(', '), tables.length > 0 ? tables.join(', ') : undefined);
    }
  }

  async function insertFormulaAtSelection(formula: string): Promise<{ readonly sheetName: string; readonly address: string }> {
    try {
      return await excel.run((context) => insertExcelFormula(context, formula, language));
    } catch (error) {
      throw toWorkbookError(error, locale);
    }
  }

  return { host: 'Excel', listSheets, insertTemplate, activateSheet, readTable, writeTables, insertFormulaAtSelection };
}
