/**
 * The deal register as read from a sheet: which columns hold which field (either language), and the
 * register as a snapshot for the change report. A deal marked 已移除 Removed is not in a snapshot:
 * it left the export, which the report counts as removed.
 */
import { stageOfLabel } from '../domain/stages';
import { matchHeader } from '../templates/locate';
import { deals as dealRegister } from '../templates/specs/deals';
import { isBlank } from '../values';
import type { TableSnapshot } from '../workbook';
import type { DealSnapshot, SnapshotDeal } from './changes';
import { dealStatusOf, forecastCategoryOf } from './mapping';

/** Whether a header is the register's (its key and status columns, in either language). */
export function isDealRegister(header: readonly string[]): boolean {
  const match = matchHeader(dealRegister, header);
  return match.columns.has('dealId') && match.columns.has('status') && match.columns.has('amount');
}

export function registerSnapshot(table: Pick<TableSnapshot, 'header' | 'rows'>, takenOn: number): DealSnapshot {
  const { columns } = matchHeader(dealRegister, table.header);
  const at = (row: readonly unknown[], key: string) => {
    const c = columns.get(key);
    return c === undefined ? null : (row[c] ?? null);
  };
  const deals: SnapshotDeal[] = [];
  for (const row of table.rows) {
    const id = at(row, 'dealId');
    if (isBlank(id)) continue;
    const status = dealStatusOf(String(at(row, 'status') ?? '')) ?? 'open';
    if (status === 'removed') continue;
    const amount = at(row, 'amount');
    const close = at(row, 'closeDate');
    const category = at(row, 'category');
    deals.push({
      id: String(id).trim(),
      amount: typeof amount === 'number' ? amount : null,
      stage: stageOfLabel(String(at(row, 'stage') ?? ''))?.key ?? null,
      status,
      closeDate: typeof close === 'number' ? close : null,
      category: isBlank(category) ? null : (forecastCategoryOf(String(category)) ?? null),
    });
  }
  return { takenOn, deals };
}
