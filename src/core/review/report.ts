/**
 * 复盘报告: the report of one review (source 000 数据分析's 报告生成; source 003 §5's comparisons)
 * as pure data — the KPI summary with 目标对比/环比/同比, the team ranking, the findings, the actions
 * and four charts (funnel, target vs actual, monthly trend, ranking). `reportLayout.ts` turns it into
 * a sheet; the pane draws the same charts; `npm run workbook -- report --json` prints it.
 */
import { AREA_LABELS } from '../domain';
import { L, type Locale } from '../i18n';
import type { TemplateId } from '../templates/types';
import { goalComparison, teamRanking } from './comparisons';
import { previousRanks } from './rankings';
import type { Action, Analysis, AreaEvaluation, Finding, Severity, WorkbookData } from './types';
import { REVIEW_RULES } from './rules';

export interface ReportKpi {
  readonly key: string;
  readonly label: string;
  readonly target: number | null;
  readonly actual: number | null;
  /** actual / target for the KPI's direction; null without a target. */
  readonly attainment: number | null;
  /** 环比 and 同比 as relative changes; null where the data has no such period. */
  readonly previous: number | null;
  readonly lastYear: number | null;
  /** How the values show: money-like numbers, or rates. */
  readonly unit: 'number' | 'percent';
}

export interface ReportFinding {
  readonly problem: string;
  readonly impact: string;
  readonly cause: string;
  readonly severity: Severity;
  /** The sheet the finding was read from ('' for the manager's own). */
  readonly sheet: string;
  /** The money at stake, in the workbook's unit (Finding.atStake). */
  readonly atStake?: number;
  /** The rows of `sheet` it was read from (Finding.rows). */
  readonly rows?: readonly number[];
}

/** Rows listed by name before the rest are counted. */
const LISTED_ROWS = 10;

