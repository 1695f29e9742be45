/**
 * Other spreadsheets, read through IMPORTRANGE (port.linked, src/workbook/linkedRollup.ts). The
 * add-on's grant is the current spreadsheet only; IMPORTRANGE lets the user allow each source once,
 * in the cell, which is Google's own per-spreadsheet consent. A range is imported on a hidden sheet
 * of its own, read once it has arrived, and the sheet deleted: nothing of it stays in the workbook.
 */
import {
  CONNECTION_RANGE,
  type ImportState,
  L,
  type Locale,
  importRangeFormula,
  importStateOf,
  matchHeader,
  rollupSources,
} from '../../core';
import type { LinkedImport, TableLocation } from '../../workbook/port';
import { WorkbookError } from '../../workbook/port';
import type { SheetsServices } from './sheetsApi';
import { cellValueOf } from './sheetsCells';
import type { SheetsTables } from './sheetsTables';

/** How long an import may keep loading before the answer is "still loading": polls × pause. */
export const IMPORT_POLLS = 20;
export const IMPORT_PAUSE_MS = 500;

/** The hidden sheet an import lands on (a leftover of an interrupted run is cleared and reused). */
export const IMPORT_SHEET = '_SalesReviewImport';
const LOCK_WAIT_MS = 30_000;

const MESSAGES = {
  noConnection: (sheet: string) =>
    L(`${sheet} 缺少“连接检查”列:请重新插入“汇总来源”。`, `${sheet} lacks its Connection column: insert Roll-up Sources again.`),
} as const;

export interface SheetsLinked {
  connect(location: TableLocation, rows: readonly { readonly row: number; readonly url: string }[]): ImportState[];
  importRange(url: string, range: string): LinkedImport;
}

export function createSheetsLinked(services: SheetsServices, tables: SheetsTables, locale: Locale): SheetsLinked {
  const { app, utilities } = services;

  /** Reads until nothing is loading any more or the polls are spent. */
  function settle<T>(read: () => T, loading: (value: T) => boolean): T {
    let value = read();
    for (let poll = 1; poll < IMPORT_POLLS && loading(value); poll++) {
      utilities.sleep(IMPORT_PAUSE_MS);
      value = read();
    }
    return value;
  }

  function connect(location: TableLocation, rows: readonly { readonly row: number; readonly url: string }[]): ImportState[] {
    const table = tables.readTable(location);
    const column = matchHeader(rollupSources, table.header).columns.get('connection');
    if (column === undefined) throw new WorkbookError(MESSAGES.noConnection(table.sheetName)[locale], table.sheetName);
    const sheet = app.getActiveSpreadsheet().getSheetByName(table.sheetName);
    if (!sheet) throw new WorkbookError(MESSAGES.noConnection(table.sheetName)[locale], table.sheetName);
    const cells = rows.map(({ row, url }) => {
      const cell = sheet.getRange(table.headerRow + 2 + row, table.firstColumn + column + 1, 1, 1);
      const formula = importRangeFormula(url, CONNECTION_RANGE);
      if (cell.getFormulas()[0]?.[0] !== formula) cell.setFormula(formula);
      return cell;
    });
    app.flush();
    return settle(
      () => cells.map((cell) => importStateOf(cell.getValues()[0]?.[0])),
      (states) => states.includes('loading'),
    );
  }

  /** Under the document lock: two users rolling up at once must not share the import sheet. */
  function importRange(url: string, range: string): LinkedImport {
    const lock = services.lock.getDocumentLock();
    lock.waitLock(LOCK_WAIT_MS);
    try {
      return importLocked(url, range);
    } finally {
      lock.releaseLock();
    }
  }

  function importLocked(url: string, range: string): LinkedImport {
    const spreadsheet = app.getActiveSpreadsheet();
    const leftover = spreadsheet.getSheetByName(IMPORT_SHEET);
    if (leftover) spreadsheet.deleteSheet(leftover);
    const sheet = spreadsheet.insertSheet(IMPORT_SHEET, spreadsheet.getNumSheets());
    try {
      sheet.hideSheet();
      sheet.getRange(1, 1, 1, 1).setFormula(importRangeFormula(url, range));
      app.flush();
      const state = settle(
        () => importStateOf(sheet.getRange(1, 1, 1, 1).getValues()[0]?.[0]),
        (s) => s === 'loading',
      );
      if (state !== 'ok') return { state };
      const timeZone = spreadsheet.getSpreadsheetTimeZone();
      const grid = sheet
        .getRange(1, 1, Math.max(1, sheet.getLastRow()), Math.max(1, sheet.getLastColumn()))
        .getValues()
        .map((row) => row.map((value) => cellValueOf(value, timeZone)));
      return { state: 'ok', grid };
    } finally {
      spreadsheet.deleteSheet(sheet);
    }
  }

  return { connect, importRange };
}
