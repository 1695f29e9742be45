/**
 * Step 3, 问题诊断: the findings the wizard proposes by itself (docs/DOMAIN.md §4), each written as
 * 问题 → 影响 → 原因 in the pane's language. Ids are `rule:key` with a key taken from the data
 * (sheet row, region, stage, grade), so the same workbook gives the same ids on every run.
 *
 * The rules are declared in one table (REVIEW_RULES): each family says what part of the analysis
 * it reads, which findings it may state and the sheet each is about, and the function that fires
 * it. Adding a rule is one entry here, its function in a rules*.ts file, and a test.
 */
import type { Locale, Localized } from '../i18n';
import type { TemplateId } from '../templates';
import { DEFAULT_THRESHOLDS } from './analysis';
import { type Context, MAX_ROW_FINDINGS } from './ruleContext';
import { callRules } from './rulesCalls';
import { dealRules } from './rulesDeals';
import { meetingRules } from './rulesMeetings';
import { actionRules, evaluationRules, funnelRules, goalRules, kpiRules, leadRules } from './rulesMethod';
import { pilotRules } from './rulesPilots';
import { recordRules } from './rulesRecords';
import { stageRules } from './rulesStages';
import { surveyRules } from './rulesSurvey';
import type { Analysis, Finding, ReviewThresholds, Severity } from './types';

export { MAX_ROW_FINDINGS };

/** A family of rules as declared: what it reads, what it may state (with each finding's sheet), and how it fires. */
export interface ReviewRule {
  readonly id: string;
  /** The part of the analysis it reads: a workbook without that sheet gives it nothing to say. */
  readonly reads: keyof Analysis['summary'];
  /** Every rule id its findings may carry, with the sheet such a finding is about. */
  readonly states: Readonly<Record<string, TemplateId>>;
  /** States its findings into the context. */
  readonly fires: (analysis: Analysis, ctx: Context) => void;
}

/** Every rule of step 3, in the order their findings are listed within a severity and amount. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  { id: 'goals', reads: 'goals', states: { 'goals.belowTarget': 'goals', 'goals.regionBelowTarget': 'goals' }, fires: goalRules },
  { id: 'funnel', reads: 'funnel', states: { 'funnel.bottleneck': 'funnel', 'funnel.slowStage': 'funnel' }, fires: funnelRules },
  { id: 'leads', reads: 'leads', states: { 'leads.slaBreach': 'leads' }, fires: leadRules },
  {
    id: 'actions',
    reads: 'actions',
    states: { 'actions.overdue': 'execution', 'actions.late': 'execution', 'actions.lowCompletion': 'execution', 'plan.pastDue': 'plan' },
    fires: actionRules,
  },
  {
    id: 'evaluation',
    reads: 'evaluation',
    states: { 'evaluation.missed': 'evaluation', 'evaluation.worse': 'evaluation' },
    fires: evaluationRules,
  },
  { id: 'kpi', reads: 'kpi', states: { 'kpi.belowTarget': 'kpi' }, fires: kpiRules },
  {
    id: 'deals',
    reads: 'deals',
    states: {
      'deals.slipped': 'deals',
      'deals.stale': 'deals',
      'deals.topLostReason': 'deals',
      'deals.lowCoverage': 'deals',
      'forecast.behindPace': 'forecast',
      'forecast.commitBelowGap': 'forecast',
    },
    fires: dealRules,
  },
  {
    id: 'records',
    reads: 'records',
    states: {
      'records.lowActivity': 'activity',
      'records.satisfactionFalling': 'feedback',
      'records.complaintsRising': 'feedback',
      'records.slowResponse': 'feedback',
      'records.commitmentMissed': 'oneOnOne',
    },
    fires: recordRules,
  },
  { id: 'calls', reads: 'calls', states: { 'calls.missing': 'forecastCalls', 'calls.persistentBias': 'forecastCalls' }, fires: callRules },
  { id: 'meetings', reads: 'meetings', states: { 'meetings.actionOverdue': 'actionItems' }, fires: meetingRules },
  { id: 'pilots', reads: 'pilots', states: { 'evaluation.pilotWorse': 'evaluation' }, fires: pilotRules },
  { id: 'survey', reads: 'survey', states: { 'survey.lowScore': 'planFeedback' }, fires: surveyRules },
  { id: 'stages', reads: 'stages', states: { 'stages.compliance': 'deals' }, fires: stageRules },
];

export interface DiagnoseOptions {
  readonly thresholds?: ReviewThresholds;
  readonly locale: Locale;
  readonly today: number;
  /**
   * Unit of the 表2 amounts for impact sentences ("万" → "差距 15万"). The sheets do not say, and
   * the product must not assume 万元, so the default is none.
   */
  readonly moneyUnit?: string | Localized;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

export function diagnose(analysis: Analysis, options: DiagnoseOptions): Finding[] {
  const { locale } = options;
  const unit = typeof options.moneyUnit === 'object' ? options.moneyUnit[locale] : options.moneyUnit;
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const ctx: Context = {
    locale,
    thresholds: { ...thresholds, completionRate: thresholds.completionRate ?? DEFAULT_THRESHOLDS.completionRate ?? 0.8 },
    unit,
    out: [],
  };
  for (const rule of REVIEW_RULES) if (analysis.summary[rule.reads] !== undefined) rule.fires(analysis, ctx);
  // Most severe first; within a severity the most money at stake first, then the order of the rules and sheets (sort is stable).
  return ctx.out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (b.atStake ?? -1) - (a.atStake ?? -1));
}
