/**
 * 组织架构's roll-up in the review: 表2's targets and actuals (by 负责人 and month), each rep's latest
 * call (预测提报) and the register's forecast (销售预测: won + commit) summed at rep, manager, region
 * and team level, each item where its rep belonged on its own day (core/team/org.ts). Names that
 * 组织架构 does not know are listed, never dropped: their numbers count in the team line only.
 */
import { serialFromDate } from '../dates';
import { parsePeriod } from '../periods';
import { type OrgItem, calledCommit, latestCalls, rollUp } from '../team';
import { type HierarchySummary, ROLLUP_MEASURES, type RollupMeasure } from './callTypes';
import { cellOf, readDate, readMonth, readNumber, readText, viewOf } from './read';
import { readTeamTables } from './summaryCalls';
import type { WorkbookData } from './types';

function rowsOf(data: WorkbookData, id: 'goals' | 'forecast', keys: readonly string[]) {
  const view = viewOf(data, id);
  if (!view) return [];
  const at = cellOf(view);
  return view.table.rows.map((row) => Object.fromEntries(keys.map((k) => [k, at(row, k)])));
}

/** The roll-up as of `asOf`, or undefined without 组织架构. */
export function hierarchySummary(data: WorkbookData, asOf: number, team = readTeamTables(data)): HierarchySummary | undefined {
  const { org } = team;
  if (org.length === 0) return undefined;
  const items: OrgItem<RollupMeasure>[] = [];
  for (const row of rowsOf(data, 'goals', ['owner', 'month', 'monthTarget', 'actual'])) {
    const rep = readText(row.owner as never);
    const period = parsePeriod(readMonth(row.month as never));
    const target = readNumber(row.monthTarget as never);
    if (rep === '' || period?.kind !== 'month' || target === null) continue;
    const actual = readNumber(row.actual as never);
    // A month's numbers belong where the rep was at its end.
    const day = serialFromDate(period.year, period.index + 1, 1) - 1;
    items.push({ rep, day, values: { target, ...(actual !== null ? { actual } : {}) } });
  }
  for (const call of latestCalls(team.calls.calls, asOf + 1)) {
    const called = calledCommit(call);
    if (called !== undefined && call.start <= asOf && asOf <= call.end)
      items.push({ rep: call.rep, day: Math.min(asOf, call.end), values: { called } });
  }
  for (const row of rowsOf(data, 'forecast', ['owner', 'start', 'end', 'won', 'commit'])) {
    const rep = readText(row.owner as never);
    const [start, end] = [readDate(row.start as never), readDate(row.end as never)];
    if (rep === '' || start === null || end === null || asOf < start || asOf > end) continue;
    const forecast = (readNumber(row.won as never) ?? 0) + (readNumber(row.commit as never) ?? 0);
    items.push({ rep, day: Math.min(asOf, end), values: { forecast } });
  }
  const { lines, unassigned } = rollUp(org, items, ROLLUP_MEASURES);
  return { lines, unplaced: [...new Set(unassigned.map((i) => i.rep))] };
}
