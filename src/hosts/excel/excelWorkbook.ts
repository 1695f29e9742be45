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
 * The port composes the host's parts, one file per role: `excelCells.ts` (formula language, the
 * keep-text rule, values as read), `excelTemplates.ts` (a plan as a new sheet), `excelReads.ts`
 * (chunked reads, ≤ 4 MB per response), `excelWritePlan.ts` (the pure placement state and blocks)
 * and `excelWrites.ts` (its Office calls, ≤ 2 syncs per batch, all or nothing), `excelErrors.ts`.
 */
import {
  type Locale,
  type ReportSheetPlan,
  cellAddress,
  type TemplatePlan,
  localeFromLanguage,
  uniqueSheetName,
  uniqueTableName,
} from '../../core';
import type { FormulaLanguage } from './excelCells';
import type {
  CellPosition,
  InsertedTemplate,
  ReadProgress,
  ReportSheetResult,
  SheetInfo,
  TableLocation,
  TableSnapshot,
  TableWrite,
  TableWriteResult,
  WorkbookPort,
} from '../../workbook/port';
import type { ExcelWorkbookOptions } from './excelApi';
import { formulaLanguageOf } from './excelLanguage';
import { HalfBuiltSheet, errorLocation, toWorkbookError } from './excelErrors';
import { insertExcelFormula, readExcelTable } from './excelReads';
import { queueTemplate } from './excelTemplates';
import { excelSupport } from './excelVersions';
import { writeExcelTables } from './excelWrites';
import { writeExcelReport } from './excelReport';

export type { ExcelApi, ExcelWorkbookOptions } from './excelApi';

// ——— the port ———

/** What every port operation needs: the Excel API, the pane's language and the formula language in use. */
interface ExcelPort {
  readonly excel: ExcelWorkbookOptions['excel'];
  readonly options: ExcelWorkbookOptions;
  readonly locale: Locale;
  readonly formulaLanguageHere: () => Promise<FormulaLanguage>;
}

async function listSheets(port: ExcelPort): Promise<readonly SheetInfo[]> {
  try {
    return await port.excel.run(async (context) => {
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
    throw toWorkbookError(error, port.locale);
  }
}

async function activateSheet(port: ExcelPort, name: string, cell?: CellPosition): Promise<void> {
  try {
    await port.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.activate();
      if (cell) sheet.getRange(cellAddress(cell.row, cell.column)).select();
      await context.sync();
    });
  } catch (error) {
    throw toWorkbookError(error, port.locale, name);
  }
}

/** Takes away a sheet a failed batch left half-built; returns the failure to report. */
async function discardHalfBuilt(port: ExcelPort, error: unknown): Promise<unknown> {
  if (!(error instanceof HalfBuiltSheet)) return error;
  await port.excel
    .run(async (context) => {
      context.workbook.worksheets.getItem(error.sheetName).delete();
      await context.sync();
    })
    .catch(() => undefined); // the failure being reported says more than this one
  return error.cause;
}

async function insertTemplate(port: ExcelPort, plan: TemplatePlan): Promise<InsertedTemplate> {
  let sheetName = plan.sheetName;
  try {
    const language = await port.formulaLanguageHere();
    return await port.excel.run(async (context) => {
      // Sync 1: the names in use.
      const sheets = context.workbook.worksheets.load('items/name');
      const tables = context.workbook.tables.load('items/name');
      const names = context.workbook.names.load('items/name');
      await context.sync();

      sheetName = uniqueSheetName(
        plan.sheetName,
        sheets.items.map((s) => s.name),
      );
      const tableName = uniqueTableName(plan.tableName, [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);

      // Everything else is queued, then sent in sync 2.
      const inserted = queueTemplate({ context, excel: port.excel, language, isSetSupported: port.options.isSetSupported }, plan, {
        sheetName,
        tableName,
      });
      try {
        await context.sync();
      } catch (error) {
        // Chart and note commands are queued last: when only they fail (a chart type or the notes
        // this Excel cannot build), the sheet, table and formats are in place — keep them.
        const where = errorLocation(error);
        if (!(inserted.chartQueued && /^(Chart|Note|Comment)/i.test(where))) {
          // Office.js applies a batch's commands up to the failing one: past the sheet's own
          // `add`, the sheet is ours and half-built, and goes (all or nothing). A failed or
          // unplaced `add` may mean someone else's sheet of that name: left alone.
          if (where !== '' && where !== 'WorksheetCollection.add') throw new HalfBuiltSheet(sheetName, error);
          throw error;
        }
      }
      return inserted.result;
    });
  } catch (error) {
    throw toWorkbookError(await discardHalfBuilt(port, error), port.locale, sheetName);
  }
}

async function readTable(port: ExcelPort, location: TableLocation, onProgress?: ReadProgress): Promise<TableSnapshot> {
  try {
    return await port.excel.run((context) => readExcelTable(context, location, port.locale, onProgress));
  } catch (error) {
    throw toWorkbookError(error, port.locale, location.sheetName, location.tableName);
  }
}

async function writeTables(port: ExcelPort, writes: readonly TableWrite[]): Promise<readonly TableWriteResult[]> {
  if (writes.length === 0) return [];
  try {
    const language = await port.formulaLanguageHere();
    return await port.excel.run((context) => writeExcelTables(context, writes, port.locale, language, port.options.isSetSupported));
  } catch (error) {
    // An Office error names no target: name the batch's tables (one, for the usual single-table message).
    const sheets = [...new Set(writes.map((w) => w.location.sheetName))];
    const tables = [...new Set(writes.flatMap((w) => (w.location.tableName !== undefined ? [w.location.tableName] : [])))];
    throw toWorkbookError(error, port.locale, sheets.join(', '), tables.length > 0 ? tables.join(', ') : undefined);
  }
}

async function insertFormulaAtSelection(
  port: ExcelPort,
  formula: string,
): Promise<{ readonly sheetName: string; readonly address: string }> {
  try {
    const language = await port.formulaLanguageHere();
    return await port.excel.run((context) => insertExcelFormula(context, formula, language));
  } catch (error) {
    throw toWorkbookError(error, port.locale);
  }
}

async function writeReportSheet(port: ExcelPort, plan: ReportSheetPlan): Promise<ReportSheetResult> {
  try {
    return await port.excel.run((context) => writeExcelReport(context, port.excel, plan, port.locale));
  } catch (error) {
    throw toWorkbookError(await discardHalfBuilt(port, error), port.locale, plan.sheetName);
  }
}

export function createExcelWorkbook(options: ExcelWorkbookOptions): WorkbookPort {
  const port: ExcelPort = {
    excel: options.excel,
    options,
    locale: localeFromLanguage(options.displayLanguage),
    formulaLanguageHere: formulaLanguageOf(options.excel, options.displayLanguage, options.isSetSupported),
  };
  return {
    host: 'Excel',
    support: excelSupport(options.isSetSupported),
    listSheets: () => listSheets(port),
    insertTemplate: (plan) => insertTemplate(port, plan),
    activateSheet: (name, cell) => activateSheet(port, name, cell),
    readTable: (location, onProgress) => readTable(port, location, onProgress),
    writeTables: (writes) => writeTables(port, writes),
    writeReportSheet: (plan) => writeReportSheet(port, plan),
    insertFormulaAtSelection: (formula) => insertFormulaAtSelection(port, formula),
  };
}
