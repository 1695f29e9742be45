/**
 * Snapshots of the deal register kept in the 商机快照 sheet: a snapshot as rows to write (keyed by
 * its 快照编号, so the same day's snapshot is replaced, never doubled) and the sheet read back as
 * snapshots, oldest first, for the change report between any two (default: the last two).
 */
import { isoFromSerial } from '../dates';
import { FUNNEL_STAGES, stageOfLabel } from '../domain/stages';
import type { Locale } from '../i18n';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { dealSnapshots } from '../templates/specs/deals';
import { isBlank } from '../values';
import type { TableSnapshot, TableWrite, WriteCell } from '../workbook';
import type { DealSnapshot, SnapshotDeal } from './changes';
import { DEAL_STATUSES, FORECAST_CATEGORIES } from './fields';
import { dealStatusOf, forecastCategoryOf } from './mapping';

export const snapshotId = (takenOn: number): string => `S-${isoFromSerial(takenOn)}`;

const labelOf = (
  list: readonly { readonly key: string; readonly label: Readonly<Record<Locale, string>> }[],
  key: string | null,
  locale: Locale,
) => (key === null ? null : (list.find((item) => item.key === key)?.label[locale] ?? key));

/** The write that stores `snapshot` in the snapshots table as read (`table`). */
export function snapshotWrite(
  snapshot: DealSnapshot,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
): TableWrite {
  const match = matchHeader(dealSnapshots, table.header);
  const layout = specLayout(dealSnapshots.columns, table, match, true);
  const locale = match.locale;
  const id = snapshotId(snapshot.takenOn);
  const rows = snapshot.deals.map((deal): WriteCell[] => {
    const values: Record<string, WriteCell> = {
      snapshotId: id,
      takenOn: Math.floor(snapshot.takenOn),
      dealId: deal.id,
      amount: deal.amount,
      stage: labelOf(FUNNEL_STAGES, deal.stage, locale),
      status: labelOf(DEAL_STATUSES, deal.status, locale),
      closeDate: deal.closeDate,
      category: labelOf(FORECAST_CATEGORIES, deal.category, locale),
    };
    return layout.byPosition.map((column) => (column === undefined ? null : (values[column.key] ?? null)));
  });
  const key = match.columns.get('snapshotId');
  return {
    location: layout.location,
    header: table.header,
    computed: layout.computed,
    rows,
    ...(key !== undefined ? { key: { column: key, value: id } } : {}),
  };
}

/** Whether a header is the snapshots table's. */
export function isSnapshotTable(header: readonly string[]): boolean {
  const { columns } = matchHeader(dealSnapshots, header);
  return columns.has('snapshotId') && columns.has('takenOn') && columns.has('dealId');
}

/** Every snapshot of the table, oldest first. */
export function readSnapshots(table: Pick<TableSnapshot, 'header' | 'rows'>): DealSnapshot[] {
  const { columns } = matchHeader(dealSnapshots, table.header);
  const at = (row: readonly unknown[], key: string) => {
    const c = columns.get(key);
    return c === undefined ? null : (row[c] ?? null);
  };
  const byDay = new Map<number, SnapshotDeal[]>();
  for (const row of table.rows) {
    const takenOn = at(row, 'takenOn');
    const id = at(row, 'dealId');
    if (typeof takenOn !== 'number' || isBlank(id)) continue;
    const amount = at(row, 'amount');
    const close = at(row, 'closeDate');
    const category = at(row, 'category');
    const list = byDay.get(takenOn) ?? [];
    list.push({
      id: String(id).trim(),
      amount: typeof amount === 'number' ? amount : null,
      stage: stageOfLabel(String(at(row, 'stage') ?? ''))?.key ?? null,
      status: dealStatusOf(String(at(row, 'status') ?? '')) ?? 'open',
      closeDate: typeof close === 'number' ? close : null,
      category: isBlank(category) ? null : (forecastCategoryOf(String(category)) ?? null),
    });
    byDay.set(takenOn, list);
  }
  return [...byDay.entries()].sort(([a], [b]) => a - b).map(([takenOn, deals]) => ({ takenOn, deals }));
}
