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
import { matchKey } from './normalize';
import { YES_NO } from '../domain/records';

/** Whether a header is the register's (its key and status columns, in either language). */
export function isDealRegister(header: readonly string[]): boolean {
  const match = matchHeader(dealRegister, header);
  return match.columns.has('dealId') && match.columns.has('status') && match.columns.has('amount');
}

/**
 * A deal as a snapshot keeps it, from a row of a table whose columns `columns` names (the register
 * or the snapshots sheet); undefined for a row without a deal id.
 */
export function snapshotDealOf(row: readonly unknown[], columns: ReadonlyMap<string, number>): SnapshotDeal | undefined {
  const at = (key: string) => {
    const c = columns.get(key);
    return c === undefined ? null : (row[c] ?? null);
  };
  const id = at('dealId');
  if (isBlank(id)) return undefined;
  const amount = at('amount');
  const close = at('closeDate');
  const category = at('category');
  const exitMet = yesNoOf(at('exitMet'));
  return {
    id: String(id).trim(),
    amount: typeof amount === 'number' ? amount : null,
    stage: stageOfLabel(String(at('stage') ?? ''))?.key ?? null,
    status: dealStatusOf(String(at('status') ?? '')) ?? 'open',
    closeDate: typeof close === 'number' ? close : null,
    category: isBlank(category) ? null : (forecastCategoryOf(String(category)) ?? null),
    ...(exitMet !== undefined ? { exitMet } : {}),
  };
}

/** 是 / 否 (either language, TRUE/FALSE too) as a boolean; anything else undefined. */
export function yesNoOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (isBlank(value as never)) return undefined;
  const text = matchKey(String(value));
  const key = YES_NO.find((y) => matchKey(y.label['zh-CN']) === text || matchKey(y.label['en-US']) === text)?.key;
  return key === undefined ? undefined : key === 'yes';
}

export function registerSnapshot(table: Pick<TableSnapshot, 'header' | 'rows'>, takenOn: number): DealSnapshot {
  const { columns } = matchHeader(dealRegister, table.header);
  const deals: SnapshotDeal[] = [];
  for (const row of table.rows) {
    const deal = snapshotDealOf(row, columns);
    if (deal !== undefined && deal.status !== 'removed') deals.push(deal);
  }
  return { takenOn, deals };
}
