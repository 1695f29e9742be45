/**
 * The pure half of the Excel host's writes: the TableState `placeWrite` needs, built from what
 * sync 1 loaded, and the placed cells cut into rectangular blocks, one 2-D write each. The Office
 * calls are in excelWrites.ts.
 */
import type { Locale } from '../../core';
import { TAIL_ROWS, type TableState, placeWrite } from '../../workbook/placement';
import type { CellValue, TableWrite, TableWriteResult, WriteCell } from '../../workbook/port';

// ——— writes: cells to blocks ———

export interface Block {
  /** Data rows and columns (0-based, inclusive). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly cells: readonly (readonly WriteCell[])[];
}

/** Runs of adjacent columns whose cell is defined (undefined = leave the cell as it is). */
function definedRuns(cells: readonly (WriteCell | undefined)[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  cells.forEach((cell, c) => {
    if (cell === undefined) return;
    const prev = runs[runs.length - 1];
    if (prev && prev.last === c - 1) prev.last = c;
    else runs.push({ first: c, last: c });
  });
  return runs;
}

/**
 * Rectangles covering exactly the defined cells: consecutive rows with the same defined columns
 * share one block per run of columns, so a batch of appended rows is one 2-D write and cells left
 * undefined (a computed column, an untouched cell) are never overwritten.
 */
export function toBlocks(rows: ReadonlyMap<number, readonly (WriteCell | undefined)[]>): Block[] {
  const blocks: Block[] = [];
  let group: { first: number; last: number; shape: string; runs: { first: number; last: number }[] } | undefined;
  const flush = () => {
    if (!group) return;
    const { first, last } = group;
    for (const run of group.runs) {
      const cells: WriteCell[][] = [];
      for (let r = first; r <= last; r++) cells.push((rows.get(r) ?? []).slice(run.first, run.last + 1) as WriteCell[]);
      blocks.push({ firstRow: first, lastRow: last, firstColumn: run.first, lastColumn: run.last, cells });
    }
  };
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const runs = definedRuns(rows.get(row) ?? []);
    const shape = runs.map((r) => `${r.first}-${r.last}`).join(',');
    if (group && group.last === row - 1 && group.shape === shape) group.last = row;
    else {
      flush();
      group = { first: row, last: row, shape, runs };
    }
  }
  flush();
  return blocks;
}

// ——— writes: the state placeWrite needs ———

/** Stands for a filled cell of a row known to be filled somewhere (sync 1 learns where, not what). */
const FILLED = '\u0001';

/** What sync 1 learned about one table, as plain data. */
export interface Loaded {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** Data row of the last row with a value in any input column, per run of input columns (`first-last`); -1 when none. */
  readonly lastFilled: ReadonlyMap<string, number>;
  /** Data rows whose key cell holds the key, by `keyId(column, value)`. */
  readonly keyRows: ReadonlyMap<string, readonly number[]>;
  readonly updateRows: ReadonlyMap<number, readonly CellValue[]>;
}

export const keyId = (column: number, value: string): string => `${column}\u0000${value}`;

/**
 * The data rows of a key column that `findAll` matched, from the matches' address
 * (`'表3 …'!I5:I7,'表3 …'!I12`): cells in other columns or outside the data rows are not the table's.
 */
export function keyRowsOf(address: string, column: number, firstRow: number, rowCount: number): number[] {
  const rows: number[] = [];
  for (const match of address.matchAll(/!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?=\s*(?:,|$))/g)) {
    const [, left = '', top = '', right = left, bottom = top] = match;
    if (columnIndex(left) > column || columnIndex(right) < column) continue;
    const last = Math.min(Number(bottom) - 1, firstRow + rowCount - 1);
    for (let row = Math.max(Number(top) - 1, firstRow); row <= last; row++) rows.push(row - firstRow);
  }
  return rows;
}

const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Runs of a write's input (non-computed) columns, keyed `first-last`. */
export function inputRuns(write: TableWrite): string[] {
  const cells = write.header.map((_label, c) => (write.computed[c] ? undefined : null));
  return definedRuns(cells).map((r) => `${r.first}-${r.last}`);
}

/** The cells a write places, by data row, and the table's row count after it. */
export interface PlacedCells {
  readonly rows: Map<number, (WriteCell | undefined)[]>;
  readonly rowCount: number;
}

/**
 * The TableState of `placeWrite` from what sync 1 loaded. The tail is rebuilt from where the input
 * columns' last filled row is: a table's last rows cannot be addressed before its size is known,
 * and placement only asks of them whether every input cell is blank.
 */
function tableState(write: TableWrite, loaded: Loaded): TableState {
  const width = write.header.length;
  const lastFilled = Math.max(-1, ...inputRuns(write).map((run) => loaded.lastFilled.get(run) ?? -1));
  const { rowCount } = loaded;
  const tailStart = Math.max(0, rowCount - TAIL_ROWS);
  const filledRow = new Array<CellValue>(width).fill(FILLED);
  const blankRow = new Array<CellValue>(width).fill(null);
  const tail: CellValue[][] = [];
  for (let row = tailStart; row < rowCount; row++) tail.push(row <= lastFilled ? filledRow : blankRow);
  const key = write.key;
  let keyValues: CellValue[] | undefined;
  if (key !== undefined) {
    // Only the rows holding this key matter to placement; the others read as blank.
    keyValues = new Array<CellValue>(rowCount).fill(null);
    for (const row of loaded.keyRows.get(keyId(key.column, key.value)) ?? []) keyValues[row] = key.value;
  }
  const updateRows = new Map<number, readonly CellValue[]>();
  for (const update of write.updates ?? []) {
    if (update.row < 0 || update.row >= rowCount) continue;
    updateRows.set(update.row, loaded.updateRows.get(update.row) ?? blankRow);
  }
  return { header: loaded.header, rowCount, tailStart, tail, ...(keyValues ? { keyValues } : {}), updateRows };
}

/** Places the one write of a table (the port contract: one write per table per batch). */
export function placeTableWrite(
  write: TableWrite,
  loaded: Loaded,
  sheetName: string,
  locale: Locale,
): { placed: PlacedCells; result: TableWriteResult } {
  const placement = placeWrite(write, tableState(write, loaded), sheetName, locale);
  const rows = new Map<number, (WriteCell | undefined)[]>();
  for (const placed of placement.rows) {
    const row = rows.get(placed.dataRow) ?? [];
    // Cells past the write's header would land outside its columns.
    placed.cells.slice(0, write.header.length).forEach((cell, c) => {
      if (cell !== undefined) row[c] = cell;
    });
    rows.set(placed.dataRow, row);
  }
  return { placed: { rows, rowCount: Math.max(loaded.rowCount, placement.rowCountAfter) }, result: placement.result };
}
