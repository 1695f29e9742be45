/** What the Univer port's writers share: plan cells as Univer cell data, and column widths in pixels. */
import { CellValueType, type ICellData } from '@univerjs/core';
import type { PlanCell } from '../../core';

/** Column widths are given in characters; Univer wants pixels. */
export const PIXELS_PER_CHARACTER = 8;
export const MIN_COLUMN_PIXELS = 48;

/** A plan cell as Univer cell data; text is always typed as text, so `=…` typed by a user stays text. */
export function cellDataOf(cell: PlanCell): ICellData | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'object') return { f: cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}` };
  if (typeof cell === 'string') return { v: cell, t: CellValueType.STRING };
  if (typeof cell === 'boolean') return { v: cell, t: CellValueType.BOOLEAN };
  return { v: cell, t: CellValueType.NUMBER };
}
