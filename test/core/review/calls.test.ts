/**
 * The review reads 预测提报 (core/review/summaryCalls.ts, rulesCalls.ts): the accuracy ranking and
 * trend in 过程评估's team area, a finding for a persistent bias and one for missing calls — each
 * fires on data built for it and stays silent on the templates' samples.
 */
import {
  type Finding,
  type WorkbookData,
  analyseWorkbook,
  diagnose,
  evaluateProcess,
  serialFromDate,
  sourceOfRule,
} from '../../../src/core';
import { TODAY, sampleData, sampleTable, tableOf } from './fixtures';

const d = (m: number, day: number) => serialFromDate(2024, m, day);
const Q1 = { 期间开始: d(1, 1), 期间结束: d(3, 31) };
const rules = (data: WorkbookData, today = TODAY): Finding[] => diagnose(analyseWorkbook(data, { today }), { locale: 'zh-CN', today });

/** Six weekly calls of two reps: 销售一 calls 130 against 100 every week, 销售二 95 or 105 against 100. */
function sixWeeks(): WorkbookData {
  const rows = Array.from({ length: 6 }, (_v, w) => [
    { 提报周: d(2, 5) + 7 * w, 负责人: '销售一', ...Q1, 提报承诺: 130, 期末实际: 100 },
    { 提报周: d(2, 5) + 7 * w, 负责人: '销售二', ...Q1, 提报承诺: w % 2 ? 95 : 105, 期末实际: 100 },
  ]).flat();
  return { forecastCalls: tableOf('forecastCalls', rows) };
}

test('on the templates’ samples no call rule fires, and the team area ranks the reps by accuracy', () => {
  const data = { ...sampleData(), forecastCalls: sampleTable('forecastCalls'), orgChart: sampleTable('orgChart') };
  expect(rules(data).filter((f) => f.rule?.startsWith('calls.'))).toEqual([]);
  const team = evaluateProcess(analyseWorkbook(data, { today: TODAY }), 'zh-CN').find((a) => a.area === 'team');
  // 华东区销售 50 against 55: 90.9%, 9.1% low; 华南区销售 90 then 85 against 72: 78.5%, 21.5% high;
  // week by week (75.0% + 90.9%) / 2 = 83.0%, then 华南区销售 alone 81.9%.
  expect(team?.evidence).toContain('预测准确率排名:华东区销售 90.9%(偏低 9.1%),华南区销售 78.5%(偏高 21.5%)');
  expect(team?.evidence).toContain('团队预测准确率(按周):83.0% → 81.9%');
});

test('a persistent bias: one finding for the rep who calls high every week, none for the one who errs both ways', () => {
  const found = rules(sixWeeks()).filter((f) => f.rule === 'calls.persistentBias');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({
    id: 'calls.persistentBias:销售一',
    dimension: 'capability',
    severity: 'high',
    problem: '销售一 的预测持续偏高:6 周平均高出实际 30.0%,准确率 70.0%',
  });
  expect(sourceOfRule(found[0]?.rule)).toBe('forecastCalls');
  const team = evaluateProcess(analyseWorkbook(sixWeeks(), { today: TODAY }), 'en-US').find((a) => a.area === 'team');
  expect(team?.evidence).toContain('Forecast accuracy ranking: 销售二 95.0%, 销售一 70.0% (high by 30.0%)');
});

