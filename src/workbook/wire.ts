/**
 * Table writes as plain data, for a port whose workbook is on the other side of a message channel
 * (Google Sheets: the sidebar calls the Apps Script server through `google.script.run`, which
 * carries JSON-like values but no functions). A formula that depends on its row (`formulaAt`) is
 * sent as a template: `{row}` for the row's A1 number, `{row-1}` for the one above. The template is
 * derived from two sample rows and checked against a third, so a formula the template cannot
 * express is refused here rather than written wrongly there.
 */
import type { CellValue, RowUpdate, TableWrite, WriteCell } from '../core';

export type WireCell = CellValue | { readonly formulaTemplate: string };

export interface WireWrite extends Omit<TableWrite, 'rows' | 'updates'> {
  readonly rows: readonly (readonly WireCell[])[];
  readonly updates?: readonly (Omit<RowUpdate, 'cells'> & {
    readonly cells: readonly { readonly column: number; readonly value: WireCell }[];
  })[];
}

/** Sample 0-based sheet rows, far beyond any real table so their numbers do not occur by chance. */
const SAMPLE_ROW = 987_654;
const CHECK_ROW = 876_543;

const numberToken = (n: number) => new RegExp(`(?<![0-9])${n}(?![0-9])`, 'g');

export function formulaTemplate(formulaAt: (sheetRow: number) => string): string {
  const template = formulaAt(SAMPLE_ROW)
    .replace(numberToken(SAMPLE_ROW + 1), '{row}')
    .replace(numberToken(SAMPLE_ROW), '{row-1}');
  if (fillTemplate(template, CHECK_ROW) !== formulaAt(CHECK_ROW)) {
    throw new Error(`A formula of this write cannot be sent to the workbook: ${formulaAt(CHECK_ROW)}`);
  }
  return template;
}

export const fillTemplate = (template: string, sheetRow: number): string =>
  template.replace(/\{row\}/g, String(sheetRow + 1)).replace(/\{row-1\}/g, String(sheetRow));

function toWireCell(cell: WriteCell): WireCell {
  return cell !== null && typeof cell === 'object' ? { formulaTemplate: formulaTemplate(cell.formulaAt) } : cell;
}

function fromWireCell(cell: WireCell): WriteCell {
  if (cell === null || typeof cell !== 'object') return cell;
  const { formulaTemplate: template } = cell;
  return { formulaAt: (sheetRow: number) => fillTemplate(template, sheetRow) };
}

export function toWire(writes: readonly TableWrite[]): WireWrite[] {
  return writes.map(({ rows, updates, ...rest }) => ({
    ...rest,
    rows: rows.map((row) => row.map(toWireCell)),
    ...(updates
      ? { updates: updates.map((u) => ({ ...u, cells: u.cells.map((c) => ({ column: c.column, value: toWireCell(c.value) })) })) }
      : {}),
  }));
}

export function fromWire(writes: readonly WireWrite[]): TableWrite[] {
  return writes.map(({ rows, updates, ...rest }) => ({
    ...rest,
    rows: rows.map((row) => row.map(fromWireCell)),
    ...(updates
      ? { updates: updates.map((u) => ({ ...u, cells: u.cells.map((c) => ({ column: c.column, value: fromWireCell(c.value) })) })) }
      : {}),
  }));
}
