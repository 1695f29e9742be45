/**
 * The report flow over a port: the sheet, and the ranking kept in 复盘排名 (inserted the first time,
 * keyed by review id, so writing a review's report again replaces its rows), which the next
 * review's report reads back for its rank changes.
 */
import { analyseWorkbook, buildReviewReport, evaluateProcess } from '../../src/core';
import { readReviewData } from '../../src/workbook/reviewData';
import { writeReviewReport } from '../../src/workbook/reviewReport';
import { TODAY, tableOf } from '../core/review/fixtures';
import { MemoryWorkbook } from './memoryWorkbook';

async function reportOn(workbook: MemoryWorkbook, reviewId: string, date: number) {
  const { data } = await readReviewData(workbook);
  const analysis = analyseWorkbook(data, { today: date });
  const areas = evaluateProcess(analysis, 'zh-CN');
  const report = buildReviewReport({
    reviewId,
    date,
    period: '2024-03',
    analysis,
    areas,
    findings: [],
    actions: [],
    data,
    locale: 'zh-CN',
  });
  await writeReviewReport(workbook, report);
  return report;
}

function goalsWith(workbook: MemoryWorkbook, south: number, east: number) {
  const goals = tableOf('goals', [
    { 月份: '2024-03', 月度分解目标: 100, 负责人: '华南区销售', 月度实际完成: south },
    { 月份: '2024-03', 月度分解目标: 100, 负责人: '华东区销售', 月度实际完成: east },
  ]);
  const existing = workbook.sheets.find((s) => s.name === goals.sheetName);
  if (existing) existing.rows = goals.rows.map((r) => [...r]);
  else
    workbook.addTable(
      goals.sheetName,
      'GoalTracking',
      [...goals.header],
      goals.rows.map((r) => [...r]),
    );
}

test('the ranking is kept by review id and the next report shows who moved', async () => {
  const workbook = new MemoryWorkbook();
  goalsWith(workbook, 120, 60);
  const first = await reportOn(workbook, 'R2024-03-01', TODAY - 30);
  expect(first.ranking.map((r) => [r.owner, r.rankChange])).toEqual([
    ['华南区销售', null],
    ['华东区销售', null],
  ]);
  const rankings = workbook.sheet('复盘排名');
  expect(rankings.rows.filter((r) => r[0] === 'R2024-03-01')).toHaveLength(2);
  expect(workbook.active).toBe('复盘报告 R2024-03-01');

  // Written again, the same review's rows are replaced, not doubled.
  await reportOn(workbook, 'R2024-03-01', TODAY - 30);
  expect(workbook.sheet('复盘排名').rows.filter((r) => r[0] === 'R2024-03-01')).toHaveLength(2);

  goalsWith(workbook, 50, 90);
  const second = await reportOn(workbook, 'R2024-04-01', TODAY);
  expect(second.previousReviewId).toBe('R2024-03-01');
  expect(second.ranking.map((r) => [r.owner, r.rank, r.rankChange])).toEqual([
    ['华东区销售', 1, 1],
    ['华南区销售', 2, -1],
  ]);
  expect(workbook.sheets.filter((s) => s.name.startsWith('复盘报告 ')).map((s) => s.name)).toEqual([
    '复盘报告 R2024-03-01',
    '复盘报告 R2024-04-01',
  ]);
});
