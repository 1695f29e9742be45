/**
 * The 复盘报告 sheet of a review as a host-neutral grid: sections (KPIs with 目标对比/环比/同比, team
 * ranking, findings, actions) down columns A–F, each chart's data in a 图表数据 section below them,
 * and each chart anchored to the right of the sections over that data — so Excel draws native
 * charts from the cells and the other hosts place pictures where the charts go.
 */
import { L, type Locale } from '../i18n';
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

/** The report's grid as it is built: rows of cells, bold rows, number formats and numbered sections. */
class ReportGrid {
  readonly width = WIDTHS.length;
  readonly cells: CellValue[][] = [];
  readonly boldRows: number[] = [];
  readonly formats: (GridRange & { numberFormat: string })[] = [];
  // Sections are numbered as they appear: one the data does not have leaves no gap (一、二、四).
  private sections = 0;

  constructor(private readonly locale: Locale) {}

  t(zh: string, en: string): string {
    return L(zh, en)[this.locale];
  }

  row(values: readonly CellValue[], bold = false): number {
    const padded = [...values, ...Array<CellValue>(Math.max(0, this.width - values.length)).fill(null)].slice(0, this.width);
    this.cells.push(padded);
    if (bold) this.boldRows.push(this.cells.length - 1);
    return this.cells.length - 1;
  }

  format(first: number, last: number, col: number, type: keyof typeof NUMBER_FORMATS): void {
    if (last >= first) this.formats.push({ row: first, col, rows: last - first + 1, cols: 1, numberFormat: NUMBER_FORMATS[type] });
  }

  numbered(zh: string, en: string): string {
    this.sections++;
    return this.t(`${'一二三四五六七八九十'[this.sections - 1] ?? this.sections}、${zh}`, `${this.sections}. ${en}`);
  }

  /** A blank row, the title and the header; returns the first data row. */
  section(title: string, header: readonly string[]): number {
    if (this.cells.length > 0) this.row([]);
    this.row([title], true);
    this.row(header, true);
    return this.cells.length;
  }
}

/** 关键指标: target, actual, attainment and the two comparisons. */
function kpiSection(g: ReportGrid, report: ReviewReport): void {
  const kpiStart = g.section(g.numbered('关键指标', 'Key figures'), [
    g.t('指标', 'KPI'),
    g.t('目标', 'Target'),
    g.t('实际', 'Actual'),
    g.t('达成率', 'Attainment'),
    g.t('环比', 'vs previous'),
    g.t('同比', 'vs last year'),
  ]);
  for (const k of report.kpis) {
    const r = g.row([k.label, k.target, k.actual, k.attainment, k.previous, k.lastYear]);
    g.format(r, r, 1, k.unit === 'percent' ? 'percent' : 'number');
    g.format(r, r, 2, k.unit === 'percent' ? 'percent' : 'number');
  }
  if (report.kpis.length === 0) g.row([g.t('工作簿中没有可计算的指标。', 'The workbook has no figures to compute.')]);
  for (const col of [3, 4, 5]) g.format(kpiStart, g.cells.length - 1, col, 'percent');
}

/** 团队排名, when there is one. */
function rankingSection(g: ReportGrid, report: ReviewReport): void {
  if (report.ranking.length > 0) {
    const start = g.section(g.numbered('团队排名', 'Team ranking'), [
      g.t('销售人员', 'Sales rep'),
      g.t('排名', 'Rank'),
      g.t('达成率', 'Attainment'),
      g.t('商机覆盖率', 'Coverage'),
      g.t('日均跟进', 'Follow-ups a day'),
      report.previousReviewId ? g.t(`较 ${report.previousReviewId}`, `vs ${report.previousReviewId}`) : g.t('较上次', 'vs last review'),
    ]);
    for (const r of report.ranking) g.row([r.owner, r.rank, r.attainment, r.coverage, r.activityPerDay, r.rankChange]);
    const avg = report.teamAverage;
    if (avg) g.row([g.t('团队平均', 'Team average'), null, avg.attainment, avg.coverage, avg.activityPerDay]);
    g.format(start, g.cells.length - 1, 1, 'integer');
    g.format(start, g.cells.length - 1, 2, 'percent');
    g.format(start, g.cells.length - 1, 3, 'number');
    g.format(start, g.cells.length - 1, 4, 'number');
    g.formats.push({ row: start, col: 5, rows: g.cells.length - start, cols: 1, numberFormat: RANK_CHANGE_FORMAT });
  }
}

