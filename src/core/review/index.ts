/** The review wizard's pure model: analysis, process evaluation, rules, SMART check, follow-up and the write plan. */
export * from './types';
export { type KpiComparison, type RankedOwner, type TeamRanking, goalComparison, teamRanking } from './comparisons';
export { type TeamTables, forecastCallSummary, readForecastCalls, readOrgChart, readTeamTables } from './summaryCalls';
export { type ForecastCallSummary, type HierarchySummary, ROLLUP_MEASURES, type RollupMeasure } from './callTypes';
export { hierarchySummary } from './summaryOrg';
export { COMMITMENT_STATE_LABELS, commitmentsToFollow } from './summaryRecords';
export type { Commitment, RecordsSummary } from './recordTypes';
export { actionItemsToFollow, meetingsSummary } from './summaryMeetings';
export type { ActionItemLine, MeetingsSummary } from './meetingTypes';
export type { ForecastLine } from './dealTypes';
/** The review's number spellings, for a pane that shows the same figures. */
export { num as formatNumber, pct as formatPercent } from './text';
export { REVIEW_EXTRAS, REVIEW_SOURCES, REVIEW_TARGETS, toReadTable } from './read';
export { DEFAULT_STALE_LIMITS, type ChangeComparisonLine, type DealsSummary, type StaleLimits, changeComparison } from './summaryDeals';
export { DEFAULT_THRESHOLDS, analyseWorkbook, type AnalyseOptions } from './analysis';
export { evaluateProcess } from './process';
export { type AutomaticReview, automaticReview } from './automatic';
export { MAX_ROW_FINDINGS, REVIEW_RULES, diagnose, type DiagnoseOptions, type ReviewRule } from './rules';
export { DIMENSION_KEYS, causeSuggestions, dimensionLabel } from './causes';
export { checkSmart } from './smart';
export { type DataCheck, type DataCheckExample, type DataCheckKind, dataChecks, moneyUnitOfData, reviewDateOf } from './dataChecks';
export { emptyDraft, followUpItems, followUpProblem, newDatedId, newReviewId, type FollowUpOptions } from './followUp';
export { AGENDA_LIMIT, agendaMeeting, draftAgenda } from './agenda';
export { pilotStatement, pilotsSummary } from './summaryPilots';
export type { PilotLine } from './pilotTypes';
export { surveySummary } from './summarySurvey';
export { stageCompliance, stageLimits } from './summaryStages';
export type { StageCompliance, StageIssue } from './stageTypes';
export type { SurveyStatementLine, SurveySummary } from './surveyTypes';
export {
  planReviewWrite,
  type ReviewWriteError,
  type ReviewWriteOptions,
  type ReviewWritePlan,
  type ReviewWriteSummary,
} from './writePlan';
export {
  type ReportAction,
  type ReportChart,
  type ReportChartId,
  type ReportFinding,
  type ReportInput,
  type ReportKpi,
  type RankingLine,
  type ReviewReport,
  buildReviewReport,
  findingSource,
  reportSheetName,
  showReportValue,
  sourceOfRule,
} from './report';
export { type GridRange, type PlacedReportChart, type ReportSheetPlan, layoutReport } from './reportLayout';
export { type PreviousRanks, previousRanks, rankingWrite } from './rankings';
