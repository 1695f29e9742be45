/**
 * `npm run workbook -- report <book.xlsx>`: steps 1–3 of the review with their automatic findings
 * (数据分析, 过程评估, 问题诊断) on a workbook file, written into it as the 复盘报告 sheet of the
 * review id — the same sheet the wizard writes, its charts placed as pictures — and returned for
 * `--json`. A second run with the same review id replaces that sheet.
 */
import * as echarts from 'echarts';
import {
  type Analysis,
  type DataCheckExample,
  type ForecastCallSummary,
  type ForecastLine,
  type GoalTier,
  type KpiSummary,
  type MeetingsSummary,
  actionItemsToFollow,
  type Locale,
  type ReportChartId,
  type ReviewReport,
  analyseWorkbook,
  automaticReview,
  buildReviewReport,
  dataChecks,
  goalComparison,
  isoFromSerial,
  newReviewId,
  reviewDateOf,
  serialFromIso,
  todaySerial,
} from '../core';
import { pngFromSvg } from '../files/png';
import { CHART_SIZE, type EChartsModule, chartSvg } from '../files/reportPicture';
import { WorkbookFileError } from '../files/xlsxGuard';
import type { ChartPicture } from '../workbook/port';
import { readReviewData } from '../workbook/reviewData';
import { writeReviewReport } from '../workbook/reviewReport';
import { type OpenBookOptions, openBook } from './book';
import { UsageError } from './usage';

export interface ReportOptions extends OpenBookOptions {
  readonly book: string;
  readonly locale: Locale;
  readonly asOf?: string;
  readonly reviewId?: string;
  readonly period?: string;
}

export interface ReportSummary {
  readonly reviewId: string;
  readonly sheet: string;
  readonly replaced: boolean;
  /** Ranked as the report ranks them; `atStake` in the workbook's unit, `rows` of `sheet` to check. */
  readonly findings: readonly {
    problem: string;
    impact: string;
    cause: string;
    severity: string;
    sheet: string;
    atStake?: number;
    rows?: readonly number[];
  }[];
  readonly kpis: Readonly<Record<string, Omit<ReviewReport['kpis'][number], 'key'>>>;
  readonly charts: number;
  /** 数据体检: what is wrong with the data, with example rows and the fix. */
  readonly dataChecks: readonly { kind: string; count: number; message: string; fix: string; examples: readonly DataCheckExample[] }[];
  /** 预测提报, when the workbook has it: per rep the latest call, the adjustment, the accuracy to date; missing calls. */
  readonly forecastCalls?: ForecastCallSummary;
  /** 目标 / 冲刺 / 挑战 over 表2's reported rows, when it gives a stretch or a challenge, and the tier reached. */
  readonly tiers?: NonNullable<KpiSummary['goals']>['tiers'];
  /** 效果评估's pilot and control groups per metric: the difference in differences, the exact permutation test's p, the verdict. */
  readonly pilots?: readonly {
    readonly metric: string;
    readonly pilotMembers: number;
    readonly controlMembers: number;
    readonly pilotChange: number;
    readonly controlChange: number;
    readonly difference: number;
    readonly pValue: number;
    readonly smallestP: number;
    readonly arrangements: number;
    readonly method: string;
    readonly verdict: string;
    readonly reason: string;
    readonly statement: string;
    /** A pilot over the register or the records: the measure, the spans compared (ISO days) and the reps left out. */
    readonly measured?: {
      readonly measure: string;
      readonly before: readonly string[];
      readonly after: readonly string[];
      readonly leftOut: readonly string[];
    };
  }[];
  /** 阶段标准: 流程达标率 overall and per owner, and each deal that skipped exit criteria or overstayed. */
  readonly stageCompliance?: {
    readonly checked: number;
    readonly compliant: number;
    readonly rate: number;
    readonly exitTracked: boolean;
    readonly byOwner: readonly { owner: string; checked: number; compliant: number; rate: number }[];
    readonly issues: readonly { sheetRow: number; id: string; owner: string; kind: string; stage: string; days?: number; limit?: number }[];
  };
  /** 方案反馈: the anonymous answers per statement (mean, spread, share agreeing) and the comments' themes. */
  readonly planFeedback?: {
    readonly responses: number;
    readonly statements: readonly { statement: string; answers: number; mean: number; distribution: readonly number[]; agree: number }[];
    readonly themes: readonly { theme: string; label: string; count: number; examples: readonly string[] }[];
    readonly otherComments: number;
    readonly badScoreRows: readonly number[];
  };
  /** 行动项 past their due day and not done on the review day (the meetings' follow-up), longest overdue first. */
  readonly overdueActions?: readonly {
    readonly sheetRow: number;
    readonly item: string;
    readonly owner: string;
    readonly due: string;
    readonly daysOverdue: number;
    readonly meetingId: string;
    readonly department: string;
  }[];
  /** 销售预测's rows with a stretch or challenge: the tier won + commit reaches and the tier the pace so far projects. */
  readonly paceTiers?: readonly {
    readonly sheetRow: number;
    readonly owner: string;
    readonly region: string;
    readonly target: number;
    readonly stretch?: number;
    readonly challenge?: number;
    readonly won: number;
    readonly commit: number;
    readonly forecastTier: GoalTier;
    readonly paceTier: GoalTier | null;
  }[];
  /** 组织架构's roll-up (team, regions, managers, reps: targets, actuals, latest calls, register forecast), when it has rows. */
  readonly hierarchy?: {
    readonly lines: readonly { level: string; name: string; region: string; manager: string; totals: Readonly<Record<string, number>> }[];
    readonly unplaced: readonly string[];
  };
}

