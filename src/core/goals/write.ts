/**
 * The goal breakdown as rows of 表2 (销售目标分解与跟踪表): one row per month × region with a
 * target above zero, in the sheet's own column order and language, computed columns (达成率, 差距)
 * as the template's own formulas at the row each lands on. No key: the rows are appended, never
 * written over existing ones.
 */
import { missingColumnMessage } from '../domain';
import type { Locale, Localized } from '../i18n';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { goals } from '../templates/specs/method';
import type { TableSnapshot, TableWrite, WriteCell } from '../workbook';
import type { GoalBreakdown } from './types';

/** Columns the breakdown fills; without one of them nothing is written. */
const GOAL_INPUT_COLUMNS = ['quarter', 'quarterTarget', 'month', 'monthTarget', 'region', 'owner'] as const;
/** Where each tier's monthly targets go. */
const TIER_COLUMNS = { stretch: 'stretchTarget', challenge: 'challengeTarget' } as const;

export type GoalWritePlan =
  | { readonly ok: true; readonly write: TableWrite; readonly rows: number; readonly locale: Locale }
  | { readonly ok: false; readonly sheetName: string; readonly missing: readonly string[]; readonly message: Localized };

/**
 * Builds the write for a 表2 table as read (`header`, `firstColumn`); the header may be in either
 * language. Rows whose target is 0 (a region or month weighted 0) are left out.
 */
export function goalTableWrite(
  breakdown: GoalBreakdown,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
  options: { readonly portable?: boolean } = {},
): GoalWritePlan {
  const match = matchHeader(goals, table.header);
  // A tier's column is needed only when the split has that tier (a 表2 from before tiers still takes plain splits).
  const needed = [...GOAL_INPUT_COLUMNS, ...breakdown.tiers.map((t) => TIER_COLUMNS[t.tier])];
  const missing = needed
    .filter((key) => !match.columns.has(key))
    .map((key) => goals.columns.find((c) => c.key === key)!.label[match.locale]);
  if (missing.length > 0) {
    const sheet = table.sheetName;
    return { ok: false, sheetName: sheet, missing, message: missingColumnMessage(sheet, missing, 'nothingWritten') };
  }

  const layout = specLayout(goals.columns, table, match, options.portable ?? false);

  const rows: WriteCell[][] = [];
  breakdown.months.forEach((month, m) => {
    breakdown.regions.forEach((region, r) => {
      const target = breakdown.cells[m]![r]!;
      if (target === 0) return;
      const values: Record<string, WriteCell> = {
        quarter: breakdown.period,
        quarterTarget: breakdown.target,
        month,
        monthTarget: target,
        region: region.name,
        owner: region.owner === '' ? null : region.owner,
        ...Object.fromEntries(breakdown.tiers.map((t) => [TIER_COLUMNS[t.tier], t.cells[m]![r]!])),
      };
      rows.push(
        layout.byPosition.map((column) =>
          column === undefined ? null : column.formula ? layout.formulaCell(column) : (values[column.key] ?? null),
        ),
      );
    });
  });

  return {
    ok: true,
    rows: rows.length,
    locale: match.locale,
    write: {
      location: layout.location,
      header: table.header,
      computed: layout.computed,
      rows,
    },
  };
}
