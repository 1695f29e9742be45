/**
 * The only way the task pane and the wizard touch a workbook. Each host (Excel, the embedded web
 * spreadsheet, later Google Sheets) implements it; components receive it through React context.
 *
 * Reads return computed values; writes are batches planned purely in core (goal breakdown, review
 * write-back) and carried out by the host all-or-nothing: the host checks every target first and
 * writes nothing when one check fails.
 */
import type {
  CellValue,
  FunctionSpelling,
  ImportState,
  Localized,
  ReportChartId,
  ReportSheetPlan,
  TableLocation,
  TableSnapshot,
  TableWrite,
  TemplatePlan,
} from '../core';

export type { CellValue, RowUpdate, TableLocation, TableSnapshot, TableWrite, WriteCell } from '../core';

export interface SheetInfo {
  readonly name: string;
  /** Names of the tables on the sheet (Excel tables / Univer tables). */
  readonly tables: readonly string[];
}

export interface InsertedTemplate {
  /** The sheet actually created: the plan's name, or `name (2)` when that name was taken. */
  readonly sheetName: string;
  readonly tableName: string;
  /** A1 address of the table (header + data), e.g. `A2:J8`. */
  readonly tableAddress: string;
  /** What this host did otherwise than planned, and why (Excel 2021: header prompts as comments, not notes). */
  readonly notices?: readonly Localized[];
}

/** Progress of a long read: rows read so far of the total. */
export type ReadProgress = (rowsRead: number, totalRows: number) => void;

export interface TableWriteResult {
  readonly sheetName: string;
  /** Rows replaced in place (same key) plus guarded updates. */
  readonly updated: number;
  /** Rows placed in blank rows or added at the end. */
  readonly appended: number;
  /** Key rows cleared because the new write has fewer rows. */
  readonly cleared: number;
}

/** A chart drawn as a picture, for hosts without native charts (PNG bytes, size in pixels). */
export interface ChartPicture {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface ReportSheetResult {
  readonly sheetName: string;
  /** True when a report of the same review was there and has been replaced. */
  readonly replaced: boolean;
  /** Charts drawn natively from the sheet's cells (Excel, Google Sheets). */
  readonly nativeCharts: number;
  /** Charts placed as pictures. */
  readonly pictures: number;
}

/** A cell of a sheet, 0-based. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** What this host can and cannot do, as the Settings pane shows it. */
export interface HostSupport {
  /** One line: the host and its level (`This Excel: ExcelApi 1.14, SALES functions available.`). */
  readonly summary: Localized;
  /** Each feature missing here: what happens instead, and what to upgrade to. */
  readonly limits: readonly Localized[];
}

export interface WorkbookPort {
  /** Host name for messages: "Excel", "Web", "Google Sheets". */
  readonly host: string;
  /** The host has no native charts and places chart pictures on a report sheet (writeReportSheet's `pictures`). */
  readonly chartPictures?: boolean;
  /** How users of this host type SALES functions, for what the pane shows (default `localized`: Excel's). */
  readonly functionSpelling?: FunctionSpelling;
  /** What this host supports, for Settings (Excel: its API sets). */
  readonly support?: HostSupport;
  /** Google Sheets: other spreadsheets brought in with IMPORTRANGE, for the team roll-up (src/workbook/linkedRollup.ts). */
  readonly linked?: LinkedWorkbooks;
  listSheets(): Promise<readonly SheetInfo[]>;
  /** Creates a new sheet from a plan; never touches an existing sheet or cell. */
  insertTemplate(plan: TemplatePlan): Promise<InsertedTemplate>;
  /** Makes the sheet active and, given a cell (0-based sheet row and column), selects it: the pane's "go to row". */
  activateSheet(name: string, cell?: CellPosition): Promise<void>;
  /** Reads a table's header and computed values; big tables are read in chunks (Excel: ≤ 4 MB per request). */
  readTable(location: TableLocation, onProgress?: ReadProgress): Promise<TableSnapshot>;
  /**
   * Carries out a batch of table writes all-or-nothing (Excel: 2 syncs whatever the row count; more only
   * to keep each request under 4 MB, every check done before the first).
   * One write per table per batch: placements are computed against the tables as they were.
   */
  writeTables(writes: readonly TableWrite[]): Promise<readonly TableWriteResult[]>;
  /**
   * Writes a review's report sheet (复盘报告 <review id>): a new sheet, or the same-named report of an
   * earlier run replaced whole. A sheet of that name with a table is the user's: refused, nothing
   * written. Charts are native where the host has them, else the given pictures where they go.
   */
  writeReportSheet(plan: ReportSheetPlan, pictures?: ReadonlyMap<ReportChartId, ChartPicture>): Promise<ReportSheetResult>;
  /** Writes a formula (en-US form, `=SALES.…`) into the active cell; returns where it went. */
  insertFormulaAtSelection(formula: string): Promise<{ readonly sheetName: string; readonly address: string }>;
}

/** One range of a linked spreadsheet as imported (values as `readTable` gives them), or why not. */
export type LinkedImport = { readonly state: 'ok'; readonly grid: CellValue[][] } | { readonly state: Exclude<ImportState, 'ok'> };

/**
 * Other spreadsheets the user has linked (Google Sheets' IMPORTRANGE: Google asks, once per source,
 * to allow it, so the add-on's own grant stays the current spreadsheet).
 */
export interface LinkedWorkbooks {
  /** Writes the connection check into the rows of 汇总来源 that lack it, and says per row whether the source answers. */
  connect(location: TableLocation, rows: readonly { readonly row: number; readonly url: string }[]): Promise<readonly ImportState[]>;
  /** A range of a source (a table's name), imported, read and removed: nothing stays behind. */
  importRange(url: string, range: string): Promise<LinkedImport>;
}

/** A message a user can act on: what went wrong and what to do, in the pane's language. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