function overdueOf(meetings: MeetingsSummary | undefined): Pick<ReportSummary, 'overdueActions'> {
  const overdue = actionItemsToFollow(meetings).filter((i) => i.state === 'overdue');
  if (meetings === undefined) return {};
  return {
    overdueActions: overdue.map((i) => ({
      sheetRow: i.sheetRow,
      item: i.item,
      owner: i.owner,
      due: isoFromSerial(i.due),
      daysOverdue: i.daysOverdue ?? 0,
      meetingId: i.meetingId,
      department: i.department,
    })),
  };
}

function paceTiersOf(lines: readonly ForecastLine[]): Pick<ReportSummary, 'paceTiers'> {
  const tiered = lines.flatMap(({ sheetRow, owner, region, target, won, commit, tiers }) =>
    tiers
      ? [
          {
            sheetRow,
            owner,
            region,
            target,
            ...(tiers.stretch !== undefined ? { stretch: tiers.stretch } : {}),
            ...(tiers.challenge !== undefined ? { challenge: tiers.challenge } : {}),
            won,
            commit,
            forecastTier: tiers.forecast,
            paceTier: tiers.pace,
          },
        ]
      : [],
  );
  return tiered.length > 0 ? { paceTiers: tiered } : {};
}

/** `report --json` stageCompliance: 阶段标准 kept, by owner, and each deal that broke it. */
function stageComplianceOf(stages: Analysis['summary']['stages']): Partial<ReportSummary> {
  if (!stages) return {};
  return {
    stageCompliance: {
      checked: stages.checked,
      compliant: stages.compliant,
      rate: stages.rate,
      exitTracked: stages.exitTracked,
      byOwner: [...stages.byOwner],
      issues: stages.issues.map(({ sheetRow, id, owner, kind, stage, days, limit }) => ({
        sheetRow,
        id,
        owner,
        kind,
        stage,
        ...(days !== undefined ? { days } : {}),
        ...(limit !== undefined ? { limit } : {}),
      })),
    },
  };
}

/** `report --json` planFeedback: the 计划反馈 survey, its statements and the themes of its comments. */
function planFeedbackOf(survey: Analysis['summary']['survey'], locale: Locale): Partial<ReportSummary> {
  if (!survey) return {};
  return {
    planFeedback: {
      responses: survey.responses,
      statements: survey.statements.map((s) => ({ ...s, distribution: [...s.distribution] })),
      themes: survey.themes.map((t) => ({
        theme: t.theme,
        label: t.label[locale],
        count: t.count,
        examples: t.examples,
      })),
      otherComments: survey.otherComments,
      badScoreRows: survey.badScoreRows,
    },
  };
}

/** `report --json` pilots: each 试点 vs 对照 comparison, and how it was measured. */
function pilotsOf(pilots: Analysis['summary']['pilots'], locale: Locale): Partial<ReportSummary> {
  if (!pilots) return {};
  return {
    pilots: pilots.map(({ metric, comparison: c, statement, measured }) => ({
      metric,
      pilotMembers: c.pilotMembers,
      controlMembers: c.controlMembers,
      pilotChange: c.pilotChange,
      controlChange: c.controlChange,
      difference: c.difference,
      pValue: c.pValue,
      smallestP: c.smallestP,
      arrangements: c.arrangements,
      method: c.method,
      verdict: c.verdict,
      reason: c.reason,
      statement: statement[locale],
      ...(measured
        ? {
            measured: {
              measure: measured.measure,
              before: measured.windows.before.map(isoFromSerial),
              after: measured.windows.after.map(isoFromSerial),
              leftOut: measured.leftOut,
            },
          }
        : {}),
    })),
  };
}