/** Where a finding can be checked: 表2 销售目标分解与跟踪表 第 3、5 行 / T2 … rows 3, 5. */
export function findingSource(finding: Pick<ReportFinding, 'sheet' | 'rows'>, locale: Locale): string {
  const rows = finding.rows ?? [];
  if (finding.sheet === '' || rows.length === 0) return finding.sheet;
  const listed = rows.slice(0, LISTED_ROWS);
  const more = rows.length - listed.length;
  return locale === 'zh-CN'
    ? `${finding.sheet} 第 ${listed.join('、')} 行${more > 0 ? ` 等 ${rows.length} 行` : ''}`
    : `${finding.sheet} ${rows.length === 1 ? 'row' : 'rows'} ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export interface ReportAction {
  readonly task: string;
  readonly owner: string;
  readonly due: number | null;
  readonly metric: string;
  readonly target: string;
}

export interface RankingLine {
  readonly rank: number;
  /** Places moved up since the last review's report (negative: down); null when the owner was not ranked then. */
  readonly rankChange: number | null;
  readonly owner: string;
  readonly attainment: number | null;
  readonly coverage: number | null;
  readonly activityPerDay: number | null;
}

export type ReportChartId = 'funnel' | 'targetVsActual' | 'trend' | 'ranking';

export interface ReportChart {
  readonly id: ReportChartId;
  readonly kind: 'funnel' | 'column' | 'line' | 'bar';
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  /** How the values show (axis and labels). */
  readonly unit: 'number' | 'percent';
}

export interface ReviewReport {
  readonly reviewId: string;
  readonly locale: Locale;
  readonly title: string;
  readonly period: string;
  readonly date: number;
  /** The unit every amount of the report is in (万元), when the workbook says one. */
  readonly moneyUnit?: string;
  readonly kpis: readonly ReportKpi[];
  readonly ranking: readonly RankingLine[];
  readonly teamAverage: Omit<RankingLine, 'rank' | 'rankChange' | 'owner'> | null;
  /** The review the rank changes compare with. */
  readonly previousReviewId: string | null;
  /** 过程评估: each area's evidence and the manager's note. */
  readonly process: readonly { readonly area: string; readonly evidence: readonly string[]; readonly note: string }[];
  readonly findings: readonly ReportFinding[];
  readonly actions: readonly ReportAction[];
  /** Only the charts the data can draw, in the order above. */
  readonly charts: readonly ReportChart[];
}

export interface ReportInput {
  readonly reviewId: string;
  readonly date: number;
  readonly period: string;
  readonly analysis: Analysis;
  readonly areas: readonly AreaEvaluation[];
  readonly findings: readonly Finding[];
  readonly actions: readonly Action[];
  /** For the sheet each finding came from. */
  readonly data: WorkbookData;
  /** The report's language (its sheet's). */
  readonly locale: Locale;
  /** The workbook's money unit as written after figures (万元). */
  readonly moneyUnit?: string;
}

const GROUPED: Readonly<Record<number, Intl.NumberFormat>> = {
  1: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  2: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};

/**
 * How a report number shows, the same in the pane, its charts and the picture: 91.7% for rates,
 * 1,234.5 for amounts, — for none; `signed` puts + before a rise (环比, 同比).
 */
export function showReportValue(
  value: number | null | undefined,
  unit: ReportKpi['unit'],
  options: { readonly signed?: boolean; readonly digits?: 1 | 2 } = {},
): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'number') return (GROUPED[options.digits ?? 1] as Intl.NumberFormat).format(value);
  return `${options.signed && value > 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
}

/** 复盘报告 R2026-12-01: one sheet per review id, the key a second report of it replaces. */
export const reportSheetName = (reviewId: string, locale: Locale): string => `${L('复盘报告', 'Review Report')[locale]} ${reviewId}`;

/** The template a rule reads (rule ids are `area.name`, core/review/rules*.ts). */
/** Each rule id's sheet, as the rules declare it (rules.ts). */
const RULE_SOURCES: Readonly<Record<string, TemplateId>> = Object.fromEntries(REVIEW_RULES.flatMap((rule) => Object.entries(rule.states)));

export function sourceOfRule(rule: string | undefined): TemplateId | undefined {
  if (rule === undefined) return undefined;
  return RULE_SOURCES[rule];
}

const change = (now: number, before: number): number | null => (before === 0 ? null : (now - before) / Math.abs(before));

/** A figure that has no target of its own: what it is, its value and its unit. */
const figure = (key: string, label: string, actual: number, unit: ReportKpi['unit'], previous: number | null = null): ReportKpi => ({
  key,
  label,
  target: null,
  actual,
  attainment: null,
  previous,
  lastYear: null,
  unit,
});

/** Sales against target over the reported months, and the latest month against the one before and last year's. */
function goalKpis(summary: Analysis['summary'], t: (zh: string, en: string) => string): ReportKpi[] {
  const goals = summary.goals;
  if (!goals) return [];
  const o = goals.overall;
  const kpis: ReportKpi[] = [
    {
      key: 'sales',
      label: t('销售额(已报告月份)', 'Sales (reported months)'),
      target: o.target,
      actual: o.actual,
      attainment: o.attainment,
      previous: null,
      lastYear: null,
      unit: 'number',
    },
  ];
  const compared = goalComparison(summary);
  if (compared)
    kpis.push({
      key: 'latestMonth',
      label: t(`销售额 ${compared.latest.period}`, `Sales ${compared.latest.period}`),
      target: compared.latest.target,
      actual: compared.latest.actual,
      attainment: compared.latest.attainment,
      previous: compared.previous?.change ?? null,
      lastYear: compared.lastYear?.change ?? null,
      unit: 'number',
    });
  return kpis;
}

/** Funnel conversion, actions done, coverage, satisfaction and activity: each when its sheet has it. */
function processKpis(summary: Analysis['summary'], t: (zh: string, en: string) => string): ReportKpi[] {
  const kpis: ReportKpi[] = [];
  const steps = summary.funnel?.steps ?? [];
  const [first, last] = [steps[0], steps.at(-1)];
  if (first && last && steps.length > 1 && first.count > 0)
    kpis.push(
      figure(
        'funnelConversion',
        t(`漏斗总转化(${first.stage}→${last.stage})`, `Funnel conversion (${first.stage} → ${last.stage})`),
        last.count / first.count,
        'percent',
      ),
    );
  const actions = summary.actions;
  if (actions && (actions.due ?? 0) > 0)
    kpis.push(
      figure(
        'actionCompletion',
        t('到期措施完成率', 'Due actions completed'),
        (actions.completedOfDue ?? 0) / (actions.due ?? 1),
        'percent',
      ),
    );
  const coverage = summary.deals?.coverage;
  if (coverage && coverage.ratio !== null)
    kpis.push(figure('coverage', t('商机覆盖率(在途 ÷ 缺口)', 'Pipeline coverage (open ÷ gap)'), coverage.ratio, 'number'));
  const feedback = summary.records?.feedback;
  if (feedback && feedback.averageSatisfaction !== null) {
    const months = feedback.byMonth.filter((m) => m.satisfaction !== null);
    const [before, now] = [months.at(-2)?.satisfaction, months.at(-1)?.satisfaction];
    const previous = typeof before === 'number' && typeof now === 'number' ? change(now, before) : null;
    kpis.push(
      figure('satisfaction', t('客户满意度(1–5)', 'Customer satisfaction (1–5)'), feedback.averageSatisfaction, 'number', previous),
    );
  }
  const activity = summary.records?.activity;
  if (activity && activity.reps.length > 0)
    kpis.push(figure('activityPerDay', t('人均日跟进次数', 'Follow-ups per rep per day'), activity.teamPerDay, 'number'));
  return kpis;
}

function kpisOf(analysis: Analysis, locale: Locale): ReportKpi[] {
  const { summary } = analysis;
  const t = (zh: string, en: string) => L(zh, en)[locale];
  const metrics = (summary.kpi?.metrics ?? []).map(
    (metric): ReportKpi => ({
      key: `kpi:${metric.metric}`,
      label: metric.metric,
      target: metric.target ?? null,
      actual: metric.actual ?? null,
      attainment: metric.attainment,
      previous: null,
      lastYear: null,
      unit: metric.target !== undefined && Math.abs(metric.target) <= 1 ? 'percent' : 'number',
    }),
  );
  return [...goalKpis(summary, t), ...processKpis(summary, t), ...metrics];
}

function chartsOf(analysis: Analysis, ranking: readonly RankingLine[], locale: Locale): ReportChart[] {
  const { summary } = analysis;
  const t = (zh: string, en: string) => L(zh, en)[locale];
  const charts: ReportChart[] = [];
  const steps = summary.funnel?.steps ?? [];
  const byStage = summary.deals?.byStage ?? [];
  if (steps.length > 0)
    charts.push({
      id: 'funnel',
      kind: 'funnel',
      title: t('销售漏斗', 'Sales funnel'),
      categories: steps.map((s) => s.stage),
      series: [{ name: t('数量', 'Count'), values: steps.map((s) => s.count) }],
      unit: 'number',
    });
  else if (byStage.length > 0)
    charts.push({
      id: 'funnel',
      kind: 'funnel',
      title: t('在途商机(按阶段)', 'Open pipeline by stage'),
      categories: byStage.map((s) => s.label),
      series: [{ name: t('数量', 'Count'), values: byStage.map((s) => s.count) }],
      unit: 'number',
    });
  const goals = summary.goals;
  const lines = goals ? (goals.byRegion.length > 1 ? goals.byRegion : goals.byOwner) : [];
  if (goals && lines.length > 0) {
    const byRegion = lines === goals.byRegion;
    charts.push({
      id: 'targetVsActual',
      kind: 'column',
      title: byRegion ? t('目标与实际(按区域)', 'Target vs actual by region') : t('目标与实际(按负责人)', 'Target vs actual by owner'),
      categories: lines.map((l) => l.name),
      series: [
        { name: t('目标', 'Target'), values: lines.map((l) => l.target) },
        { name: t('实际', 'Actual'), values: lines.map((l) => l.actual) },
      ],
      unit: 'number',
    });
  }
  const months = (goals?.byMonth ?? []).filter((m) => m.attainment !== null);
  if (months.length > 0)
    charts.push({
      id: 'trend',
      kind: 'line',
      title: t('月度趋势', 'Monthly trend'),
      categories: months.map((m) => m.name),
      series: [
        { name: t('目标', 'Target'), values: months.map((m) => m.target) },
        { name: t('实际', 'Actual'), values: months.map((m) => m.actual) },
      ],
      unit: 'number',
    });
  if (ranking.some((r) => r.attainment !== null))
    charts.push({
      id: 'ranking',
      kind: 'bar',
      title: t('团队排名(达成率)', 'Team ranking (attainment)'),
      categories: ranking.map((r) => r.owner),
      series: [{ name: t('达成率', 'Attainment'), values: ranking.map((r) => r.attainment) }],
      unit: 'percent',
    });
  return charts;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

export function buildReviewReport(input: ReportInput): ReviewReport {
  const { analysis, locale } = input;
  const team = teamRanking(analysis.summary);
  const previous = previousRanks(input.data, input.reviewId);
  const ranking: RankingLine[] = (team?.owners ?? []).map((o) => ({
    rank: o.rank,
    rankChange: previous?.ranks.has(o.owner) ? (previous.ranks.get(o.owner) as number) - o.rank : null,
    owner: o.owner,
    attainment: o.attainment,
    coverage: o.coverage,
    activityPerDay: o.activityPerDay,
  }));
  const sheetOf = (f: Finding): string => {
    const id = sourceOfRule(f.rule);
    return id === undefined ? '' : (input.data[id]?.sheetName ?? '');
  };
  return {
    reviewId: input.reviewId,
    locale,
    title: reportSheetName(input.reviewId, locale),
    period: input.period,
    date: input.date,
    ...(input.moneyUnit ? { moneyUnit: input.moneyUnit } : {}),
    kpis: kpisOf(analysis, locale),
    ranking,
    teamAverage: team ? team.average : null,
    previousReviewId: previous?.reviewId ?? null,
    process: input.areas
      .filter((a) => a.evidence.length > 0 || a.note.trim() !== '')
      .map((a) => ({ area: AREA_LABELS[a.area][locale], evidence: a.evidence, note: a.note.trim() })),
    findings: [...input.findings]
      // As step 3 ranks them: the most severe first, then the most money at stake.
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (b.atStake ?? -1) - (a.atStake ?? -1))
      .map((f) => ({
        problem: f.problem,
        impact: f.impact,
        cause: f.cause,
        severity: f.severity,
        sheet: sheetOf(f),
        ...(f.atStake !== undefined ? { atStake: f.atStake } : {}),
        ...(f.rows !== undefined ? { rows: f.rows } : {}),
      })),
    actions: input.actions.map((a) => ({
      task: a.task,
      owner: a.owner,
      due: a.due,
      metric: a.metric,
      target: a.targetText ?? (a.targetValue === null ? '' : String(a.targetValue)),
    })),
    charts: chartsOf(analysis, ranking, locale),
  };
}