test('missing calls while the quarter runs are one finding naming each rep and how long ago', () => {
  const data: WorkbookData = {
    forecastCalls: tableOf('forecastCalls', [
      { 提报周: d(3, 4), 负责人: '销售一', ...Q1, 提报承诺: 100, 提报时间: d(3, 4) + 0.4 },
      { 提报周: d(3, 18), 负责人: '销售二', ...Q1, 提报承诺: 90, 提报时间: d(3, 18) + 0.4 },
    ]),
    orgChart: tableOf('orgChart', [
      { 区域: '华南区', 经理: '华南区经理', 销售: '销售一' },
      { 区域: '华南区', 经理: '华南区经理', 销售: '销售二' },
      { 区域: '华南区', 经理: '华南区经理', 销售: '销售三', 开始日期: d(3, 1) },
    ]),
  };
  const found = rules(data, d(3, 20)).filter((f) => f.rule === 'calls.missing');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({
    dimension: 'process',
    severity: 'medium',
    problem: '2 人超过一周未提交预测:销售一(16 天)、销售三(从未提报)',
  });
  // After the quarter nobody is due.
  expect(rules(data, d(4, 10)).filter((f) => f.rule === 'calls.missing')).toEqual([]);
});

test('组织架构 rolls up 表2, the latest calls and 销售预测 by region and manager, a move kept, unknown owners named', () => {
  const data: WorkbookData = {
    orgChart: tableOf('orgChart', [
      { 区域: '华南区', 经理: '华南区经理', 销售: '销售一' },
      { 区域: '华南区', 经理: '华南区经理', 销售: '销售二', 结束日期: d(2, 29) },
      { 区域: '华东区', 经理: '华东区经理', 销售: '销售二', 开始日期: d(3, 1) },
      { 区域: '华东区', 经理: '华东区经理', 销售: '销售三' },
    ]),
    goals: tableOf('goals', [
      { 月份: '2024-02', 月度分解目标: 100, 负责人: '销售一', 月度实际完成: 90 },
      { 月份: '2024-02', 月度分解目标: 80, 负责人: '销售二', 月度实际完成: 70 },
      { 月份: '2024-03', 月度分解目标: 80, 负责人: '销售二', 月度实际完成: 85 },
      { 月份: '2024-03', 月度分解目标: 60, 负责人: '销售三', 月度实际完成: 50 },
      { 月份: '2024-03', 月度分解目标: 40, 负责人: '区域经理', 月度实际完成: 40 },
    ]),
    forecastCalls: tableOf('forecastCalls', [
      { 提报周: d(3, 11), 负责人: '销售一', ...Q1, 提报承诺: 300, 提报时间: d(3, 11) + 0.4 },
      { 提报周: d(3, 18), 负责人: '销售一', ...Q1, 提报承诺: 280, 经理调整承诺: 260, 提报时间: d(3, 18) + 0.4 },
      { 提报周: d(3, 18), 负责人: '销售二', ...Q1, 提报承诺: 240, 提报时间: d(3, 18) + 0.5 },
    ]),
    forecast: tableOf('forecast', [{ 负责人: '销售三', 开始日期: d(1, 1), 结束日期: d(3, 31), 目标: 200, 已赢单: 120, 承诺: 30 }]),
  };
  const h = analyseWorkbook(data, { today: d(3, 20) }).summary.hierarchy;
  const line = (level: string, name: string) => h?.lines.find((l) => l.level === level && l.name === name)?.totals;
  // 销售二's February stays with 华南区 (the old row), March goes to 华东区.
  expect(line('manager', '华南区经理')).toEqual({ target: 180, actual: 160, called: 260, forecast: 0 });
  expect(line('manager', '华东区经理')).toEqual({ target: 140, actual: 135, called: 240, forecast: 150 });
  expect(line('region', '华东区')).toEqual(line('manager', '华东区经理'));
  expect(line('team', '')).toEqual({ target: 360, actual: 335, called: 500, forecast: 150 });
  expect(h?.unplaced).toEqual(['区域经理']);
  const team = evaluateProcess(analyseWorkbook(data, { today: d(3, 20) }), 'zh-CN').find((a) => a.area === 'team');
  expect(team?.evidence).toContain(
    '按经理汇总:华南区经理 目标 180、实际 160、最新承诺 260;华东区经理 目标 140、实际 135、最新承诺 240、系统预测 150',
  );
  expect(team?.evidence).toContain('组织架构中没有的负责人(只计入团队合计):区域经理');
});
