/**
 * The only way the task pane and the wizard touch a workbook. Each host (Excel, the embedded web
 * spreadsheet, later Google Sheets) implements it; components receive it through React context.
 */
import type { TemplatePlan } from '../core';

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
}

export interface WorkbookPort {
  /** Host name for messages: "Excel", "Web". */
  readonly host: string;
  listSheets(): Promise<readonly SheetInfo[]>;
  /** Creates a new sheet from a plan; never touches an existing sheet or cell. */
  insertTemplate(plan: TemplatePlan): Promise<InsertedTemplate>;
  activateSheet(name: string): Promise<void>;
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
