/**
 * Find (`findAllOrNullObject`) sees neither a hidden sheet nor the rows a filter hides
 * (office-js#6349, #224): a keyed write-back there would append its rows again instead of replacing
 * them. For such a target the key column is read instead, in slices each well under Excel on the
 * web's 5 MB, and matched as Find matches (whole cell, case-sensitive). Visible, unfiltered targets
 * pay nothing.
 */
import { rangeAddress } from '../../core';

/** Rows of a key column read per sync: about 1 MB of short ids. */
const KEY_ROWS_PER_READ = 40_000;

export interface KeyColumnTarget<Id> {
  readonly id: Id;
  readonly sheet: Excel.Worksheet;
  /** The sheet is hidden or a filter hides rows: Find's answer cannot be trusted. */
  readonly findIsBlind: boolean;
  /** Where the data starts on the sheet (0-based) and how many data rows there are. */
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rowCount: number;
  /** Key lookups by id: the data column and the value looked for. */
  readonly keys: ReadonlyMap<string, { readonly column: number; readonly value: string }>;
}

/** For each blind target, the data rows (0-based) holding each key; targets Find can answer are left out. */
export async function readKeyRows<Id>(
  context: Excel.RequestContext,
  targets: readonly KeyColumnTarget<Id>[],
): Promise<Map<Id, Map<string, number[]>>> {
  const found = new Map<Id, Map<string, number[]>>();
  for (const target of targets) {
    if (!target.findIsBlind || target.keys.size === 0) continue;
    const { sheet, firstRow, firstColumn, rowCount } = target;
    const byKey = new Map<string, number[]>();
    for (const [id, { column, value }] of target.keys) {
      const rows: number[] = [];
      for (let start = 0; start < rowCount; start += KEY_ROWS_PER_READ) {
        const end = Math.min(rowCount, start + KEY_ROWS_PER_READ) - 1;
        const at = rangeAddress(firstRow + start, firstColumn + column, firstRow + end, firstColumn + column);
        const range = sheet.getRange(at).load('values');
        await context.sync();
        range.values.forEach((cells, r) => {
          if (cells[0] !== '' && String(cells[0]) === value) rows.push(start + r);
        });
      }
      byKey.set(id, rows);
    }
    found.set(target.id, byKey);
  }
  return found;
}
