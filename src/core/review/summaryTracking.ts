/**
 * The KPI summary of the tracking sheets (表3 and 执行计划表, 效果评估, KPI), from input columns
 * with the core metric functions (DELAY, CHANGE, ATTAINMENT), respecting each metric's direction.
 */
import { isMemberRow, isPilotDefinitionRow } from './summaryPilots';
import { readPolarity, verdictOf } from '../domain';
import { attainment, change } from '../metrics/attainment';
import { delay } from '../metrics/time';
import type { CleanTable } from './cleaning';
import * as read from './read';
import { columnIndex, finiteOrNull } from './summaryResults';
import type { ActionRowResult, KpiSummary } from './types';

// Module-level copies: in CommonJS output (tsx, Jest) each use of an imported binding is a getter
// call, which the 100k-row loops below would pay per cell.
const { readDate, readNumber, readText, sheetRowOf } = read;

type Actions = NonNullable<KpiSummary['actions']>;

/**
 * 表3: completed = an actual date; late = done after plan; overdue = open and planned < today.
 * 执行计划表 has no completion column, so a task counts as past due when its 完成时间 is before
 * today and 表3 has no completed row of the same text (the wizard writes an action to both).
 */
export function actionsSummary(execution: CleanTable | undefined, plan: CleanTable | undefined, today: number): Actions {
  let total = 0;
  let completed = 0;
  let late = 0;
  let overdue = 0;
  let due = 0;
  let completedOfDue = 0;
  const qualityMix: Record<string, number> = {};
  const items: ActionRowResult[] = [];
  const done = new Set<string>();
  if (execution !== undefined) {
    const { table } = execution.view;
    const [cAction, cOwner, cPlanned, cActual, cQuality, cReason] = ['action', 'owner', 'planned', 'actual', 'quality', 'reason'].map((k) =>
      columnIndex(execution, k),
    ) as [number, number, number, number, number, number];
    for (const i of execution.rows) {
      const row = table.rows[i] ?? [];
      const planned = readDate(row[cPlanned]);
      if (planned === null) continue;
      const actual = readDate(row[cActual]);
      const action = readText(row[cAction]);
      total++;
      const quality = readText(row[cQuality]);
      if (quality !== '') qualityMix[quality] = (qualityMix[quality] ?? 0) + 1;
      const isDue = Math.floor(planned) < Math.floor(today);
      if (isDue) due++;
      if (actual !== null) {
        completed++;
        done.add(action);
        if (isDue) completedOfDue++;
      }
      const days = finiteOrNull(delay(planned, actual, today));
      const kind = actual !== null ? (days !== null && days > 0 ? 'late' : null) : isDue ? 'overdue' : null;
      if (kind === null || days === null) continue;
      if (kind === 'late') late++;
      else overdue++;
      items.push({
        sheetRow: sheetRowOf(table, i),
        action,
        owner: readText(row[cOwner]),
        planned,
        actual,
        kind,
        days,
        reason: readText(row[cReason]),
      });
    }
  }
  const summary: Actions = {
    total,
    completed,
    late,
    overdue,
    completionRate: total > 0 ? completed / total : null,
    qualityMix,
    due,
    completedOfDue,
    items,
  };
  if (plan === undefined) return summary;
  const { table } = plan.view;
  const [cTask, cEnd] = ['task', 'end'].map((k) => columnIndex(plan, k)) as [number, number];
  const pastDueTasks: string[] = [];
  for (const i of plan.rows) {
    const row = table.rows[i] ?? [];
    const end = readDate(row[cEnd]);
    const task = readText(row[cTask]);
    if (end !== null && Math.floor(end) < Math.floor(today) && !done.has(task)) pastDueTasks.push(task);
  }
  return { ...summary, plan: { total: plan.rows.length, pastDue: pastDueTasks.length, pastDueTasks } };
}

/**
 * 效果评估: change = CHANGE(before, after); with a target change, met in the metric's direction
 * (lower is better: change ≤ target, e.g. 60→45 days = −25% against −25% is met); without one,
 * only improved / worse.
 */
export function evaluationSummary(clean: CleanTable): NonNullable<KpiSummary['evaluation']> {
  const { table } = clean.view;
  const [cMetric, cDirection, cBefore, cAfter, cGoal, cGroup] = ['metric', 'direction', 'before', 'after', 'goalChange', 'group'].map((k) =>
    columnIndex(clean, k),
  ) as [number, number, number, number, number, number];
  // A pilot or control member's row is part of a comparison (summaryPilots.ts), not a metric of its own.
  // A row defining a pilot over the register (试点开始) is that pilot's, not a metric either.
  const rows = clean.rows.filter(
    (i) => !isMemberRow((table.rows[i] ?? [])[cGroup]) && !isPilotDefinitionRow(clean.view, table.rows[i] ?? []),
  );
  return {
    metrics: rows.map((i) => {
      const row = table.rows[i] ?? [];
      const polarity = polarityOf(row[cDirection]);
      const before = readNumber(row[cBefore]) ?? 0;
      const after = readNumber(row[cAfter]);
      const changed = after === null ? null : finiteOrNull(change(before, after));
      const goalChange = readNumber(row[cGoal]);
      const met = goalChange === null || changed === null ? null : verdictOf(changed, goalChange, polarity) === 'met';
      const trend = verdictOf(changed, null, polarity);
      const improved = trend === null || trend === 'flat' ? null : trend === 'improved';
      return {
        metric: readText(row[cMetric]),
        change: changed,
        goalChange,
        met,
        polarity,
        before,
        after,
        improved,
        sheetRow: sheetRowOf(table, i),
      };
    }),
  };
}

/** KPI: ATTAINMENT(actual, target, direction); a blank actual is not reported yet. */
export function kpiSummary(clean: CleanTable): NonNullable<KpiSummary['kpi']> {
  const { table } = clean.view;
  const [cCategory, cMetric, cDirection, cUnit, cTarget, cActual] = ['category', 'metric', 'direction', 'unit', 'target', 'actual'].map(
    (k) => columnIndex(clean, k),
  ) as [number, number, number, number, number, number];
  return {
    metrics: clean.rows.map((i) => {
      const row = table.rows[i] ?? [];
      const polarity = polarityOf(row[cDirection]);
      const target = readNumber(row[cTarget]) ?? 0;
      const actual = readNumber(row[cActual]);
      return {
        category: readText(row[cCategory]),
        metric: readText(row[cMetric]),
        attainment: actual === null ? null : finiteOrNull(attainment(actual, target, polarity)),
        polarity,
        target,
        actual,
        unit: readText(row[cUnit]),
        sheetRow: sheetRowOf(table, i),
      };
    }),
  };
}

function polarityOf(cell: Parameters<typeof readText>[0]): 'higher' | 'lower' {
  const text = readText(cell);
  return readPolarity(text === '' ? null : text) ?? 'higher';
}
