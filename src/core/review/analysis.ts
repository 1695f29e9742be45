/**
 * Step 1, 数据分析: clean every source sheet first, then summarise the valid rows only.
 * Pure and total: whatever a sheet holds, the result is a report, never an exception.
 */
import { serialFromDate } from '../dates';
import { parsePeriod } from '../periods';
import type { TemplateId } from '../templates/types';
import { type CleanTable, cleanTable } from './cleaning';
import { RECORD_SOURCES, REVIEW_SOURCES, viewOf } from './read';
import { recordsSummary } from './summaryRecords';
import { forecastCallSummary, readTeamTables } from './summaryCalls';
import { hierarchySummary } from './summaryOrg';
import { meetingsSummary } from './summaryMeetings';
import { pilotsSummary } from './summaryPilots';
import { measurePilots } from './summaryPilotMeasures';
import { surveySummary } from './summarySurvey';
import { stageCompliance, stageLimits } from './summaryStages';
import { funnelSummary, goalsSummary, leadsSummary } from './summaryResults';
import { actionsSummary, evaluationSummary, kpiSummary } from './summaryTracking';
import { dealsSummary } from './summaryDeals';
import type { Analysis, CleaningIssue, KpiSummary, ReviewThresholds, WorkbookData } from './types';

export const DEFAULT_THRESHOLDS: ReviewThresholds = {
  attainmentHigh: 0.8,
  attainmentMedium: 0.95,
  stageDays: 30,
  slaBreachRate: 0.2,
  completionRate: 0.8,
  coverage: 3,
};

export interface AnalyseOptions {
  /** Today's day serial: overdue actions and unanswered leads are judged against it. */
  readonly today: number;
  /** The rules apply most of them; the summary uses the per-stage follow-up limits (staleDays). */
  readonly thresholds?: ReviewThresholds;
}

export function analyseWorkbook(data: WorkbookData, options: AnalyseOptions): Analysis {
  const { today } = options;
  const issues: CleaningIssue[] = [];
  const validRows: Partial<Record<TemplateId, number>> = {};
  const droppedRows: Partial<Record<TemplateId, number>> = {};
  const clean: Partial<Record<TemplateId, CleanTable>> = {};
  const missing: TemplateId[] = [];
  for (const id of [...REVIEW_SOURCES, ...RECORD_SOURCES]) {
    const view = viewOf(data, id);
    if (view === undefined) {
      // The team's records are optional: only the review's own sources are named as missing.
      if (REVIEW_SOURCES.includes(id)) missing.push(id);
      continue;
    }
    const result = cleanTable(view);
    // A loop, not push(...spread): a 100k-row sheet of bad rows would overflow the argument limit.
    for (const issue of result.issues) issues.push(issue);
    validRows[id] = result.valid;
    droppedRows[id] = result.dropped;
    if (result.clean !== undefined) clean[id] = result.clean;
  }

  const summary: {
    -readonly [K in keyof KpiSummary]: KpiSummary[K];
  } = {};
  if (clean.goals) summary.goals = goalsSummary(clean.goals);
  if (clean.funnel) summary.funnel = funnelSummary(clean.funnel);
  if (clean.leads) summary.leads = leadsSummary(clean.leads, today);
  if (clean.execution || clean.plan) summary.actions = actionsSummary(clean.execution, clean.plan, today);
  if (clean.evaluation) summary.evaluation = evaluationSummary(clean.evaluation);
  if (clean.kpi) summary.kpi = kpiSummary(clean.kpi);
  if (clean.deals) {
    const overall = summary.goals?.overall;
    summary.deals = dealsSummary(clean.deals, data, {
      today,
      // 销售漏斗's 标准停留天数 are the follow-up limits; the manager's own still win.
      staleLimits: { ...stageLimits(data), ...(options.thresholds?.staleDays ?? {}) },
      ...(options.thresholds?.slipPeriod ? { slipPeriod: options.thresholds.slipPeriod } : {}),
      ...(overall
        ? { goals: { target: overall.totalTarget ?? overall.target, actual: overall.actual, ...periodEndOf(summary.goals) } }
        : {}),
    });
  }
  if (RECORD_SOURCES.some((id) => clean[id])) summary.records = recordsSummary(clean, today);
  const team = readTeamTables(data);
  const calls = forecastCallSummary(data, today, team);
  if (calls) summary.calls = calls;
  const hierarchy = hierarchySummary(data, today, team);
  if (hierarchy) summary.hierarchy = hierarchy;
  const stages = stageCompliance(data, today);
  if (stages) summary.stages = stages;
  const survey = surveySummary(data);
  if (survey) summary.survey = survey;
  const measured = measurePilots(data, clean, today);
  for (const issue of measured.issues) issues.push(issue);
  const pilots = [...pilotsSummary(data), ...measured.lines];
  if (pilots.length > 0) summary.pilots = pilots;
  const meetings = meetingsSummary(data, today);
  if (meetings) summary.meetings = meetings;
  return { missing, cleaning: { issues, validRows, droppedRows }, summary };
}

/** The last day of 表2's last month, the horizon of the deals that can still cover its gap. */
function periodEndOf(goals: KpiSummary['goals']): { end?: number } {
  const last = goals?.byMonth?.at(-1)?.name;
  const period = last === undefined ? undefined : parsePeriod(last);
  return period?.kind === 'month' ? { end: serialFromDate(period.year, period.index + 1, 1) - 1 } : {};
}
