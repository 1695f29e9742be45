/** 目标对比, 环比, 同比 and the team ranking (core/review/comparisons.ts). */
import { analyseWorkbook, goalComparison, teamRanking } from '../../../src/core';
import { TODAY, sampleData, tableOf } from './fixtures';

const goals = tableOf('goals', [
  { 月份: '2023-03', 月度分解目标: 150, 负责人: '华南区销售', 月度实际完成: 150 },
  { 月份: '2024-02', 月度分解目标: 170, 负责人: '华南区销售', 月度实际完成: 160 },
  { 月份: '2024-03', 月度分解目标: 180, 负责人: '华南区销售', 月度实际完成: 120 },
  { 月份: '2024-03', 月度分解目标: 100, 负责人: '华东区销售', 月度实际完成: 45 },
  { 月份: '2024-04', 月度分解目标: 170, 负责人: '华东区销售' },
]);

test('the latest reported month against target, the month before and the same month a year ago', () => {
  const summary = analyseWorkbook({ goals }, { today: TODAY }).summary;
  expect(goalComparison(summary)).toEqual({
    latest: { period: '2024-03', actual: 165, target: 280, attainment: 165 / 280 },
    previous: { period: '2024-02', actual: 160, change: 5 / 160 },
    lastYear: { period: '2023-03', actual: 150, change: 15 / 150 },
  });
});

test('the samples have one reported month: nothing to compare it with', () => {
  const comparison = goalComparison(analyseWorkbook(sampleData(), { today: TODAY }).summary);
  expect(comparison).toMatchObject({ latest: { period: '2024-03' }, previous: null, lastYear: null });
});

test('the team ranked by attainment, with coverage and activity beside it and the team average', () => {
  const forecast = tableOf('forecast', [{ 负责人: '华东区销售', 开始日期: 45383, 结束日期: 45473, 目标: 300, 已赢单: 100, 在途商机: 400 }]);
  const activity = tableOf('activity', [
    { 日期: 45369, 负责人: '华东区销售', 客户: '客户B', 类型: '电话' },
    { 日期: 45369, 负责人: '华东区销售', 客户: '客户H', 类型: '拜访' },
    { 日期: 45370, 负责人: '华南区销售', 客户: '客户A', 类型: '拜访' },
  ]);
  const ranking = teamRanking(analyseWorkbook({ goals, forecast, activity, deals: sampleData().deals }, { today: TODAY }).summary);
  expect(ranking?.owners.map((o) => [o.rank, o.owner, o.attainment, o.coverage, o.activityPerDay])).toEqual([
    [1, '华南区销售', 430 / 500, null, 1],
    [2, '华东区销售', 45 / 100, 2, 2],
  ]);
  expect(ranking?.average).toEqual({ attainment: (430 / 500 + 0.45) / 2, coverage: 2, activityPerDay: 1.5 });
});
