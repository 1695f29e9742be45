/**
 * Writing a review's 复盘报告 through the WorkbookPort: the report laid out as its sheet
 * (core/review/reportLayout.ts) and written by the host, and its team ranking kept in 复盘排名 (keyed
 * by the review id, inserted the first time) for the next report's rank changes. The pane's wizard
 * and the command line both come here.
 */
import { type ReportChartId, type ReportSheetPlan, type ReviewReport, layoutReport, rankingWrite, reviewRankings } from '../core';
import type { ChartPicture, ReportSheetResult, WorkbookPort } from './port';
import { ensureTemplate } from './ensureTemplate';

export async function writeReviewReport(
  port: WorkbookPort,
  report: ReviewReport,
  pictures?: ReadonlyMap<ReportChartId, ChartPicture>,
): Promise<{ readonly plan: ReportSheetPlan; readonly result: ReportSheetResult }> {
  const plan = layoutReport(report, report.title);
  const result = await port.writeReportSheet(plan, pictures);
  if (report.ranking.length > 0) {
    const { location, inserted } = await ensureTemplate(port, reviewRankings, { locale: report.locale, blankRows: 0, moneyUnit: null });
    const table = await port.readTable(location);
    await port.writeTables([rankingWrite(report.reviewId, report.date, report.ranking, table)]);
    // Inserting 复盘排名 made it the active sheet: the report goes back in front.
    if (inserted) await port.activateSheet(result.sheetName);
  }
  return { plan, result };
}
