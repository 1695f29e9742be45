/**
 * The 复盘报告 in Excel: one run, two syncs — the grid in one 2-D write, text that looks like a
 * formula kept as text, a native chart per planned chart (funnel, clustered columns, line,
 * clustered bars) over the report's own data cells, placed beside the sections; a second report of
 * the same review replaces the sheet at its place; a chart type the Excel cannot build leaves the
 * cells written.
 */
import { layoutReport } from '../../../src/core';
import { createExcelWorkbook } from '../../../src/hosts/excel/excelWorkbook';
import { WorkbookError } from '../../../src/workbook/port';
import { sampleReport } from '../../core/review/fixtures';
import { MockExcel, type MockExcelOptions } from './mockExcel';

function reportPlan() {
  const report = sampleReport({ manualProblem: '=HYPERLINK("http://x","y")' });
  return layoutReport(report, report.title);
}

function excel(options: MockExcelOptions = {}) {
  const mock = new MockExcel({ sheets: [{ name: 'Sheet1' }], ...options });
  return { mock, port: createExcelWorkbook({ excel: mock.api, isSetSupported: mock.isSetSupported, displayLanguage: 'zh-CN' }) };
}

test('the report and its four native charts in one run of two syncs', async () => {
  const { mock, port } = excel();
  const plan = reportPlan();
  const result = await port.writeReportSheet(plan);
  expect(result).toEqual({ sheetName: plan.sheetName, replaced: false, nativeCharts: 4, pictures: 0 });
  expect(mock.runs).toHaveLength(1);
  expect(mock.runs[0]?.syncs).toBe(2);
  const sheet = mock.sheet(plan.sheetName);
  if (!sheet) throw new Error('no report sheet');
  const block = sheet.writes.filter((w) => w.property === 'values');
  expect(block).toHaveLength(1);
  expect(sheet.cells.get('A1')).toMatchObject({ kind: 'text', value: plan.sheetName });
  const formulaLike = [...sheet.cells.cellsAt()].find(([, , c]) => c.value === '=HYPERLINK("http://x","y")');
  expect(formulaLike?.[2].kind).toBe('text');
  expect(sheet.charts.map((c) => c.type)).toEqual(['Funnel', 'ColumnClustered', 'Line', 'BarClustered']);
  plan.charts.forEach((placed, i) => {
    const chart = sheet.charts[i];
    expect(chart?.title).toBe(placed.chart.title);
    expect(chart?.position?.[0]).toBe(`H${placed.anchor.row + 1}`);
    const [first, last] = [placed.data.row + 2, placed.data.row + placed.data.rows];
    expect(chart?.series[0]?.xAxis).toBe(first === last ? `A${first}` : `A${first}:A${last}`);
  });
  expect(sheet.charts[1]?.series).toHaveLength(2);
  expect(sheet.charts[1]?.series[1]?.name).toBe('实际');
});

test('a second report of the same review replaces the sheet at its place; a sheet with a table is refused', async () => {
  const { mock, port } = excel();
  const plan = reportPlan();
  await port.writeReportSheet(plan);
  await port.writeReportSheet({ ...plan, charts: [] });
  const names = mock.sheets.map((s) => s.name);
  expect(names).toEqual(['Sheet1', plan.sheetName]);
  expect(mock.sheet(plan.sheetName)?.charts).toHaveLength(0);
  expect(mock.runs.at(-1)?.syncs).toBe(2);

  const taken = excel({ sheets: [{ name: plan.sheetName, tables: [{ name: 'Mine', address: 'A1:B3' }] }] });
  await expect(taken.port.writeReportSheet(plan)).rejects.toBeInstanceOf(WorkbookError);
  expect(taken.mock.sheet(plan.sheetName)?.charts).toHaveLength(0);
});

test('an Excel without funnel charts keeps the report cells and says no chart was drawn', async () => {
  const { mock, port } = excel({ failAt: { 'ChartCollection.add': 'InvalidArgument' } });
  const plan = reportPlan();
  const result = await port.writeReportSheet(plan);
  expect(result.nativeCharts).toBe(0);
  expect(mock.sheet(plan.sheetName)?.cells.get('A1')?.value).toBe(plan.sheetName);
});

// All or nothing: Office.js applies a batch up to the failing command.
test('a failure while building a replacement leaves the old report as it was and no half-built sheet', async () => {
  const { mock, port } = excel();
  const plan = reportPlan();
  await port.writeReportSheet(plan);
  const before = mock.snapshot(plan.sheetName);
  mock.failAt = { 'Range.numberFormat': 'GeneralException' };
  await expect(port.writeReportSheet({ ...plan, charts: [] })).rejects.toBeInstanceOf(WorkbookError);
  expect(mock.sheets.map((s) => s.name)).toEqual(['Sheet1', plan.sheetName]);
  expect(mock.snapshot(plan.sheetName)).toEqual(before);
});

test('a first report that fails half-way leaves no sheet behind', async () => {
  const { mock, port } = excel({ failAt: { 'Range.numberFormat': 'GeneralException' } });
  await expect(port.writeReportSheet(reportPlan())).rejects.toBeInstanceOf(WorkbookError);
  expect(mock.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});
