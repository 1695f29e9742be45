/**
 * The shapes tables are read and written in, shared by core (which plans writes purely) and the
 * WorkbookPort (which carries them out). Types only: core never touches a workbook.
 */
/** A computed cell value as read: numbers (dates are day serials), text, booleans; blank is null. */
export type CellValue = number | string | boolean | null;

/** Where a table lives. Without `tableName`, the sheet's first table, or else its template layout (header on row 2). */
export interface TableLocation {
  readonly sheetName: string;
  readonly tableName?: string;
}

export interface TableSnapshot {
  readonly sheetName: string;
  readonly tableName?: string;
  /** 0-based sheet row of the header; data rows follow it. */
  readonly headerRow: number;
  /** 0-based sheet column of the header's first cell. */
  readonly firstColumn: number;
  /** Header labels as they stand in the sheet (trimmed). */
  readonly header: readonly string[];
  /** Data rows in header order; row i is sheet row `headerRow + 1 + i`. Errors read as their text (`#DIV/0!`). */
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * A cell to write. Text is always stored as text (a value like `=HYPERLINK(…)` stays literal);
 * a formula is built for the 0-based sheet row the row finally lands on, in en-US form
 * (`=SALES.ATTAINMENT(G5,D5)`) — the host localizes it as it does for templates.
 */
export type WriteCell = CellValue | { readonly formulaAt: (sheetRow: number) => string };

/** An in-place edit of one existing data row, guarded: the row must still hold `expect`. */
export interface RowUpdate {
  /** 0-based data row index (as in `TableSnapshot.rows`). */
  readonly row: number;
  readonly expect: readonly { readonly column: number; readonly value: CellValue }[];
  readonly cells: readonly { readonly column: number; readonly value: WriteCell }[];
}

/**
 * Rows for one table. The host checks that the sheet's header starts with `header` (else a
 * WorkbookError naming sheet and column, nothing written). Placement of `rows`: with `key`, the
 * existing rows whose `key.column` cell equals `key.value` are replaced in order, extra such rows
 * have their input cells cleared; remaining rows fill the table's trailing blank rows (a row is
 * blank when every non-computed cell is empty), then extend the table. Without `key`, append only.
 * Never touches any other row.
 */
export interface TableWrite {
  readonly location: TableLocation;
  readonly header: readonly string[];
  /** Per header column: a computed (formula) column, which does not make a row non-blank. */
  readonly computed: readonly boolean[];
  readonly rows: readonly (readonly WriteCell[])[];
  readonly key?: { readonly column: number; readonly value: string };
  readonly updates?: readonly RowUpdate[];
}
