/**
 * The host's service subset (src/hosts/sheets/sheetsApi.ts) is satisfied by the real Apps Script
 * types: these assignments fail to compile (npm run typecheck) when a method the host calls has a
 * name or signature the real services do not have.
 */
import type { SheetsApp, SheetsHtmlService, SheetsLockService, SheetsSession, SheetsUtilities } from '../../../src/hosts/sheets/sheetsApi';

type Fits<Real, Subset> = Real extends Subset ? true : false;
const appFits: Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SheetsApp> = true;
const lockFits: Fits<GoogleAppsScript.Lock.LockService, SheetsLockService> = true;
const htmlFits: Fits<GoogleAppsScript.HTML.HtmlService, SheetsHtmlService> = true;
const sessionFits: Fits<GoogleAppsScript.Base.Session, SheetsSession> = true;
const utilitiesFits: Fits<GoogleAppsScript.Utilities.Utilities, SheetsUtilities> = true;

test('the real Apps Script service types satisfy the subset the host calls', () => {
  expect([appFits, lockFits, htmlFits, sessionFits, utilitiesFits]).toEqual([true, true, true, true, true]);
});
