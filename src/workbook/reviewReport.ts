/**
 * Writing a review's 复盘报告 through the WorkbookPort: the report laid out as its sheet
 * (core/review/reportLayout.ts) and written by the host — the pane's wizard and the command line
 * both come here.
 */
import { type ReportChartId, type ReportSheetPlan, type ReviewReport, layoutReport } from '../core';
import type { ChartPicture, ReportSheetResult, WorkbookPort } from './port';

export async function writeReviewReport(
  port: WorkbookPort,
  report: ReviewReport,
  pictures?: ReadonlyMap<ReportChartId, ChartPicture>,
): Promise<{ readonly plan: ReportSheetPlan; readonly result: ReportSheetResult }> {
  const plan = layoutReport(report, report.title);
  const result = await port.writeReportSheet(plan, pictures);
  return { plan, result };
}
