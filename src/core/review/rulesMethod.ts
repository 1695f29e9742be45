/**
 * 问题诊断 from the method's own sheets: 表2 goals (by row, region and owner), the funnel's
 * bottleneck and slow stages, lead response times, 表3 actions late or overdue, past-due plans,
 * effects that missed or went the wrong way, and KPIs below target.
 */
import { L, type Localized } from '../i18n';
import { dimensionOfMetric } from './causes';
import { amount, day, num, pct } from './text';
import { type Context, MAX_ROW_FINDINGS, attainmentSeverity, push } from './ruleContext';
import type { ActionRowResult, Analysis, AttainmentLine, GoalRowResult, Severity } from './types';

function shareOf(gap: number, period: number | null | undefined, ctx: Context): Localized {
  const g = amount(gap, ctx.unit);
  if (period === null || period === undefined || period <= 0) return L(`差距 ${g}`, `Gap of ${g}`);
  const p = amount(period, ctx.unit);
  return L(`差距 ${g},占季度目标 ${p} 的 ${pct(gap / period)}`, `Gap of ${g}, ${pct(gap / period)} of the period target ${p}`);
}

export function goalRules(analysis: Analysis, ctx: Context): void {
  const goals = analysis.summary.goals;
  if (goals === undefined) return;
  const rows = goals.belowTarget ?? [];
  const count = goals.belowTargetCount ?? rows.length;
  if (count > 0 && count <= MAX_ROW_FINDINGS) {
    // One finding per region and owner, however many months it missed, the largest gap first.
    const groups = new Map<string, GoalRowResult[]>();
    for (const row of rows) {
      const key = row.region !== '' || row.owner !== '' ? `${row.region}\u0000${row.owner}` : `row${row.sheetRow}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const gapOf = (group: readonly GoalRowResult[]) => group.reduce((t, r) => t + r.gap, 0);
    for (const group of [...groups.values()].sort((a, b) => gapOf(b) - gapOf(a))) {
      const [first] = group;
      if (first === undefined) continue;
      if (group.length === 1) goalRowFinding(first, goals.quarterTargets?.[first.quarter] ?? goals.periodTarget, ctx);
      else goalGroupFinding(group, goals.quarterTargets?.[first.quarter] ?? goals.periodTarget, ctx);
    }
    return;
  }
  const lines = goals.byRegion.length > 0 ? goals.byRegion : [goals.overall];
  for (const line of lines) goalLineFinding(line, goals.periodTarget, ctx);
}

function goalRowFinding(row: GoalRowResult, period: number | null | undefined, ctx: Context): void {
  const severity = attainmentSeverity(row.attainment, ctx.thresholds);
  if (severity === null) return;
  const who = row.region !== '' && row.owner !== '' ? `${row.region}(${row.owner})` : row.region || row.owner;
  const whoEn = row.region !== '' && row.owner !== '' ? `${row.region} (${row.owner})` : row.region || row.owner;
  const [actual, target] = [amount(row.actual, ctx.unit), amount(row.target, ctx.unit)];
  push(ctx, {
    rule: 'goals.belowTarget',
    key: `r${row.sheetRow}`,
    dimension: 'goals',
    severity,
    problem: L(
      `${who || `第 ${row.sheetRow} 行`} ${row.month} 未达成月度目标:达成率 ${pct(row.attainment)}(实际 ${actual} / 目标 ${target})`,
      `${whoEn || `Row ${row.sheetRow}`} ${row.month}: below the monthly target, attainment ${pct(row.attainment)} (actual ${actual} / target ${target})`,
    ),
    impact: shareOf(row.gap, period, ctx),
    cause: row.analysis,
    atStake: row.gap,
    rows: [row.sheetRow],
  });
}

/** A region (and owner) below target in several months: one finding, each month's gap named. */
function goalGroupFinding(rows: readonly GoalRowResult[], period: number | null | undefined, ctx: Context): void {
  const worst = rows.reduce((a, b) => (b.attainment < a.attainment ? b : a));
  const severity = attainmentSeverity(worst.attainment, ctx.thresholds);
  if (severity === null) return;
  const first = rows[0] as GoalRowResult;
  const who = first.region !== '' && first.owner !== '' ? `${first.region}(${first.owner})` : first.region || first.owner;
  const whoEn = first.region !== '' && first.owner !== '' ? `${first.region} (${first.owner})` : first.region || first.owner;
  const months = rows.map((r) => `${r.month} ${pct(r.attainment)}`);
  const [actual, target] = [rows.reduce((t, r) => t + r.actual, 0), rows.reduce((t, r) => t + r.target, 0)];
  push(ctx, {
    rule: 'goals.belowTarget',
    key: `r${rows.map((r) => r.sheetRow).join('-')}`,
    dimension: 'goals',
    severity,
    problem: L(
      `${who} 有 ${rows.length} 个月未达成月度目标:${months.join('、')}(合计实际 ${amount(actual, ctx.unit)} / 目标 ${amount(target, ctx.unit)})`,
      `${whoEn} below the monthly target in ${rows.length} months: ${months.join(', ')} (actual ${amount(actual, ctx.unit)} / target ${amount(target, ctx.unit)} in all)`,
    ),
    impact: shareOf(target - actual, period, ctx),
    cause: [...new Set(rows.map((r) => r.analysis).filter((a) => a !== ''))].join(ctx.locale === 'zh-CN' ? ';' : '; '),
    atStake: target - actual,
    rows: rows.map((r) => r.sheetRow),
  });
}

function goalLineFinding(line: AttainmentLine, period: number | null, ctx: Context): void {
  if (line.attainment === null) return;
  const severity = attainmentSeverity(line.attainment, ctx.thresholds);
  if (severity === null) return;
  const [actual, target] = [amount(line.actual, ctx.unit), amount(line.target, ctx.unit)];
  const name = line.name;
  push(ctx, {
    rule: 'goals.regionBelowTarget',
    key: name,
    dimension: 'goals',
    severity,
    problem: L(
      `${name || '整体'}累计未达成目标:达成率 ${pct(line.attainment)}(实际 ${actual} / 目标 ${target})`,
      `${name || 'Overall'}: below target, attainment ${pct(line.attainment)} (actual ${actual} / target ${target})`,
    ),
    impact: shareOf(line.target - line.actual, period, ctx),
    atStake: line.target - line.actual,
  });
}

export function funnelRules(analysis: Analysis, ctx: Context): void {
  const funnel = analysis.summary.funnel;
  if (funnel === undefined) return;
  const steps = funnel.steps;
  const at = steps.findIndex((s) => s.stage === funnel.bottleneck);
  const step = steps[at];
  const previous = steps[at - 1];
  if (step !== undefined && previous !== undefined && step.stepRate !== null) {
    const r = step.stepRate;
    const lost = previous.count - step.count;
    const first = steps[0]?.count ?? 0;
    push(ctx, {
      rule: 'funnel.bottleneck',
      key: '',
      dimension: 'conversion',
      severity: r < 0.3 ? 'high' : r < 0.6 ? 'medium' : 'low',
      problem: L(
        `销售漏斗瓶颈在“${step.stage}”:阶段转化率 ${pct(r)}(${previous.stage} ${num(previous.count)} → ${num(step.count)})`,
        `Funnel bottleneck at "${step.stage}": step conversion ${pct(r)} (${previous.stage} ${num(previous.count)} → ${num(step.count)})`,
      ),
      impact:
        first > 0
          ? L(
              `该阶段流失 ${num(lost)} 个商机,占首阶段的 ${pct(lost / first)}`,
              `${num(lost)} opportunities lost at this stage, ${pct(lost / first)} of the first stage`,
            )
          : L(`该阶段流失 ${num(lost)} 个商机`, `${num(lost)} opportunities lost at this stage`),
    });
  }
  const limit = ctx.thresholds.stageDays;
  for (const s of steps) {
    if (s.avgDays === null || s.avgDays <= limit) continue;
    push(ctx, {
      rule: 'funnel.slowStage',
      key: s.stage,
      dimension: 'process',
      severity: s.avgDays > 2 * limit ? 'high' : 'medium',
      problem: L(
        `“${s.stage}”阶段平均停留 ${num(s.avgDays)} 天,超过 ${num(limit)} 天`,
        `"${s.stage}" takes ${num(s.avgDays)} days on average, over ${num(limit)} days`,
      ),
      impact: L('拉长成交周期,商机可能流失', 'Longer sales cycle; opportunities may be lost'),
    });
  }
}

export function leadRules(analysis: Analysis, ctx: Context): void {
  for (const g of analysis.summary.leads?.byGrade ?? []) {
    if (g.breachRate === null || g.breachRate <= ctx.thresholds.slaBreachRate) continue;
    const hours = g.slaHours ?? 0;
    push(ctx, {
      rule: 'leads.slaBreach',
      key: g.grade,
      dimension: 'leads',
      severity: g.breachRate >= 2 * ctx.thresholds.slaBreachRate ? 'high' : 'medium',
      problem: L(
        `${g.grade} 级线索响应超时率 ${pct(g.breachRate)}(共 ${g.total} 条,${g.breached} 条超过 ${num(hours)} 小时时限)`,
        `Grade ${g.grade} leads: ${pct(g.breachRate)} answered late (${g.breached} of ${g.total} over the ${num(hours)}-hour limit)`,
      ),
      impact: L(`${g.breached} 条线索未及时跟进,可能流失商机`, `Opportunities may be lost: ${g.breached} not answered in time`),
    });
  }
}

function actionFinding(item: ActionRowResult, ctx: Context): void {
  const planned = day(item.planned);
  if (item.kind === 'overdue') {
    push(ctx, {
      rule: 'actions.overdue',
      key: `r${item.sheetRow}`,
      dimension: 'process',
      severity: item.days > 14 ? 'high' : 'medium',
      problem: L(
        `措施“${item.action}”已逾期 ${item.days} 天(计划 ${planned} 完成,尚未完成)`,
        `Action "${item.action}" is ${item.days} days overdue (planned ${planned}, not done)`,
      ),
      impact: L('改进措施未落地,相关问题仍在持续', 'The improvement has not landed; the problem persists'),
      cause: item.reason,
      rows: [item.sheetRow],
    });
    return;
  }
  const actual = item.actual === null ? '' : day(item.actual);
  push(ctx, {
    rule: 'actions.late',
    key: `r${item.sheetRow}`,
    dimension: 'process',
    severity: item.days > 7 ? 'medium' : 'low',
    problem: L(
      `措施“${item.action}”延期 ${item.days} 天完成(计划 ${planned},实际 ${actual})`,
      `Action "${item.action}" done ${item.days} days late (planned ${planned}, done ${actual})`,
    ),
    impact: L(`改进效果推迟 ${item.days} 天显现`, `The improvement took effect ${item.days} days later`),
    cause: item.reason,
    rows: [item.sheetRow],
  });
}

export function actionRules(analysis: Analysis, ctx: Context): void {
  const actions = analysis.summary.actions;
  if (actions === undefined) return;
  const items = actions.items ?? [];
  if (items.length <= MAX_ROW_FINDINGS) items.forEach((item) => actionFinding(item, ctx));
  else {
    if (actions.overdue > 0) {
      push(ctx, {
        rule: 'actions.overdue',
        key: '',
        dimension: 'process',
        severity: 'high',
        problem: L(`${actions.overdue} 项措施已逾期未完成`, `${actions.overdue} actions are overdue`),
        impact: L('改进措施未落地,相关问题仍在持续', 'The improvements have not landed; the problems persist'),
      });
    }
    if (actions.late > 0) {
      push(ctx, {
        rule: 'actions.late',
        key: '',
        dimension: 'process',
        severity: 'medium',
        problem: L(`${actions.late} 项措施延期完成`, `${actions.late} actions were done late`),
        impact: L('改进效果推迟显现', 'The improvements took effect later'),
      });
    }
  }
  const due = actions.due ?? 0;
  const done = actions.completedOfDue ?? 0;
  if (due > 0 && done / due < ctx.thresholds.completionRate) {
    push(ctx, {
      rule: 'actions.lowCompletion',
      key: '',
      dimension: 'process',
      severity: done / due < 0.5 ? 'high' : 'medium',
      problem: L(
        `到期措施完成率 ${pct(done / due)}(${done}/${due}),低于 ${pct(ctx.thresholds.completionRate)}`,
        `Only ${pct(done / due)} of due actions done (${done}/${due}), below ${pct(ctx.thresholds.completionRate)}`,
      ),
      impact: L('复盘结论未转化为行动,改进闭环断裂', 'Review conclusions are not turning into action; the loop is broken'),
    });
  }
  const plan = actions.plan;
  if (plan !== undefined && plan.pastDue > 0) {
    const names = plan.pastDueTasks.slice(0, 3).join('、');
    const namesEn = plan.pastDueTasks.slice(0, 3).join(', ');
    const more = plan.pastDue > 3 ? L(' 等', ' …') : L('', '');
    push(ctx, {
      rule: 'plan.pastDue',
      key: '',
      dimension: 'process',
      severity: 'medium',
      problem: L(
        `执行计划表中 ${plan.pastDue} 项任务已过完成时间,表3 无完成记录:${names}${more['zh-CN']}`,
        `${plan.pastDue} planned tasks are past due with no completion in T3: ${namesEn}${more['en-US']}`,
      ),
      impact: L('执行进度不透明,无法确认改进是否落地', 'Progress is not visible; nobody can tell whether the changes landed'),
    });
  }
}

export function evaluationRules(analysis: Analysis, ctx: Context): void {
  for (const m of analysis.summary.evaluation?.metrics ?? []) {
    if (m.change === null) continue;
    const fromTo = `${num(m.before ?? 0)}→${num(m.after ?? 0)}(${pct(m.change, true)})`;
    const fromToEn = `${num(m.before ?? 0)} → ${num(m.after ?? 0)} (${pct(m.change, true)})`;
    const key = `r${m.sheetRow ?? 0}`;
    const dimension = dimensionOfMetric(m.metric);
    if (m.met === false && m.goalChange !== null) {
      const achieved = m.goalChange === 0 ? 0 : m.change / m.goalChange;
      const severity: Severity = m.improved === false ? 'high' : achieved < 0.5 ? 'medium' : 'low';
      push(ctx, {
        rule: 'evaluation.missed',
        key,
        dimension,
        severity,
        problem: L(
          `“${m.metric}”未达到目标变化:${fromTo},目标 ${pct(m.goalChange, true)}`,
          `"${m.metric}" missed its target change: ${fromToEn}, target ${pct(m.goalChange, true)}`,
        ),
        impact: L('改进措施效果不及预期', 'The improvement fell short of its goal'),
      });
    } else if (m.met === null && m.improved === false) {
      push(ctx, {
        rule: 'evaluation.worse',
        key,
        dimension,
        severity: 'high',
        problem: L(`“${m.metric}”恶化:${fromTo}`, `"${m.metric}" got worse: ${fromToEn}`),
        impact: L('改进后指标反而变差', 'The metric got worse after the change'),
      });
    }
  }
}

export function kpiRules(analysis: Analysis, ctx: Context): void {
  for (const m of analysis.summary.kpi?.metrics ?? []) {
    if (m.attainment === null) continue;
    const severity = attainmentSeverity(m.attainment, ctx.thresholds);
    if (severity === null) continue;
    const unit = m.unit ?? '';
    const lower = m.polarity === 'lower' ? L(',越低越好', ', lower is better') : L('', '');
    push(ctx, {
      rule: 'kpi.belowTarget',
      key: `r${m.sheetRow ?? 0}`,
      dimension: dimensionOfMetric(m.metric),
      severity,
      problem: L(
        `KPI“${m.metric}”达成率 ${pct(m.attainment)}(实际 ${num(m.actual ?? 0)}${unit} / 目标 ${num(m.target ?? 0)}${unit}${lower['zh-CN']})`,
        `KPI "${m.metric}" at ${pct(m.attainment)} (actual ${num(m.actual ?? 0)}${unit ? ` ${unit}` : ''} / target ${num(m.target ?? 0)}${unit ? ` ${unit}` : ''}${lower['en-US']})`,
      ),
      impact: L(`${m.category || '该'}类指标未达标`, `${m.category || 'A'} metric below target`),
    });
  }
}