/** `report --json` hierarchy: 组织架构's roll-up by level. */
function hierarchyOf(hierarchy: Analysis['summary']['hierarchy']): Partial<ReportSummary> {
  if (!hierarchy) return {};
  return {
    hierarchy: {
      lines: hierarchy.lines.map(({ level, name, region, manager, totals }) => ({
        level,
        name,
        region,
        manager,
        totals,
      })),
      unplaced: hierarchy.unplaced,
    },
  };
}

const REVIEW_ID = /^R\d{4}-\d{2}-\d{2}(-\d+)?$/;

export async function reportWorkbook(options: ReportOptions, log: (line: string) => void): Promise<ReportSummary> {
  const { locale } = options;
  const today = options.asOf === undefined ? todaySerial(new Date()) : serialFromIso(options.asOf);
  if (today === undefined) throw new UsageError(`--as-of must be a date yyyy-mm-dd, not "${options.asOf}".`);
  if (options.reviewId !== undefined && !REVIEW_ID.test(options.reviewId))
    throw new UsageError(`--review-id must look like R2026-12-01 (or R2026-12-01-2), not "${options.reviewId}".`);
  const book = await openBook(options.book, locale, options);
  try {
    const { data, existingIds, tables } = await readReviewData(book.port);
    if (tables === 0)
      throw new WorkbookFileError(
        `${options.book}: no sheet of the method was found (表2, 销售漏斗, 商机明细, …). Insert the templates ("npm run workbook -- new") and fill them in first; nothing was written.`,
      );
    // 截至日期: --as-of, else the data's own day (latest snapshot, else latest month with actuals), never silently today.
    const asOf = options.asOf === undefined ? (reviewDateOf(data) ?? today) : today;
    if (options.asOf === undefined && asOf !== today)
      log(`截至 ${isoFromSerial(asOf)} (the data's latest day; --as-of to choose another).`);
    const checks = dataChecks(data, { today: asOf });
    for (const check of checks)
      log(
        `数据体检 ${check.kind}: ${check.message[locale]} ${check.examples.map((e) => `${e.sheet} row ${e.row}${e.value ? ` (${e.value})` : ''}`).join('; ')} — ${check.fix[locale]}`,
      );
    const analysis = analyseWorkbook(data, { today: asOf });
    const { areas, findings, moneyUnit } = automaticReview(analysis, data, { locale, today: asOf });
    const reviewId = options.reviewId ?? newReviewId(today, existingIds);
    const period = options.period ?? goalComparison(analysis.summary)?.latest.period ?? '';
    const report = buildReviewReport({
      reviewId,
      date: today,
      period,
      analysis,
      areas,
      findings,
      actions: [],
      data,
      locale,
      ...(moneyUnit ? { moneyUnit } : {}),
    });
    const pictures = new Map<ReportChartId, ChartPicture>(
      report.charts.map((chart) => [chart.id, { png: pngFromSvg(chartSvg(echarts as unknown as EChartsModule, chart)), ...CHART_SIZE }]),
    );
    const calls = analysis.summary.calls;
    const { result: written } = await writeReviewReport(book.port, report, pictures);
    await book.save();
    for (const skipped of analysis.cleaning.issues.slice(0, 5))
      log(`  ${skipped.sheetName}, row ${skipped.row}: ${skipped.message[locale]} — left out of the analysis.`);
    return {
      reviewId,
      sheet: written.sheetName,
      replaced: written.replaced,
      dataChecks: checks.map((c) => ({
        kind: c.kind,
        count: c.count,
        message: c.message[locale],
        fix: c.fix[locale],
        examples: c.examples,
      })),
      findings: report.findings.map((f) => ({
        problem: f.problem,
        impact: f.impact,
        cause: f.cause,
        severity: f.severity,
        sheet: f.sheet,
        ...(f.atStake !== undefined ? { atStake: f.atStake } : {}),
        ...(f.rows !== undefined ? { rows: f.rows } : {}),
      })),
      kpis: Object.fromEntries(report.kpis.map(({ key, ...kpi }) => [key, kpi])),
      charts: written.pictures,
      ...(calls ? { forecastCalls: calls } : {}),
      ...(analysis.summary.goals?.tiers ? { tiers: analysis.summary.goals.tiers } : {}),
      ...paceTiersOf(analysis.summary.deals?.forecast ?? []),
      ...overdueOf(analysis.summary.meetings),
      ...stageComplianceOf(analysis.summary.stages),
      ...planFeedbackOf(analysis.summary.survey, locale),
      ...pilotsOf(analysis.summary.pilots, locale),
      ...hierarchyOf(analysis.summary.hierarchy),
    };
  } finally {
    await book.dispose();
  }
}
