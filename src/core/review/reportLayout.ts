/**
 * The 复盘报告 sheet of a review as a host-neutral grid: sections (KPIs with 目标对比/环比/同比, team
 * ranking, findings, actions) down columns A–F, each chart's data in a 图表数据 section below them,
 * and each chart anchored to the right of the sections over that data — so Excel draws native
 * charts from the cells and the other hosts place pictures where the charts go.
 */
import { L } from '../i18n';
import { NUMBER_FORMATS } from '../templates/types';
import { SEVERITY } from '../templates/specs/common';
import type { CellValue } from '../workbook';
import { type ReportChart, type ReviewReport, findingSource } from './report';
import type { Severity } from './types';

export interface GridRange {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface PlacedReportChart {
  readonly chart: ReportChart;
  /** The chart's data on the sheet: a header row, then categories in the first column, one column per series. */
  readonly data: GridRange;
  /** Where the chart goes (its top-left cell and its size in cells). */
  readonly anchor: GridRange;
}

export interface ReportSheetPlan {
  readonly sheetName: string;
  readonly reviewId: string;
  /** Rows from A1, all of `columnWidths.length` cells. */
  readonly cells: readonly (readonly CellValue[])[];
  readonly columnWidths: readonly number[];
  /** Rows shown bold: the title, section titles and headers. */
  readonly boldRows: readonly number[];
  readonly formats: readonly (GridRange & { readonly numberFormat: string })[];
  readonly charts: readonly PlacedReportChart[];
}

/** A–F hold the sections; the charts start at H, 8 columns by 16 rows each. */
const WIDTHS = [28, 14, 14, 12, 12, 12];
const CHART_COLUMN = WIDTHS.length + 1;
const CHART_SIZE = { rows: 16, cols: 8 };

/** +2 moved up two places, -1 down one, 0 unchanged. */
const RANK_CHANGE_FORMAT = '+0;-0;0';

const SEVERITY_INDEX: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

export function layoutReport(report: ReviewReport, sheetName: string): ReportSheetPlan {
  const { locale } = report;
  const t = (zh: string, en: string) => L(zh, en)[locale];
  const width = WIDTHS.length;
  const cells: CellValue[][] = [];
  const boldRows: number[] = [];
  const formats: (GridRange & { numberFormat: string })[] = [];
  const row = (values: readonly CellValue[], bold = false): number => {
    const padded = [...values, ...Array<CellValue>(Math.max(0, width - values.length)).fill(null)].slice(0, width);
    cells.push(padded);
    if (bold) boldRows.push(cells.length - 1);
    return cells.length - 1;
  };
  const format = (first: number, last: number, col: number, type: keyof typeof NUMBER_FORMATS) => {
    if (last >= first) formats.push({ row: first, col, rows: last - first + 1, cols: 1, numberFormat: NUMBER_FORMATS[type] });
  };
  // Sections are numbered as they appear: one the data does not have leaves no gap (一、二、四).
  let sections = 0;
  const numbered = (zh: string, en: string): string => {
    sections++;
    return t(`${'一二三四五六七八九十'[sections - 1] ?? sections}、${zh}`, `${sections}. ${en}`);
  };
  const section = (title: string, header: readonly string[]): number => {
    if (cells.length > 0) row([]);
    row([title], true);
    row(header, true);
    return cells.length;
  };

  row([report.title], true);
  row([
    t('复盘期间', 'Period'),
    report.period,
    t('复盘日期', 'Review date'),
    report.date,
    ...(report.moneyUnit ? [t('金额单位', 'Money unit'), report.moneyUnit] : []),
  ]);
  format(1, 1, 3, 'date');

  const kpiStart = section(numbered('关键指标', 'Key figures'), [
    t('指标', 'KPI'),
    t('目标', 'Target'),
    t('实际', 'Actual'),
    t('达成率', 'Attainment'),
    t('环比', 'vs previous'),
    t('同比', 'vs last year'),
  ]);
  for (const k of report.kpis) {
    const r = row([k.label, k.target, k.actual, k.attainment, k.previous, k.lastYear]);
    format(r, r, 1, k.unit === 'percent' ? 'percent' : 'number');
    format(r, r, 2, k.unit === 'percent' ? 'percent' : 'number');
  }
  if (report.kpis.length === 0) row([t('工作簿中没有可计算的指标。', 'The workbook has no figures to compute.')]);
  for (const col of [3, 4, 5]) format(kpiStart, cells.length - 1, col, 'percent');

  if (report.ranking.length > 0) {
    const start = section(numbered('团队排名', 'Team ranking'), [
      t('销售人员', 'Sales rep'),
      t('排名', 'Rank'),
      t('达成率', 'Attainment'),
      t('商机覆盖率', 'Coverage'),
      t('日均跟进', 'Follow-ups a day'),
      report.previousReviewId ? t(`较 ${report.previousReviewId}`, `vs ${report.previousReviewId}`) : t('较上次', 'vs last review'),
    ]);
    for (const r of report.ranking) row([r.owner, r.rank, r.attainment, r.coverage, r.activityPerDay, r.rankChange]);
    const avg = report.teamAverage;
    if (avg) row([t('团队平均', 'Team average'), null, avg.attainment, avg.coverage, avg.activityPerDay]);
    format(start, cells.length - 1, 1, 'integer');
    format(start, cells.length - 1, 2, 'percent');
    format(start, cells.length - 1, 3, 'number');
    format(start, cells.length - 1, 4, 'number');
    formats.push({ row: start, col: 5, rows: cells.length - start, cols: 1, numberFormat: RANK_CHANGE_FORMAT });
  }

  if (report.process.length > 0) {
    section(numbered('过程评估', 'Process evaluation'), [t('方面', 'Area'), t('依据', 'Evidence'), '', '', '', t('评价', 'Note')]);
    for (const area of report.process) {
      const lines = area.evidence.length > 0 ? area.evidence : [''];
      lines.forEach((line, i) => row([i === 0 ? area.area : null, line, null, null, null, i === 0 ? area.note : null]));
    }
  }

  section(numbered('问题诊断', 'Findings'), [
    t('问题', 'Problem'),
    t('影响', 'Impact'),
    t('原因', 'Cause'),
    t('严重度', 'Severity'),
    t('来源', 'Sheet'),
  ]);
  for (const f of report.findings)
    row([f.problem, f.impact, f.cause, (SEVERITY[SEVERITY_INDEX[f.severity]] ?? SEVERITY[1])[locale], findingSource(f, locale)]);
  if (report.findings.length === 0) row([t('没有发现问题。', 'No findings.')]);

  const actionStart = section(numbered('改进措施', 'Actions'), [
    t('措施', 'Action'),
    t('负责人', 'Owner'),
    t('完成时间', 'Due'),
    t('衡量指标', 'Metric'),
    t('目标值', 'Target'),
  ]);
  for (const a of report.actions) row([a.task, a.owner, a.due, a.metric, a.target]);
  if (report.actions.length === 0) row([t('本次复盘没有新措施。', 'No new actions in this review.')]);
  format(actionStart, cells.length - 1, 2, 'date');

  const charts: PlacedReportChart[] = [];
  if (report.charts.length > 0) {
    row([]);
    row([numbered('图表数据', 'Chart data')], true);
    report.charts.forEach((chart, i) => {
      if (i > 0) row([]);
      const header = row([chart.title, ...chart.series.map((s) => s.name)], true);
      chart.categories.forEach((category, c) => row([category, ...chart.series.map((s) => s.values[c] ?? null)]));
      const cols = Math.min(width, 1 + chart.series.length);
      for (let col = 1; col < cols; col++) format(header + 1, cells.length - 1, col, chart.unit === 'percent' ? 'percent' : 'number');
      charts.push({
        chart,
        data: { row: header, col: 0, rows: chart.categories.length + 1, cols },
        anchor: { row: 2 + i * (CHART_SIZE.rows + 1), col: CHART_COLUMN, ...CHART_SIZE },
      });
    });
  }
  return { sheetName, reviewId: report.reviewId, cells, columnWidths: WIDTHS, boldRows, formats, charts };
}
