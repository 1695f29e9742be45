/**
 * What the Apps Script server does for the sheet's UI: the add-on menu (open the pane, insert one
 * template), the sidebar, and the one entry the sidebar calls through `google.script.run`. Replies
 * are plain data: `google.script.run` carries no `Date`, no function and no error class, so a
 * WorkbookError travels as `{ ok: false, error }` and the client raises it again (sheetsClient.ts).
 */
import {
  type ReportSheetPlan,
  L,
  type Locale,
  TEMPLATES,
  type TableLocation,
  type TemplatePlan,
  findTemplate,
  localeFromLanguage,
  SAMPLE_MONEY_UNIT,
  planTemplate,
} from '../../core';
import { type CellPosition, WorkbookError } from '../../workbook/port';
import { type WireWrite, fromWire } from '../../workbook/wire';
import type { SheetsServices } from './sheetsApi';
import { serialOfDate } from './sheetsCells';
import { createSheetsWorkbook } from './sheetsWorkbook';

/** Names of the top-level functions Code.js declares for the menu and the sidebar (sheetsCode.ts writes them). */
export const ENTRY = {
  openPane: 'salesReviewOpenPane',
  server: 'salesReviewServer',
  insert: (templateId: string) => `salesReviewInsert_${templateId}`,
} as const;

export const SIDEBAR_FILE = 'Sidebar';

const TEXT = {
  menu: L('销售复盘', 'Sales Review'),
  openPane: L('打开任务窗格', 'Open the task pane'),
  insert: (name: string) => L(`插入 ${name}`, `Insert ${name}`),
} as const;

export type ServerReply =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly error: { readonly message: string; readonly workbook: boolean; readonly sheet?: string; readonly column?: string };
    };

/** The methods the sidebar may call, each with the payload it sends. */
export interface ServerMethods {
  context: undefined;
  listSheets: undefined;
  insertTemplate: TemplatePlan;
  /** A sheet name, or the sheet and a cell to select (0-based). */
  activateSheet: string | { readonly name: string; readonly cell?: CellPosition };
  readTable: TableLocation;
  writeTables: readonly WireWrite[];
  writeReportSheet: ReportSheetPlan;
  insertFormulaAtSelection: string;
  /** 汇总来源's table and the rows to connect (src/workbook/linkedRollup.ts). */
  linkedConnect: { readonly location: TableLocation; readonly rows: readonly { readonly row: number; readonly url: string }[] };
  linkedImport: { readonly url: string; readonly range: string };
}

export interface SheetsContext {
  readonly locale: Locale;
  readonly today: number;
}

export function userLocale(services: SheetsServices): Locale {
  return localeFromLanguage(services.session.getActiveUserLocale());
}

export function createSheetsServer(services: SheetsServices, now: () => Date = () => new Date()) {
  const locale = () => userLocale(services);
  const workbook = () => createSheetsWorkbook(services, locale());

  function buildMenu(): void {
    const l = locale();
    const menu = services.app.getUi().createAddonMenu().addItem(TEXT.openPane[l], ENTRY.openPane).addSeparator();
    for (const spec of TEMPLATES) menu.addItem(TEXT.insert(spec.sheetName[l])[l], ENTRY.insert(spec.id));
    menu.addToUi();
  }

  function openPane(): void {
    const html = services.html.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(TEXT.menu[locale()]);
    services.app.getUi().showSidebar(html);
  }

  /** A menu insertion: the template with the documents' samples, SALES formulas, as the gallery's default. */
  function insertFromMenu(templateId: string): void {
    const spec = findTemplate(templateId);
    if (spec === undefined) throw new Error(`no template "${templateId}"`);
    // The samples are in 万元, and their money headers say so (the pane's insert follows the workbook's unit).
    workbook().insertTemplate(planTemplate(spec, { locale: locale(), samples: true, portable: false, moneyUnit: SAMPLE_MONEY_UNIT }));
  }

  function call(method: keyof ServerMethods, payload: unknown): unknown {
    const host = workbook();
    switch (method) {
      case 'context': {
        const timeZone = services.app.getActiveSpreadsheet().getSpreadsheetTimeZone();
        const context: SheetsContext = { locale: locale(), today: Math.floor(serialOfDate(now(), timeZone)) };
        return context;
      }
      case 'listSheets':
        return host.listSheets();
      case 'insertTemplate':
        return host.insertTemplate(payload as TemplatePlan);
      case 'activateSheet': {
        const target = payload as ServerMethods['activateSheet'];
        if (typeof target === 'string') return host.activateSheet(target);
        const cell = target.cell;
        const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
        if (cell !== undefined && !(whole(cell.row) && whole(cell.column)))
          throw new Error('activateSheet: a cell is two whole numbers ≥ 0');
        return host.activateSheet(String(target.name), cell);
      }
      case 'readTable':
        return host.readTable(payload as ServerMethods['readTable']);
      case 'writeTables':
        return host.writeTables(fromWire(payload as readonly WireWrite[]));
      case 'writeReportSheet':
        return host.writeReportSheet(payload as ReportSheetPlan);
      case 'insertFormulaAtSelection':
        return host.insertFormulaAtSelection(payload as string);
      case 'linkedConnect': {
        const { location, rows } = payload as ServerMethods['linkedConnect'];
        return host.linked.connect(location, rows);
      }
      case 'linkedImport': {
        const { url, range } = payload as ServerMethods['linkedImport'];
        return host.linked.importRange(String(url), String(range));
      }
    }
    throw new Error(`unknown server method ${String(method)}`);
  }

  /** The sidebar's one entry: a reply, never a throw (the client turns `ok: false` back into an error). */
  function handle(method: string, payload: unknown): ServerReply {
    try {
      const value = call(method as keyof ServerMethods, payload);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof WorkbookError) {
        return {
          ok: false,
          error: {
            message: error.message,
            workbook: true,
            ...(error.sheet !== undefined ? { sheet: error.sheet } : {}),
            ...(error.column !== undefined ? { column: error.column } : {}),
          },
        };
      }
      return { ok: false, error: { message: error instanceof Error ? error.message : String(error), workbook: false } };
    }
  }

  return { buildMenu, openPane, insertFromMenu, handle };
}