/** 过程评估: each area with its evidence. */
function processSection(g: ReportGrid, report: ReviewReport): void {
  if (report.process.length > 0) {
    g.section(g.numbered('过程评估', 'Process evaluation'), [
      g.t('方面', 'Area'),
      g.t('依据', 'Evidence'),
      '',
      '',
      '',
      g.t('评价', 'Note'),
    ]);
    for (const area of report.process) {
      const lines = area.evidence.length > 0 ? area.evidence : [''];
      lines.forEach((line, i) => g.row([i === 0 ? area.area : null, line, null, null, null, i === 0 ? area.note : null]));
    }
  }
}

/** 问题诊断. */
function findingsSection(g: ReportGrid, report: ReviewReport): void {
  g.section(g.numbered('问题诊断', 'Findings'), [
    g.t('问题', 'Problem'),
    g.t('影响', 'Impact'),
    g.t('原因', 'Cause'),
    g.t('严重度', 'Severity'),
    g.t('来源', 'Sheet'),
  ]);
  for (const f of report.findings)
    g.row([
      f.problem,
      f.impact,
      f.cause,
      (SEVERITY[SEVERITY_INDEX[f.severity]] ?? SEVERITY[1])[report.locale],
      findingSource(f, report.locale),
    ]);
  if (report.findings.length === 0) g.row([g.t('没有发现问题。', 'No findings.')]);
}

/** 改进措施. */
function actionsSection(g: ReportGrid, report: ReviewReport): void {
  const actionStart = g.section(g.numbered('改进措施', 'Actions'), [
    g.t('措施', 'Action'),
    g.t('负责人', 'Owner'),
    g.t('完成时间', 'Due'),
    g.t('衡量指标', 'Metric'),
    g.t('目标值', 'Target'),
  ]);
  for (const a of report.actions) g.row([a.task, a.owner, a.due, a.metric, a.target]);
  if (report.actions.length === 0) g.row([g.t('本次复盘没有新措施。', 'No new actions in this review.')]);
  g.format(actionStart, g.cells.length - 1, 2, 'date');
}

/** The charts' data below the sections, each chart placed to the right of them. */
function chartSection(g: ReportGrid, report: ReviewReport): PlacedReportChart[] {
  const charts: PlacedReportChart[] = [];
  if (report.charts.length > 0) {
    g.row([]);
    g.row([g.numbered('图表数据', 'Chart data')], true);
    report.charts.forEach((chart, i) => {
      if (i > 0) g.row([]);
      const header = g.row([chart.title, ...chart.series.map((s) => s.name)], true);
      chart.categories.forEach((category, c) => g.row([category, ...chart.series.map((s) => s.values[c] ?? null)]));
      const cols = Math.min(g.width, 1 + chart.series.length);
      for (let col = 1; col < cols; col++) g.format(header + 1, g.cells.length - 1, col, chart.unit === 'percent' ? 'percent' : 'number');
      charts.push({
        chart,
        data: { row: header, col: 0, rows: chart.categories.length + 1, cols },
        anchor: { row: 2 + i * (CHART_SIZE.rows + 1), col: CHART_COLUMN, ...CHART_SIZE },
      });
    });
  }
  return charts;
}

export function layoutReport(report: ReviewReport, sheetName: string): ReportSheetPlan {
  const g = new ReportGrid(report.locale);
  g.row([report.title], true);
  g.row([
    g.t('复盘期间', 'Period'),
    report.period,
    g.t('复盘日期', 'Review date'),
    report.date,
    ...(report.moneyUnit ? [g.t('金额单位', 'Money unit'), report.moneyUnit] : []),
  ]);
  g.format(1, 1, 3, 'date');
  kpiSection(g, report);
  rankingSection(g, report);
  processSection(g, report);
  findingsSection(g, report);
  actionsSection(g, report);
  const charts = chartSection(g, report);
  return { sheetName, reviewId: report.reviewId, cells: g.cells, columnWidths: WIDTHS, boldRows: g.boldRows, formats: g.formats, charts };
}
