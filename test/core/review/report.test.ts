/**
 * The 复盘报告 model and its sheet layout: KPIs with 目标对比/环比/同比 from the data, the team ranking,
 * findings with the sheet each came from, the actions, the charts the data can draw, and a grid
 * whose chart data sit where each placed chart says.
 */
import {
  type Action,
  type CellValue,
  type Locale,
  type ReportInput,
  analyseWorkbook,
  buildReviewReport,
  diagnose,
  evaluateProcess,
  findingSource,
  layoutReport,
  reportSheetName,
  sourceOfRule,
} from '../../../src/core';
import { TODAY, sampleData, tableOf } from './fixtures';

function reportOf(locale: Locale, data = sampleData(locale), actions: Action[] = []) {
  const analysis = analyseWorkbook(data, { today: TODAY });
  const findings = diagnose(analysis, { locale, today: TODAY });
  const areas = evaluateProcess(analysis, locale);
  return buildReviewReport({ reviewId: 'R2024-04-01', date: TODAY, period: '2024-03', analysis, areas, findings, actions, data, locale });
}

/** A report of the samples with only what the test gives: no areas, findings or actions otherwise. */
function bareReport(extra: Partial<Pick<ReportInput, 'findings' | 'period' | 'moneyUnit'>>) {
  const data = sampleData('zh-CN');
  const analysis = analyseWorkbook(data, { today: TODAY });
  return buildReviewReport({
    reviewId: 'R1',
    date: TODAY,
    period: '',
    analysis,
    areas: [],
    findings: [],
    actions: [],
    data,
    locale: 'zh-CN',
    ...extra,
  });
}

const action: Action = {
  id: 'a1',
  findingId: null,
  task: '客户跟进话术标准化',
  owner: '销售经理',
  start: null,
  due: TODAY + 14,
  output: '',
  resources: '',
  metric: '转化率',
  targetValue: 0.2,
  targetText: '20%',
};

