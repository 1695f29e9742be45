/**
 * 预测提报 and 组织架构 as the review reads them: the rows become ForecastCall and OrgAssignment
 * (src/core/team), then per rep the latest call (the rep's, the manager's adjustment and the one
 * that counts, beside the register's figures then), the accuracy to date and the bias, and the
 * calls that are missing. Rows without a rep, a week or a period are named, not guessed.
 */
import { type ForecastCall, type OrgAssignment, calledCommit, latestCalls, missingCalls, repAccuracy } from '../team';
import type { ForecastCallSummary } from './callTypes';
import { cellOf, readDate, readNumber, readText, sheetRowOf, viewOf } from './read';
import type { WorkbookData } from './types';

const optional = <K extends string>(key: K, v: number | string | null | undefined): Partial<Record<K, number | string>> =>
  v === null || v === undefined || v === '' ? {} : ({ [key]: v } as Record<K, number | string>);

/** The rows of 预测提报 as calls, and the sheet rows that could not be read as one. */
export function readForecastCalls(data: WorkbookData): { calls: ForecastCall[]; skippedRows: number[]; sheet?: string } {
  const view = viewOf(data, 'forecastCalls');
  if (!view) return { calls: [], skippedRows: [] };
  const at = cellOf(view);
  const calls: ForecastCall[] = [];
  const skippedRows: number[] = [];
  const inputs = view.spec.columns.flatMap((c) =>
    c.formula === undefined && view.columns.has(c.key) ? [view.columns.get(c.key) as number] : [],
  );
  view.table.rows.forEach((row, i) => {
    const rep = readText(at(row, 'rep'));
    const [week, start, end] = [readDate(at(row, 'week')), readDate(at(row, 'start')), readDate(at(row, 'end'))];
    // A row with no input is a blank row of the table (its computed cells do not count).
    if (
      inputs.every((i) => {
        const v = row[i];
        return v === null || v === undefined || v === '';
      })
    )
      return;
    if (rep === '' || week === null || start === null || end === null) {
      skippedRows.push(sheetRowOf(view.table, i));
      return;
    }
    const num = (key: string) => readNumber(at(row, key));
    calls.push({
      row: i,
      rep,
      week: Math.floor(week),
      start: Math.floor(start),
      end: Math.floor(end),
      ...(optional('commit', num('commit')) as { commit?: number }),
      ...(optional('bestCase', num('bestCase')) as { bestCase?: number }),
      ...(optional('systemCommit', num('systemCommit')) as { systemCommit?: number }),
      ...(optional('systemBestCase', num('systemBestCase')) as { systemBestCase?: number }),
      ...(optional('adjustedCommit', num('adjustedCommit')) as { adjustedCommit?: number }),
      ...(optional('note', readText(at(row, 'note'))) as { note?: string }),
      ...(optional('submittedAt', readDate(at(row, 'submittedAt'))) as { submittedAt?: number }),
      ...(optional('actual', num('actual')) as { actual?: number }),
    });
  });
  return { calls, skippedRows, sheet: view.table.sheetName };
}

/** The rows of 组织架构 (rows without a region, manager or rep are left out). */
export function readOrgChart(data: WorkbookData): OrgAssignment[] {
  const view = viewOf(data, 'orgChart');
  if (!view) return [];
  const at = cellOf(view);
  return view.table.rows.flatMap((row) => {
    const [region, manager, rep] = [readText(at(row, 'region')), readText(at(row, 'manager')), readText(at(row, 'rep'))];
    if (region === '' || manager === '' || rep === '') return [];
    const [start, end] = [readDate(at(row, 'start')), readDate(at(row, 'end'))];
    return [
      { region, manager, rep, ...(start === null ? {} : { start: Math.floor(start) }), ...(end === null ? {} : { end: Math.floor(end) }) },
    ];
  });
}

/** 预测提报 and 组织架构 read once for the summaries that both use (this one and summaryOrg.ts's). */
export interface TeamTables {
  readonly calls: ReturnType<typeof readForecastCalls>;
  readonly org: OrgAssignment[];
}

export const readTeamTables = (data: WorkbookData): TeamTables => ({ calls: readForecastCalls(data), org: readOrgChart(data) });

/** The team's calls as of `asOf`: undefined when the workbook has no 预测提报. */
export function forecastCallSummary(data: WorkbookData, asOf: number, team = readTeamTables(data)): ForecastCallSummary | undefined {
  const { calls, skippedRows, sheet } = team.calls;
  if (sheet === undefined) return undefined;
  const { org } = team;
  const accuracy = repAccuracy(calls.filter((c) => c.week <= asOf));
  const latest = latestCalls(calls, asOf + 1).sort((a, b) => a.rep.localeCompare(b.rep) || b.end - a.end);
  const seen = new Set<string>();
  const reps = latest.flatMap((call) => {
    if (seen.has(call.rep)) return [];
    seen.add(call.rep);
    const scored = accuracy.filter((r) => r.name === call.rep && r.accuracy !== undefined);
    const weeks = scored.flatMap((r) => r.weeks.filter((w) => w.accuracy !== undefined));
    const record = scored.sort((a, b) => b.end - a.end)[0];
    const called = calledCommit(call);
    return [
      {
        rep: call.rep,
        week: call.week,
        ...(call.commit !== undefined ? { commit: call.commit } : {}),
        ...(call.bestCase !== undefined ? { bestCase: call.bestCase } : {}),
        ...(call.adjustedCommit !== undefined ? { adjustedCommit: call.adjustedCommit } : {}),
        ...(called !== undefined ? { called } : {}),
        ...(call.systemCommit !== undefined ? { systemCommit: call.systemCommit } : {}),
        ...(call.systemBestCase !== undefined ? { systemBestCase: call.systemBestCase } : {}),
        ...(call.note !== undefined ? { note: call.note } : {}),
        ...(weeks.length > 0
          ? {
              accuracy: weeks.reduce((s, w) => s + (w.accuracy as number), 0) / weeks.length,
              bias: weeks.reduce((s, w) => s + (w.bias as number), 0) / weeks.length,
              ...(record ? { direction: record.direction, persistent: record.persistent } : {}),
            }
          : {}),
        weeksScored: weeks.length,
      },
    ];
  });
  // Calls are due while a called period runs: from everyone in 组织架构 then, and everyone who called for it.
  const running = calls.filter((c) => c.start <= asOf && asOf <= c.end);
  const due = new Set(running.map((c) => c.rep));
  if (running.length > 0) for (const a of org) if ((a.start ?? -Infinity) <= asOf && asOf <= (a.end ?? Infinity)) due.add(a.rep);
  const byWeek = new Map<number, number[]>();
  for (const record of accuracy)
    for (const w of record.weeks) if (w.accuracy !== undefined) byWeek.set(w.week, [...(byWeek.get(w.week) ?? []), w.accuracy]);
  const trend = [...byWeek]
    .sort((a, b) => a[0] - b[0])
    .map(([week, xs]) => ({ week, accuracy: xs.reduce((s, x) => s + x, 0) / xs.length, reps: xs.length }));
  return { sheet, reps, missing: missingCalls(calls, [...due].sort(), asOf), skippedRows, trend };
}
