/**
 * Snapshots of the deal register kept in the 商机快照 sheet: a snapshot as rows to write (keyed by
 * its 快照编号, so the same day's snapshot is replaced, never doubled) and the sheet read back as
 * snapshots, oldest first, for the change report between any two (default: the last two).
 */
import { isoFromSerial } from '../dates';
import { FUNNEL_STAGES } from '../domain/stages';
import { type Locale, type Localized, labelOfKey } from '../i18n';
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { dealSnapshots } from '../templates/specs/deals';
import type { TableSnapshot, TableWrite, WriteCell } from '../workbook';
import type { DealSnapshot, SnapshotDeal } from './changes';
import { DEAL_STATUSES, FORECAST_CATEGORIES } from './fields';
import { YES_NO } from '../domain/records';
import { snapshotDealOf } from './register';

const snapshotId = (takenOn: number): string => `S-${isoFromSerial(takenOn)}`;

const labelOf = <K extends string>(list: readonly { readonly key: K; readonly label: Localized }[], key: K | null, locale: Locale) =>
  key === null ? null : labelOfKey(list, key)[locale];

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
      exitMet: deal.exitMet === undefined ? null : labelOfKey(YES_NO, deal.exitMet ? 'yes' : 'no')[locale],
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
  const byDay = new Map<number, SnapshotDeal[]>();
  for (const row of table.rows) {
    const c = columns.get('takenOn');
    const takenOn = c === undefined ? null : row[c];
    const deal = snapshotDealOf(row, columns);
    if (typeof takenOn !== 'number' || deal === undefined) continue;
    const list = byDay.get(takenOn) ?? [];
    list.push(deal);
    byDay.set(takenOn, list);
  }
  return [...byDay.entries()].sort(([a], [b]) => a - b).map(([takenOn, deals]) => ({ takenOn, deals }));
}
