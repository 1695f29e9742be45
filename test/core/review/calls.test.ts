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
