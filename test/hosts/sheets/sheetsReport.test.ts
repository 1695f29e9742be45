/**
 * The 复盘报告 in Google Sheets (strict fake): the grid in one setValues with text kept as text, an
 * embedded chart per planned chart over its data cells (the funnel as bars: Sheets has no funnel),
 * placed beside the sections; a second report of the same review removes the old charts first.
 */
import { layoutReport, rangeAddress } from '../../../src/core';
import { createSheetsWorkbook } from '../../../src/hosts/sheets/sheetsWorkbook';
import { sampleReport } from '../../core/review/fixtures';
import { createFakeSheets } from './fakeSheets';

function plan() {
  const report = sampleReport({ manualProblem: '=1+1' });
  return layoutReport(report, report.title);
}

test('cells, and four embedded charts over the report’s data; a second report replaces them', () => {
  const fake = createFakeSheets();
  const host = createSheetsWorkbook(fake.services, 'zh-CN');
  const report = plan();
  expect(host.writeReportSheet(report)).toEqual({ sheetName: report.sheetName, replaced: false, nativeCharts: 4, pictures: 0 });
  expect(fake.cell(report.sheetName, 0, 0)?.value).toBe(report.sheetName);
  const formulaLike = report.cells.findIndex((row) => row[0] === '=1+1');
  expect(fake.cell(report.sheetName, formulaLike, 0)).toMatchObject({ value: '=1+1' });
  expect(fake.cell(report.sheetName, formulaLike, 0)?.formula).toBeUndefined();
  const charts = fake.sheet(report.sheetName).charts;
  expect(charts.map((c) => c.type)).toEqual(['BAR', 'COLUMN', 'LINE', 'BAR']);
  report.charts.forEach((placed, i) => {
    const { data, anchor } = placed;
    expect(charts[i]).toMatchObject({
      ranges: [rangeAddress(data.row, data.col, data.row + data.rows - 1, data.col + data.cols - 1)],
      numHeaders: 1,
      options: expect.objectContaining({ title: placed.chart.title }),
      position: { row: anchor.row + 1, column: anchor.col + 1 },
    });
  });

  expect(host.writeReportSheet(report).replaced).toBe(true);
  expect(fake.sheet(report.sheetName).charts).toHaveLength(4);
  expect(fake.sheetNames().filter((name) => name === report.sheetName)).toHaveLength(1);
});
