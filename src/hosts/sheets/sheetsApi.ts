/**
 * The subset of Apps Script's Spreadsheet and Lock services the Google Sheets host calls, as
 * interfaces the real services satisfy (test/hosts/sheets/sheetsApi.test.ts proves it against
 * @types/google-apps-script) and the offline fake implements. Rows and columns are 1-based here,
 * as in Apps Script; the host converts from the core's 0-based positions at one place.
 */

export type FontWeight = 'normal' | 'bold';

/** Opaque to the host: it only copies rules from one row to the rows appended below it. */
export interface SheetsDataValidation {
  copy(): unknown;
}

export interface SheetsDataValidationBuilder {
  requireValueInList(values: string[], showDropdown: boolean): SheetsDataValidationBuilder;
  requireNumberBetween(start: number, end: number): SheetsDataValidationBuilder;
  setHelpText(helpText: string): SheetsDataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): SheetsDataValidationBuilder;
  build(): SheetsDataValidation;
}

export interface SheetsConditionalFormatRuleBuilder {
  whenNumberLessThan(number: number): SheetsConditionalFormatRuleBuilder;
  whenNumberGreaterThan(number: number): SheetsConditionalFormatRuleBuilder;
  whenNumberGreaterThanOrEqualTo(number: number): SheetsConditionalFormatRuleBuilder;
  whenNumberBetween(start: number, end: number): SheetsConditionalFormatRuleBuilder;
  whenTextEqualTo(text: string): SheetsConditionalFormatRuleBuilder;
  whenFormulaSatisfied(formula: string): SheetsConditionalFormatRuleBuilder;
  setBackground(color: string | null): SheetsConditionalFormatRuleBuilder;
  setFontColor(color: string | null): SheetsConditionalFormatRuleBuilder;
  setRanges(ranges: SheetsRange[]): SheetsConditionalFormatRuleBuilder;
  build(): SheetsConditionalFormatRule;
}

export interface SheetsConditionalFormatRule {
  copy(): SheetsConditionalFormatRuleBuilder;
  getRanges(): SheetsRange[];
}

export interface SheetsRange {
  /** Selects the range (and its sheet): the pane's "go to row". */
  activate(): SheetsRange;
  getRow(): number;
  getColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getA1Notation(): string;
  getSheet(): SheetsSheet;
  /** Computed values: numbers, text, booleans, `Date`s for date cells, `''` for blanks. */
  getValues(): unknown[][];
  /** `''` where a cell holds no formula. */
  getFormulas(): string[][];
  getNumberFormats(): string[][];
  getDataValidations(): (SheetsDataValidation | null)[][];
  /** A text starting with `=` becomes a formula unless the cell's number format is `@` (plain text). */
  setValues(values: unknown[][]): SheetsRange;
  setNumberFormats(numberFormats: string[][]): SheetsRange;
  setDataValidation(rule: SheetsDataValidation | null): SheetsRange;
  setDataValidations(rules: (SheetsDataValidation | null)[][]): SheetsRange;
  setFormula(formula: string): SheetsRange;
  setFontWeight(fontWeight: FontWeight | null): SheetsRange;
  setNote(note: string | null): SheetsRange;
}

export interface SheetsRangeList {
  setFontWeight(fontWeight: FontWeight | null): SheetsRangeList;
}

export interface SheetsSheet {
  getName(): string;
  getSheetId(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  getLastRow(): number;
  getLastColumn(): number;
  insertRowsAfter(afterPosition: number, howMany: number): SheetsSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetsSheet;
  getRange(row: number, column: number, numRows: number, numColumns: number): SheetsRange;
  getRangeList(a1Notations: string[]): SheetsRangeList;
  setFrozenRows(rows: number): void;
  setColumnWidth(columnPosition: number, width: number): SheetsSheet;
  getConditionalFormatRules(): SheetsConditionalFormatRule[];
  setConditionalFormatRules(rules: SheetsConditionalFormatRule[]): void;
  activate(): SheetsSheet;
  /** Clears the sheet of content and formatting (its charts stay: removeChart each). */
  clear(): SheetsSheet;
  newChart(): SheetsChartBuilder;
  insertChart(chart: SheetsEmbeddedChart): void;
  getCharts(): SheetsEmbeddedChart[];
  removeChart(chart: SheetsEmbeddedChart): void;
  hideSheet(): SheetsSheet;
}

/** EmbeddedChartBuilder (and its as…Chart() builders, which share these methods). */
export interface SheetsChartBuilder {
  asBarChart(): SheetsChartBuilder;
  asColumnChart(): SheetsChartBuilder;
  asLineChart(): SheetsChartBuilder;
  addRange(range: SheetsRange): SheetsChartBuilder;
  setNumHeaders(headers: number): SheetsChartBuilder;
  setOption(option: string, value: unknown): SheetsChartBuilder;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): SheetsChartBuilder;
  build(): SheetsEmbeddedChart;
}

export interface SheetsEmbeddedChart {
  getChartId(): number | null;
}

export interface SheetsNamedRange {
  getName(): string;
  getRange(): SheetsRange;
  setRange(range: SheetsRange): SheetsNamedRange;
}

export interface SheetsSpreadsheet {
  getSheets(): SheetsSheet[];
  getSheetByName(name: string): SheetsSheet | null;
  insertSheet(sheetName: string, sheetIndex: number): SheetsSheet;
  deleteSheet(sheet: SheetsSheet): void;
  getNumSheets(): number;
  getNamedRanges(): SheetsNamedRange[];
  setNamedRange(name: string, range: SheetsRange): void;
  getActiveSheet(): SheetsSheet;
  getCurrentCell(): SheetsRange | null;
  getActiveRange(): SheetsRange | null;
  /** An IANA name, e.g. `Asia/Shanghai`: the zone date cells are shown in. */
  getSpreadsheetTimeZone(): string;
}

export interface SheetsMenu {
  addItem(caption: string, functionName: string): SheetsMenu;
  addSeparator(): SheetsMenu;
  addToUi(): void;
}

export interface SheetsHtmlOutput {
  setTitle(title: string): SheetsHtmlOutput;
}

export interface SheetsUi {
  createAddonMenu(): SheetsMenu;
  showSidebar(userInterface: SheetsHtmlOutput): void;
}

export interface SheetsHtmlService {
  createHtmlOutputFromFile(filename: string): SheetsHtmlOutput;
}

export interface SheetsSession {
  /** The user's language, e.g. `zh-CN`, `zh_TW`, `en`. */
  getActiveUserLocale(): string;
}

export interface SheetsApp {
  getActiveSpreadsheet(): SheetsSpreadsheet;
  getUi(): SheetsUi;
  newConditionalFormatRule(): SheetsConditionalFormatRuleBuilder;
  newDataValidation(): SheetsDataValidationBuilder;
  flush(): void;
}

export interface SheetsLock {
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
}

export interface SheetsLockService {
  getDocumentLock(): SheetsLock;
}

export interface SheetsUtilities {
  /** Waits (IMPORTRANGE results arrive a moment after the formula). */
  sleep(milliseconds: number): void;
}

/** What the host is given: the services, as globals on Apps Script, the fake in tests. */
export interface SheetsServices {
  readonly app: SheetsApp;
  readonly lock: SheetsLockService;
  readonly html: SheetsHtmlService;
  readonly session: SheetsSession;
  readonly utilities: SheetsUtilities;
}
