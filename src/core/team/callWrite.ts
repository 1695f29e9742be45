/**
 * Writing 预测提报 (issue 24): a rep's call, or the manager's adjustment of it, is always a new row —
 * the earlier rows stay as they were (the history the accuracy is scored from). The register's own
 * figures at that moment come from 销售预测 (its 承诺 and 最可能 for the rep's period).
 */
import { matchHeader } from '../templates/locate';
import { forecast as forecastSpec } from '../templates/specs/forecast';
import { forecastCalls } from '../templates/specs/team';
import { type RowWritePlan, appendRowWrite } from '../templates/rowWrite';
import type { CellValue, TableSnapshot } from '../workbook';
import type { ForecastCall } from './calls';

/** One submission: the call, who made it and when (a serial with the time of day). */
export type CallSubmission = Omit<ForecastCall, 'row' | 'actual'> & { readonly submittedAt: number; readonly submittedBy?: string };

/** Columns a submission fills; a 预测提报 without one of them takes nothing. */
const CALL_COLUMNS = ['week', 'rep', 'start', 'end', 'commit', 'submittedAt'] as const;

export type CallWritePlan = RowWritePlan;

/** The row of a submission for 预测提报 as read (either language, any column order); appended, never over a row. */
export function callTableWrite(
  submission: CallSubmission,
  table: Pick<TableSnapshot, 'sheetName' | 'tableName' | 'header' | 'firstColumn' | 'headerRow'>,
  options: { readonly portable?: boolean } = {},
): CallWritePlan {
  return appendRowWrite(forecastCalls, { ...submission }, table, { ...options, needs: CALL_COLUMNS });
}

/** The manager's adjustment of a call: the rep's figures kept, the adjusted commit and the note added, as a new row. */
export function adjustmentOf(call: ForecastCall, adjustedCommit: number, note: string, at: number, by?: string): CallSubmission {
  const { row: _row, actual: _actual, submittedAt: _at, adjustedCommit: _before, note: _note, ...kept } = call;
  return {
    ...kept,
    adjustedCommit,
    ...(note.trim() !== '' ? { note: note.trim() } : {}),
    submittedAt: at,
    ...(by ? { submittedBy: by } : {}),
  };
}

/** What 销售预测 says for a rep on a day: the period of their row and its 承诺 / 最可能 (summed over regions). */
export interface RegisterFigures {
  readonly start: number;
  readonly end: number;
  readonly commit?: number;
  readonly bestCase?: number;
}

export function registerFigures(
  forecast: Pick<TableSnapshot, 'header' | 'rows'> | undefined,
  rep: string,
  day: number,
): RegisterFigures | undefined {
  if (!forecast) return undefined;
  const match = matchHeader(forecastSpec, forecast.header);
  const at = (row: readonly CellValue[], key: string): CellValue | undefined => {
    const i = match.columns.get(key);
    return i === undefined ? undefined : row[i];
  };
  const num = (v: CellValue | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  let found: { start: number; end: number; commit?: number; bestCase?: number } | undefined;
  for (const row of forecast.rows) {
    const [owner, start, end] = [String(at(row, 'owner') ?? '').trim(), num(at(row, 'start')), num(at(row, 'end'))];
    if (owner !== rep || start === undefined || end === undefined || day < start || day > end) continue;
    found ??= { start, end };
    const [commit, bestCase] = [num(at(row, 'commit')), num(at(row, 'bestCase'))];
    if (commit !== undefined) found.commit = (found.commit ?? 0) + commit;
    if (bestCase !== undefined) found.bestCase = (found.bestCase ?? 0) + bestCase;
  }
  return found;
}

/** The Monday of the week holding `day` (day serials: serial 2 is a Monday, 1900-01-01 a Sunday). */
export const weekOf = (day: number): number => {
  const d = Math.floor(day);
  return d - ((d + 5) % 7);
};
