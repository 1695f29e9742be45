/**
 * Where a TableWrite's rows go — one algorithm for every host, so Excel, the web host and the
 * in-memory test port place rows identically. Hosts load a `TableState` (header, row count, the
 * table's tail, the key column and the rows to update), call `placeWrite`, and write what it says.
 */
import { type Locale, isBlank, missingColumnMessage } from '../core';
import { WORKBOOK_MESSAGES } from './messages';
import { type CellValue, type TableSnapshot, type TableWrite, type TableWriteResult, WorkbookError, type WriteCell } from './port';

/** How many rows at the end of a table a host loads to find trailing blank rows. */
export const TAIL_ROWS = 1000;

export interface TableState {
  readonly header: readonly string[];
  /** Data rows in the table now. */
  readonly rowCount: number;
  /** Data row index of `tail[0]`: `max(0, rowCount - TAIL_ROWS)`. */
  readonly tailStart: number;
  readonly tail: readonly (readonly CellValue[])[];
  /** The key column of every data row, when the write has a key. */
  readonly keyValues?: readonly CellValue[];
  /** The current cells of the rows the write updates, by data row index. */
  readonly updateRows: ReadonlyMap<number, readonly CellValue[]>;
}

/** One data row to write; `undefined` cells are left as they are, `null` clears. */
export interface PlacedRow {
  readonly dataRow: number;
  readonly cells: readonly (WriteCell | undefined)[];
}

export interface Placement {
  readonly rows: readonly PlacedRow[];
  /** Data rows the table must span after the write (grow the table when larger than before). */
  readonly rowCountAfter: number;
  readonly result: TableWriteResult;
}

function sameValue(a: CellValue | undefined, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

/**
 * The port contract (src/workbook/port.ts): one write per table per batch, placed against the
 * table as it was read. `tables` are the batch's targets, each with the key that identifies its
 * table in the host (a table name, or the sheet for a sheet without one), in batch order.
 */
export function refuseSecondWrite(tables: readonly { readonly key: string; readonly sheetName: string }[], locale: Locale): void {
  const seen = new Set<string>();
  for (const { key, sheetName } of tables) {
    if (seen.has(key)) throw new WorkbookError(WORKBOOK_MESSAGES.secondWrite(sheetName)[locale], sheetName);
    seen.add(key);
  }
}

/** The first header column that does not match, or undefined when the sheet's header starts with `expected`. */
function headerMismatch(actual: readonly string[], expected: readonly string[]): string | undefined {
  return expected.find((label, i) => (actual[i] ?? '').trim() !== label.trim());
}

/**
 * Places a write: checks the header and every update's guard (throwing a WorkbookError that names
 * sheet and column, before anything is written), then replaces key rows, clears leftover key rows,
 * fills trailing blank rows and appends.
 */
export function placeWrite(write: TableWrite, state: TableState, sheetName: string, locale: Locale): Placement {
  const missing = headerMismatch(state.header, write.header);
  if (missing !== undefined)
    throw new WorkbookError(missingColumnMessage(sheetName, missing, 'nothingWritten')[locale], sheetName, missing);

  const width = write.header.length;
  const placed: PlacedRow[] = [];
  let updated = 0;
  for (const update of write.updates ?? []) {
    const current = state.updateRows.get(update.row);
    if (current === undefined) {
      // The row is gone (the table shrank since it was read): even an unguarded update would land
      // outside the table, past rowCountAfter.
      const first = update.expect[0]?.column ?? update.cells[0]?.column ?? 0;
      const column = write.header[first] ?? String(first);
      throw new WorkbookError(WORKBOOK_MESSAGES.changed(sheetName, update.row + 1, column)[locale], sheetName, column);
    }
    for (const guard of update.expect) {
      if (!sameValue(current[guard.column], guard.value)) {
        const column = write.header[guard.column] ?? String(guard.column);
        throw new WorkbookError(WORKBOOK_MESSAGES.changed(sheetName, update.row + 1, column)[locale], sheetName, column);
      }
    }
    const cells: (WriteCell | undefined)[] = new Array(width).fill(undefined);
    for (const cell of update.cells) cells[cell.column] = cell.value;
    placed.push({ dataRow: update.row, cells });
    updated++;
  }

  const pending = [...write.rows];
  let cleared = 0;
  if (write.key !== undefined) {
    const { value } = write.key;
    const keyRows: number[] = [];
    (state.keyValues ?? []).forEach((cell, row) => {
      if (typeof cell === 'string' && cell.trim() === value) keyRows.push(row);
    });
    for (const row of keyRows) {
      const next = pending.shift();
      if (next !== undefined) {
        placed.push({ dataRow: row, cells: next });
        updated++;
      } else {
        // A row of this review that the new write no longer has: clear its input cells.
        placed.push({ dataRow: row, cells: write.computed.map((computed) => (computed ? undefined : null)) });
        cleared++;
      }
    }
  }

  // Trailing blank rows: scan the tail backwards while every input cell is empty.
  let firstBlank = state.rowCount;
  const taken = new Set(placed.map((p) => p.dataRow));
  for (let i = state.tail.length - 1; i >= 0; i--) {
    const row = state.tail[i] ?? [];
    const dataRow = state.tailStart + i;
    const blank = write.computed.every((computed, c) => computed || isBlank(row[c]));
    if (!blank || taken.has(dataRow)) break;
    firstBlank = dataRow;
  }
  let appended = 0;
  let next = firstBlank;
  for (const row of pending) {
    placed.push({ dataRow: next++, cells: row });
    appended++;
  }

  return {
    rows: placed,
    rowCountAfter: Math.max(state.rowCount, next),
    result: { sheetName, updated, appended, cleared },
  };
}

/**
 * The table as a write leaves it, computed from the table as read (the placement every host uses):
 * what an import needs to know after writing, without reading the table again. Formula cells the
 * write places read as blank here (their values are the host's to compute).
 */
export function tableAfterWrite<T extends Pick<TableSnapshot, 'header' | 'rows'>>(before: T, write: TableWrite, locale: Locale): T {
  const rows = before.rows.map((row) => [...row]);
  const tailStart = Math.max(0, rows.length - TAIL_ROWS);
  const state: TableState = {
    header: before.header,
    rowCount: rows.length,
    tailStart,
    tail: rows.slice(tailStart),
    ...(write.key ? { keyValues: rows.map((row) => row[write.key?.column ?? 0] ?? null) } : {}),
    updateRows: new Map((write.updates ?? []).flatMap((u) => (rows[u.row] ? [[u.row, rows[u.row] as CellValue[]]] : []))),
  };
  const placement = placeWrite(write, state, '', locale);
  const width = before.header.length;
  while (rows.length < placement.rowCountAfter) rows.push(new Array<CellValue>(width).fill(null));
  for (const placed of placement.rows) {
    const row = rows[placed.dataRow] as CellValue[];
    placed.cells.forEach((cell, c) => {
      if (cell !== undefined) row[c] = cell !== null && typeof cell === 'object' ? null : cell;
    });
  }
  return { ...before, rows };
}
