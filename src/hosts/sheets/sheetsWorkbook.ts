/**
 * The Google Sheets WorkbookPort (host "Google Sheets"). Apps Script runs server code
 * synchronously and does not wait for a returned promise, so the host is a synchronous
 * `SheetsWorkbook` — what the server entry points (sheetsServer.ts) call — and `createSheetsPort`
 * wraps it as the async WorkbookPort the contract suite and the pane's types expect.
 */
import type { Locale, ReportSheetPlan, TemplatePlan } from '../../core';
import type {
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
import { type CellPosition, WorkbookError } from '../../workbook/port';
import { PORT_MESSAGES } from '../../workbook/portMessages';
import type { SheetsServices } from './sheetsApi';
import { type SheetsLinked, createSheetsLinked } from './sheetsLinked';
import { createSheetsTables } from './sheetsTables';
import { insertTemplate } from './sheetsTemplates';
import { writeSheetsReport } from './sheetsReport';

export const SHEETS_HOST = 'Google Sheets';

export interface SheetsWorkbook {
  listSheets(): readonly SheetInfo[];
  insertTemplate(plan: TemplatePlan): InsertedTemplate;
  activateSheet(name: string, cell?: CellPosition): void;
  readTable(location: TableLocation, onProgress?: ReadProgress): TableSnapshot;
  writeTables(writes: readonly TableWrite[]): readonly TableWriteResult[];
  writeReportSheet(plan: ReportSheetPlan): ReportSheetResult;
  insertFormulaAtSelection(formula: string): { readonly sheetName: string; readonly address: string };
  readonly linked: SheetsLinked;
}

export function createSheetsWorkbook(services: SheetsServices, locale: Locale): SheetsWorkbook {
  const { app } = services;
  const tables = createSheetsTables(app, services.lock, locale);
  return {
    listSheets() {
      const spreadsheet = app.getActiveSpreadsheet();
      const tables = spreadsheet.getNamedRanges().map((named) => ({ name: named.getName(), sheet: named.getRange().getSheet().getName() }));
      return spreadsheet.getSheets().map((sheet) => {
        const name = sheet.getName();
        return { name, tables: tables.filter((t) => t.sheet === name).map((t) => t.name) };
      });
    },
    insertTemplate: (plan) => insertTemplate(app, plan),
    activateSheet(name, cell) {
      const sheet = app.getActiveSpreadsheet().getSheetByName(name);
      if (!sheet) throw new WorkbookError(PORT_MESSAGES.noSheet(name)[locale], name);
      sheet.activate();
      if (cell) sheet.getRange(cell.row + 1, cell.column + 1, 1, 1).activate();
    },
    ...tables,
    writeReportSheet: (plan) => writeSheetsReport(app, plan, locale),
    linked: createSheetsLinked(services, tables, locale),
  };
}

/** The synchronous host as a WorkbookPort: each call runs at once and settles its promise. */
export function createSheetsPort(workbook: SheetsWorkbook): WorkbookPort {
  const run = <T>(call: () => T): Promise<T> => {
    try {
      return Promise.resolve(call());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    host: SHEETS_HOST,
    functionSpelling: 'underscored',
    listSheets: () => run(() => workbook.listSheets()),
    insertTemplate: (plan) => run(() => workbook.insertTemplate(plan)),
    activateSheet: (name, cell) => run(() => workbook.activateSheet(name, cell)),
    readTable: (location, onProgress) => run(() => workbook.readTable(location, onProgress)),
    writeTables: (writes) => run(() => workbook.writeTables(writes)),
    writeReportSheet: (plan) => run(() => workbook.writeReportSheet(plan)),
    insertFormulaAtSelection: (formula) => run(() => workbook.insertFormulaAtSelection(formula)),
    linked: {
      connect: (location, rows) => run(() => workbook.linked.connect(location, rows)),
      importRange: (url, range) => run(() => workbook.linked.importRange(url, range)),
    },
  };
}
