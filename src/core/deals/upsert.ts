/**
 * An import's deals into the register, by 商机编号: a deal already there is updated in place (only
 * the fields the import mapped, and only when one differs), a new one is added, and — for a full
 * export — a deal of the register the export no longer has is marked 已移除 Removed, never deleted.
 * The result is one TableWrite (guarded updates + appended rows) any port carries out all-or-nothing.
 */
import { missingColumnMessage } from '../domain';
import type { Localized } from '../i18n';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { deals as dealRegister } from '../templates/specs/deals';
import { isBlank } from '../values';
import type { CellValue, RowUpdate, TableSnapshot, TableWrite, WriteCell } from '../workbook';
import { DEAL_STATUSES, type DealFieldKey } from './fields';
import type { ImportedDeal } from './importDeals';
import type { ColumnMapping } from './mapping';

export interface UpsertCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly removed: number;
}

export type DealUpsertPlan =
  | { readonly ok: true; readonly write: TableWrite; readonly counts: UpsertCounts; readonly removedIds: readonly string[] }
  | { readonly ok: false; readonly message: Localized };

export interface UpsertOptions {
  /** The export lists every deal (a full export): deals it lacks are marked removed. */
  readonly fullExport: boolean;
}

const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
};

/** Fields an import writes: those it mapped, plus the status and stage it derives. */
function writtenFields(mapping: ColumnMapping): Set<DealFieldKey> {
  const fields = new Set(Object.keys(mapping) as DealFieldKey[]);
  if (fields.has('stage')) fields.add('status');
  return fields;
}

export function planDealUpsert(
  register: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow' | 'rows'>,
  imported: readonly ImportedDeal[],
  mapping: ColumnMapping,
  options: UpsertOptions,
): DealUpsertPlan {
  const match = matchHeader(dealRegister, register.header);
  const idColumn = match.columns.get('dealId');
  const statusColumn = match.columns.get('status');
  if (idColumn === undefined || statusColumn === undefined) {
    const missing = [idColumn === undefined ? 'dealId' : 'status'].map(
      (key) => dealRegister.columns.find((c) => c.key === key)?.label[match.locale] ?? key,
    );
    return { ok: false, message: missingColumnMessage(register.sheetName, missing, 'nothingWritten') };
  }
  const layout = specLayout(dealRegister.columns, { ...register, rowCount: register.rows.length }, match, true);
  const fields = writtenFields(mapping);
  const removedLabel = DEAL_STATUSES.find((s) => s.key === 'removed')?.label[match.locale] ?? 'removed';

  const existing = new Map<string, number>();
  register.rows.forEach((row, i) => {
    const id = row[idColumn];
    if (!isBlank(id)) existing.set(String(id).trim(), i);
  });

  const updates: RowUpdate[] = [];
  const rows: WriteCell[][] = [];
  let updated = 0;
  let unchanged = 0;
  const importedIds = new Set<string>();
  for (const deal of imported) {
    importedIds.add(deal.id);
    const at = existing.get(deal.id);
    if (at === undefined) {
      rows.push(
        layout.byPosition.map((column) => {
          if (column === undefined) return null;
          if (column.formula) return layout.formulaCell(column);
          return deal.values[column.key as DealFieldKey] ?? null;
        }),
      );
      continue;
    }
    const current = register.rows[at] ?? [];
    const cells: { column: number; value: WriteCell }[] = [];
    layout.byPosition.forEach((column, c) => {
      if (column === undefined || column.formula || !fields.has(column.key as DealFieldKey)) return;
      const next = deal.values[column.key as DealFieldKey] ?? null;
      if (!same(current[c], next)) cells.push({ column: c, value: next });
    });
    // 退出标准已达成 is the current stage's check: a deal that moved to another stage starts unchecked.
    const [stageAt, exitAt] = [match.columns.get('stage'), match.columns.get('exitMet')];
    if (exitAt !== undefined && !isBlank(current[exitAt] ?? null) && cells.some((cell) => cell.column === stageAt))
      cells.push({ column: exitAt, value: null });
    if (cells.length === 0) unchanged++;
    else {
      updated++;
      updates.push({ row: at, expect: [{ column: idColumn, value: deal.id }], cells });
    }
  }

  const removedIds: string[] = [];
  if (options.fullExport) {
    for (const [id, at] of existing) {
      if (importedIds.has(id) || same(register.rows[at]?.[statusColumn], removedLabel)) continue;
      removedIds.push(id);
      updates.push({ row: at, expect: [{ column: idColumn, value: id }], cells: [{ column: statusColumn, value: removedLabel }] });
    }
  }

  return {
    ok: true,
    counts: { new: rows.length, updated, unchanged, removed: removedIds.length },
    removedIds,
    write: { location: layout.location, header: register.header, computed: layout.computed, rows, updates },
  };
}
