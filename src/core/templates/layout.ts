/**
 * A template's columns laid over a table as it stands in a sheet: each header position mapped
 * back to its spec column (either language), computed columns as the spec's own formulas rendered
 * at the row each written row lands on. The goal breakdown and the review write both build their
 * `TableWrite` rows through it.
 */
import type { Locale } from '../i18n';
import type { TableLocation, TableSnapshot, WriteCell } from '../workbook';
import type { HeaderMatch } from './locate';
import { type FormulaContext, renderFormula } from './plan';
import type { ColumnSpec } from './types';

/** What a layout needs of a table as read; `rowCount` sizes whole-column references. */
export type TableShape = Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'> & {
  readonly rowCount?: number;
};

export interface SpecLayout {
  readonly locale: Locale;
  readonly location: TableLocation;
  /** Per header position: the spec column there, if any. */
  readonly byPosition: readonly (ColumnSpec | undefined)[];
  /** Per header position: a computed (formula) column. */
  readonly computed: readonly boolean[];
  /** A computed column's cell: its formula at the row it lands on, or blank when it refers to a column the sheet lacks. */
  formulaCell(column: ColumnSpec): WriteCell;
}

/**
 * `references`: the columns of the templates the spec uses (`templateReferences`), for formulas
 * over another table (组织架构's roll-up of 预测提报); without them such a formula is left blank.
 */
export function specLayout(
  columns: readonly ColumnSpec[],
  table: TableShape,
  match: HeaderMatch,
  portable: boolean,
  references?: ReadonlyMap<string, string>,
): SpecLayout {
  const byPosition: (ColumnSpec | undefined)[] = table.header.map(() => undefined);
  for (const column of columns) {
    const at = match.columns.get(column.key);
    if (at !== undefined) byPosition[at] = column;
  }
  const ctx: FormulaContext = {
    locale: match.locale,
    portable,
    columnIndex: new Map([...match.columns].map(([key, at]) => [key, table.firstColumn + at])),
    firstDataRow: table.headerRow + 1,
    lastDataRow: table.headerRow + 1 + (table.rowCount ?? 0),
    ...(references ? { references } : {}),
  };
  return {
    locale: match.locale,
    location: { sheetName: table.sheetName, ...(table.tableName !== undefined ? { tableName: table.tableName } : {}) },
    byPosition,
    computed: byPosition.map((column) => column?.formula !== undefined),
    formulaCell(column) {
      const formula = column.formula;
      if (formula === undefined) return null;
      // A formula over a column the sheet lacks (月度实际完成 deleted) is left blank rather than broken.
      try {
        renderFormula(formula, ctx.firstDataRow, ctx);
      } catch {
        return null;
      }
      return { formulaAt: (sheetRow: number) => `=${renderFormula(formula, sheetRow, ctx)}` };
    },
  };
}
