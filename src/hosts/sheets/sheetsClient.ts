/**
 * The sidebar's WorkbookPort: every call goes to the Apps Script server through
 * `google.script.run.salesReviewServer(method, payload)` (sheetsServer.ts) and comes back as a
 * promise. Writes travel as wire data (src/workbook/wire.ts); a `WorkbookError` the server caught
 * comes back as data and is raised again here, so the pane shows the same messages as elsewhere.
 */
import type { Locale, TemplatePlan } from '../../core';
import {
  type CellPosition,
  type LinkedWorkbooks,
  type ReadProgress,
  type TableLocation,
  type TableSnapshot,
  WorkbookError,
  type WorkbookPort,
} from '../../workbook/port';
import { toWire } from '../../workbook/wire';
import type { ServerMethods, ServerReply, SheetsContext } from './sheetsServer';
import { SHEETS_HOST } from './sheetsWorkbook';

/** The part of `google.script.run` the sidebar uses: handlers, then the server function. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: ServerReply) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  salesReviewServer(method: string, payload: unknown): void;
}

const TEXT = {
  unreachable: {
    'zh-CN': (why: string) => `无法连接 Google 表格:${why}。请重新打开任务窗格后重试。`,
    'en-US': (why: string) => `Could not reach Google Sheets: ${why}. Reopen the task pane and try again.`,
  },
} as const;

export type ServerCall = <M extends keyof ServerMethods>(method: M, payload: ServerMethods[M]) => Promise<unknown>;

/** One server call as a promise; `runner` is read per call, as `google.script.run` is one use per chain. */
export function createServerCall(runner: () => ScriptRunner, locale: Locale): ServerCall {
  return (method, payload) =>
    new Promise((resolve, reject) => {
      runner()
        .withSuccessHandler((reply) => {
          if (reply.ok) resolve(reply.value);
          else if (reply.error.workbook) reject(new WorkbookError(reply.error.message, reply.error.sheet, reply.error.column));
          else reject(new Error(reply.error.message));
        })
        .withFailureHandler((error) => reject(new WorkbookError(TEXT.unreachable[locale](error?.message ?? String(error)))))
        .salesReviewServer(method, payload ?? null);
    });
}

export function fetchContext(call: ServerCall): Promise<SheetsContext> {
  return call('context', undefined) as Promise<SheetsContext>;
}

export function createSheetsClientPort(call: ServerCall): WorkbookPort {
  return {
    host: SHEETS_HOST,
    functionSpelling: 'underscored',
    listSheets: () => call('listSheets', undefined) as ReturnType<WorkbookPort['listSheets']>,
    insertTemplate: (plan: TemplatePlan) => call('insertTemplate', plan) as ReturnType<WorkbookPort['insertTemplate']>,
    activateSheet: async (name: string, cell?: CellPosition) => {
      await call('activateSheet', cell ? { name, cell } : name);
    },
    async readTable(location: TableLocation, onProgress?: ReadProgress): Promise<TableSnapshot> {
      // One call: the server reads in chunks (sheetsTables.ts); the pane learns the size with the answer.
      onProgress?.(0, 0);
      const snapshot = (await call('readTable', location)) as TableSnapshot;
      onProgress?.(snapshot.rows.length, snapshot.rows.length);
      return snapshot;
    },
    writeTables: (writes) => call('writeTables', toWire(writes)) as ReturnType<WorkbookPort['writeTables']>,
    writeReportSheet: (plan) => call('writeReportSheet', plan) as ReturnType<WorkbookPort['writeReportSheet']>,
    insertFormulaAtSelection: (formula: string) =>
      call('insertFormulaAtSelection', formula) as ReturnType<WorkbookPort['insertFormulaAtSelection']>,
    linked: {
      // One server call per range: each stays well inside Apps Script's 6-minute limit.
      connect: (location, rows) => call('linkedConnect', { location, rows }) as ReturnType<LinkedWorkbooks['connect']>,
      importRange: (url, range) => call('linkedImport', { url, range }) as ReturnType<LinkedWorkbooks['importRange']>,
    },
  };
}