describe('buildReviewReport on the documents’ samples', () => {
  test.each(['zh-CN', 'en-US'] as const)('%s: 表2’s 165 of 180 is the sales KPI; findings name their sheet', (locale) => {
    const report = reportOf(locale, sampleData(locale), [action]);
    expect(report.title).toBe(reportSheetName('R2024-04-01', locale));
    const sales = report.kpis.find((k) => k.key === 'sales');
    expect(sales).toMatchObject({ target: 180, actual: 165 });
    expect(sales?.attainment).toBeCloseTo(165 / 180, 9);
    expect(report.findings.length).toBeGreaterThan(0);
    const goalFinding = report.findings.find((f) => f.sheet === sampleData(locale).goals?.sheetName);
    expect(goalFinding?.severity).toBe('medium');
    expect(report.actions).toEqual([{ task: action.task, owner: '销售经理', due: TODAY + 14, metric: '转化率', target: '20%' }]);
    expect(report.charts.map((c) => c.id)).toContain('funnel');
    expect(report.charts.find((c) => c.id === 'funnel')?.series[0]?.values[0]).toBe(100);
  });

  test('findings are ranked by severity, then by the money at stake, whatever rule they come from', () => {
    const base = { dimension: 'goals' as const, impact: '', cause: '', origin: 'rule' as const };
    const findings = [
      { ...base, id: 'a', problem: '小差距', severity: 'high' as const, rule: 'goals.belowTarget', atStake: 5 },
      { ...base, id: 'b', problem: '无金额', severity: 'high' as const, rule: 'leads.slaBreach' },
      { ...base, id: 'c', problem: '推迟的大单', severity: 'high' as const, rule: 'deals.slipped', atStake: 80 },
      { ...base, id: 'd', problem: '中等', severity: 'medium' as const, rule: 'deals.stale', atStake: 500 },
    ];
    const report = bareReport({ findings });
    expect(report.findings.map((f) => f.problem)).toEqual(['推迟的大单', '小差距', '无金额', '中等']);
    expect(report.findings[0]?.atStake).toBe(80);
  });

  test('the money unit, when the workbook says one, is written beside the period', () => {
    const report = bareReport({ period: '2024-03', moneyUnit: '万元' });
    expect(layoutReport(report, report.title).cells[1]?.slice(0, 6)).toEqual([
      '复盘期间',
      '2024-03',
      '复盘日期',
      TODAY,
      '金额单位',
      '万元',
    ]);
  });

  test('findings come most severe first', () => {
    const order = { high: 0, medium: 1, low: 2 };
    const severities = reportOf('zh-CN').findings.map((f) => order[f.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });
});

describe('comparisons and the ranking', () => {
  const month = (m: string, owner: string, region: string, target: number, actual: number) => ({
    季度: 'Q1',
    月份: m,
    负责区域: region,
    负责人: owner,
    月度分解目标: target,
    月度实际完成: actual,
  });
  const goals = tableOf('goals', [
    month('2023-03', '华南区销售', '华南', 100, 80),
    month('2024-02', '华南区销售', '华南', 100, 90),
    month('2024-03', '华南区销售', '华南', 100, 120),
    month('2024-03', '华东区销售', '华东', 100, 60),
  ]);

  test('the latest month shows 环比 against February and 同比 against March last year', () => {
    const report = reportOf('zh-CN', { goals });
    const latest = report.kpis.find((k) => k.key === 'latestMonth');
    expect(latest).toMatchObject({ label: '销售额 2024-03', target: 200, actual: 180 });
    expect(latest?.previous).toBeCloseTo((180 - 90) / 90, 9);
    expect(latest?.lastYear).toBeCloseTo((180 - 80) / 80, 9);
  });

  test('owners ranked by attainment with the team average; the ranking and trend are charted', () => {
    const report = reportOf('en-US', { goals });
    expect(report.ranking.map((r) => [r.rank, r.owner])).toEqual([
      [1, '华南区销售'],
      [2, '华东区销售'],
    ]);
    expect(report.ranking[0]?.attainment).toBeCloseTo(290 / 300, 9);
    expect(report.teamAverage?.attainment).toBeCloseTo((290 / 300 + 0.6) / 2, 9);
    const ids = report.charts.map((c) => c.id);
    expect(ids).toEqual(['targetVsActual', 'trend', 'ranking']);
    const trend = report.charts.find((c) => c.id === 'trend');
    expect(trend?.categories).toEqual(['2023-03', '2024-02', '2024-03']);
    expect(trend?.series[1]?.values).toEqual([80, 90, 180]);
    const byRegion = report.charts.find((c) => c.id === 'targetVsActual');
    expect(byRegion?.title).toBe('Target vs actual by region');
  });

  test('rank changes come from the latest earlier review in 复盘排名; an owner not ranked then has none', () => {
    const rankings = tableOf('reviewRankings', [
      { 复盘编号: 'R2024-02-01', 复盘日期: TODAY - 60, 销售人员: '华南区销售', 排名: 1 },
      { 复盘编号: 'R2024-03-01', 复盘日期: TODAY - 30, 销售人员: '华东区销售', 排名: 1 },
      { 复盘编号: 'R2024-03-01', 复盘日期: TODAY - 30, 销售人员: '华南区销售', 排名: 3 },
      { 复盘编号: 'R2024-04-01', 复盘日期: TODAY, 销售人员: '华南区销售', 排名: 9 },
    ]);
    const report = reportOf('zh-CN', { goals, reviewRankings: rankings });
    expect(report.previousReviewId).toBe('R2024-03-01');
    expect(report.ranking.map((r) => [r.owner, r.rank, r.rankChange])).toEqual([
      ['华南区销售', 1, 2],
      ['华东区销售', 2, -1],
    ]);
    const plan = layoutReport(report, report.title);
    const header = plan.cells.find((row) => row[0] === '销售人员');
    expect(header?.[5]).toBe('较 R2024-03-01');
    expect(plan.cells.find((row) => row[0] === '华南区销售')?.[5]).toBe(2);
    expect(reportOf('zh-CN', { goals }).ranking.every((r) => r.rankChange === null)).toBe(true);
  });

  test('an empty workbook reports no KPIs, no charts and no findings — and still lays out', () => {
    const report = reportOf('zh-CN', {});
    expect([report.kpis, report.charts, report.findings, report.ranking]).toEqual([[], [], [], []]);
    const plan = layoutReport(report, report.title);
    expect(plan.cells.flat()).toContain('工作簿中没有可计算的指标。');
    expect(plan.charts).toEqual([]);
  });
});

describe('layoutReport', () => {
  const report = reportOf('zh-CN', sampleData('zh-CN'), [action]);
  const plan = layoutReport(report, report.title);

  test('a rectangular grid with the title bold on A1 and each section titled', () => {
    const width = plan.columnWidths.length;
    expect(plan.cells.every((row) => row.length === width)).toBe(true);
    expect(plan.cells[0]?.[0]).toBe(report.title);
    expect(plan.boldRows).toContain(0);
    const firsts = plan.cells.map((row) => row[0]);
    // Numbered as they appear: without a team ranking no number is skipped for it.
    const titlesOf = (cells: readonly (readonly CellValue[])[]) =>
      cells.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^[一二三四五六七八九十]、/.test(v));
    expect(titlesOf(plan.cells)).toEqual(['一、关键指标', '二、团队排名', '三、过程评估', '四、问题诊断', '五、改进措施', '六、图表数据']);
    const unranked = { ...report, ranking: [] };
    expect(titlesOf(layoutReport(unranked, unranked.title).cells)).toEqual([
      '一、关键指标',
      '二、过程评估',
      '三、问题诊断',
      '四、改进措施',
      '五、图表数据',
    ]);
    expect(report.process.map((p) => p.area)).toContain('销售流程');
    for (const f of report.findings) expect(firsts).toContain(f.problem);
  });

  test('each placed chart’s data range holds its categories and values, and charts do not overlap the sections', () => {
    expect(plan.charts).toHaveLength(report.charts.length);
    for (const placed of plan.charts) {
      const { data, chart, anchor } = placed;
      const cell = (r: number, c: number): CellValue | undefined => plan.cells[data.row + r]?.[data.col + c];
      expect(cell(0, 0)).toBe(chart.title);
      chart.categories.forEach((category, i) => {
        expect(cell(i + 1, 0)).toBe(category);
        chart.series.forEach((s, k) => expect(cell(i + 1, k + 1)).toBe(s.values[i] ?? null));
      });
      expect(anchor.col).toBeGreaterThanOrEqual(plan.columnWidths.length);
    }
  });

  test('each finding’s 来源 names its sheet and the rows to open', () => {
    const row = plan.cells.find((r) => typeof r[0] === 'string' && r[0].includes('91.7%'));
    expect(row?.[4]).toBe('表2 销售目标分解与跟踪表 第 3 行');
    expect(findingSource({ sheet: 'T2', rows: Array.from({ length: 12 }, (_v, i) => i + 3) }, 'en-US')).toBe(
      'T2 rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more',
    );
    expect(findingSource({ sheet: 'T2', rows: [7] }, 'en-US')).toBe('T2 row 7');
    expect(findingSource({ sheet: '', rows: [7] }, 'zh-CN')).toBe('');
  });

  test('the review date and the actions’ due dates are formatted as dates', () => {
    const dueRow = plan.cells.findIndex((row) => row[0] === action.task);
    const covers = (row: number, col: number) =>
      plan.formats.some(
        (f) => f.numberFormat === 'yyyy-mm-dd' && row >= f.row && row < f.row + f.rows && col >= f.col && col < f.col + f.cols,
      );
    expect(covers(1, 3)).toBe(true);
    expect(covers(dueRow, 2)).toBe(true);
  });
});

test('every rule prefix names the template it reads', () => {
  expect(sourceOfRule('goals.belowTarget')).toBe('goals');
  expect(sourceOfRule('actions.overdue')).toBe('execution');
  expect(sourceOfRule('records.commitmentMissed')).toBe('oneOnOne');
  expect(sourceOfRule('records.slowResponse')).toBe('feedback');
  expect(sourceOfRule(undefined)).toBeUndefined();
  expect(sourceOfRule('manual')).toBeUndefined();
});
