/**
 * The Apps Script server entry: the only file that reads Apps Script's globals (the lint rule in
 * eslint.config.mjs). The build bundles it as the global `SalesReview` in dist/sheets/Code.js, whose
 * top-level functions (sheetsCode.ts) call into it: the menu, the sidebar's server calls, and one
 * wrapper per SALES function.
 */
import { type Locale, localeFromLanguage } from '../../core';
import type { SheetsServices } from './sheetsApi';
import { callFromSheets as callCatalogue } from './sheetsFunctions';
import { type ServerReply, createSheetsServer } from './sheetsServer';

const services = (): SheetsServices => ({
  app: SpreadsheetApp,
  lock: LockService,
  html: HtmlService,
  session: Session,
  utilities: Utilities,
});

/** `onOpen` / `onInstall`: the add-on menu (in every auth mode: it reads no data). */
export function onOpen(): void {
  createSheetsServer(services()).buildMenu();
}

export function openPane(): void {
  createSheetsServer(services()).openPane();
}

export function insertTemplate(templateId: string): void {
  createSheetsServer(services()).insertFromMenu(templateId);
}

/** What `google.script.run.salesReviewServer(method, payload)` answers. */
export function serve(method: string, payload: unknown): ServerReply {
  return createSheetsServer(services()).handle(method, payload);
}

/** A custom function cannot ask for authorization; reading the locale and time zone needs none. */
function messageLocale(): Locale {
  try {
    return localeFromLanguage(Session.getActiveUserLocale());
  } catch {
    return 'en-US';
  }
}

export function callFromSheets(id: string, args: readonly unknown[]): ReturnType<typeof callCatalogue> {
  return callCatalogue(id, args, {
    timeZone: () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    now: () => new Date(),
    locale: messageLocale,
  });
}
