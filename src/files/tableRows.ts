/**
 * Many rows into a template's table straight in the snapshot, for the command line's bulk writes
 * (`workbook rollup`: 250,000 deals). Writing them through Univer parses and computes every formula
 * cell as it goes — a minute and gigabytes for 25,000 rows — while the file only needs the cells.
 * The table is inserted first with one blank row through the port (styles, validation, conditional
 * formats, the table itself); each new row takes that row's styles, its inputs as values and its
 * computed columns as formulas (no cached result: the writer asks spreadsheets to calculate on open),
 * and every range of that sheet that ended on the blank row grows to the last one.
 */
import type { ICellData } from '@univerjs/core';
import type { CellValue } from '../core';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

/** A cell to place: a value, or a formula at its row. */
export type BulkCell = CellValue | { readonly formula: string };

const isFormula = (cell: BulkCell): cell is { readonly formula: string } => cell !== null && typeof cell === 'object' && 'formula' in cell;

function cellOf(value: BulkCell, style: ICellData['s']): ICellData | undefined {
  const styled = style === undefined || style === null ? {} : { s: style };
  if (isFormula(value)) return { ...styled, f: value.formula };
  if (value === null || value === '') return style === undefined || style === null ? undefined : styled;
  if (typeof value === 'number') return { ...styled, v: value, t: 2 };
  if (typeof value === 'boolean') return { ...styled, v: value ? 1 : 0, t: 3 };
  return { ...styled, v: String(value), t: 1 };
}

/** Grows every range of the sheet that ends on `lastRow` to `newLastRow` (tables, validation, formats, themes). */
function growRanges(node: unknown, sheetId: string, inSheet: boolean, lastRow: number, newLastRow: number): void {
  if (Array.isArray(node)) {
    for (const item of node) growRanges(item, sheetId, inSheet, lastRow, newLastRow);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const owner = record.sheetId ?? record.subUnitId;
  const here = owner === undefined ? inSheet : owner === sheetId;
  if (here && typeof record.startRow === 'number' && record.endRow === lastRow) record.endRow = newLastRow;
  for (const [key, child] of Object.entries(record)) growRanges(child, sheetId, here || key === sheetId, lastRow, newLastRow);
}

/**
 * Puts `rows` from `firstRow` (0-based) on, in the sheet named `sheetName`, whose table's last row is
 * now `firstRow` (a single blank row whose cell styles each row copies).
 */
export function appendTableRows(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  firstRow: number,
  rows: readonly (readonly BulkCell[])[],
): void {
  const sheet = Object.values(snapshot.sheets).find((s) => s.name === sheetName) as SheetSnapshot | undefined;
  if (!sheet?.id || rows.length === 0) return;
  const cellData = (sheet.cellData ??= {}) as Record<number, Record<number, ICellData>>;
  const template = cellData[firstRow] ?? {};
  rows.forEach((row, i) => {
    const cells: Record<number, ICellData> = {};
    row.forEach((value, column) => {
      const cell = cellOf(value, template[column]?.s);
      if (cell) cells[column] = cell;
    });
    cellData[firstRow + i] = cells;
  });
  const lastRow = firstRow + rows.length - 1;
  sheet.rowCount = Math.max(sheet.rowCount ?? 0, lastRow + 1);
  for (const resource of snapshot.resources ?? []) {
    if (!resource.data || !resource.data.includes('endRow')) continue;
    const data: unknown = JSON.parse(resource.data);
    growRanges(data, sheet.id, false, firstRow, lastRow);
    resource.data = JSON.stringify(data);
  }
}
