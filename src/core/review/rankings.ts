/**
 * Rank change since the last review (source 003 五: 与团队内其他成员对比, over time): each report's
 * team ranking is kept in 复盘排名, keyed by its review id; the next report reads the latest
 * earlier review's ranks and shows how far each owner moved.
 */
import { specLayout } from '../templates/layout';
import { matchHeader } from '../templates/locate';
import { reviewRankings } from '../templates/specs/rankings';
import type { TableSnapshot, TableWrite, WriteCell } from '../workbook';
import { readDate, readText } from './read';
import type { WorkbookData } from './types';

export interface PreviousRanks {
  readonly reviewId: string;
  readonly ranks: ReadonlyMap<string, number>;
}

/** The ranks of the latest review before `reviewId` (by date, then id), or undefined without one. */
export function previousRanks(data: WorkbookData, reviewId: string): PreviousRanks | undefined {
  const table = data.reviewRankings;
  if (!table) return undefined;
  const { columns } = matchHeader(reviewRankings, table.header);
  const [cId, cDate, cOwner, cRank] = ['reviewId', 'date', 'owner', 'rank'].map((k) => columns.get(k));
  if (cId === undefined || cOwner === undefined || cRank === undefined) return undefined;
  const reviews = new Map<string, { date: number; ranks: Map<string, number> }>();
  for (const row of table.rows) {
    const id = readText(row[cId]);
    const owner = readText(row[cOwner]);
    const rank = row[cRank];
    if (id === '' || id === reviewId || owner === '' || typeof rank !== 'number') continue;
    const review = reviews.get(id) ?? { date: (cDate !== undefined ? readDate(row[cDate]) : null) ?? 0, ranks: new Map() };
    review.ranks.set(owner, rank);
    reviews.set(id, review);
  }
  const [latest] = [...reviews].sort(([a, x], [b, y]) => y.date - x.date || b.localeCompare(a));
  return latest ? { reviewId: latest[0], ranks: latest[1].ranks } : undefined;
}

/** The write that keeps a report's ranking in the rankings table as read (`table`), keyed by its review id. */
export function rankingWrite(
  reviewId: string,
  date: number,
  ranking: readonly { readonly owner: string; readonly rank: number; readonly attainment: number | null }[],
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
): TableWrite {
  const match = matchHeader(reviewRankings, table.header);
  const layout = specLayout(reviewRankings.columns, table, match, true);
  const rows = ranking.map((line): WriteCell[] => {
    const values: Record<string, WriteCell> = { reviewId, date, owner: line.owner, rank: line.rank, attainment: line.attainment };
    return layout.byPosition.map((column) => (column === undefined ? null : (values[column.key] ?? null)));
  });
  const key = match.columns.get('reviewId');
  return {
    location: layout.location,
    header: table.header,
    computed: layout.computed,
    rows,
    ...(key !== undefined ? { key: { column: key, value: reviewId } } : {}),
  };
}
