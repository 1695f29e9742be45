/**
 * The one table of what a SALES function says when it returns an error, in both languages. The
 * error value carries the whole `Localized` text; each host picks its language at its edge
 * (src/hosts/*), showing it where its spreadsheet shows an error's reason.
 */
import { L, type Localized } from './i18n';

/** A parameter's or a cell's name as the messages show it (`actual` / `实际`). */
export type ArgumentName = Localized;

/** Names of values inside a range that are not parameters of their own. */
export const CELL_NAMES = {
  count: L('数量', 'count'),
  benchmark: L('基准转化率', 'benchmark'),
  amount: L('金额', 'amount'),
  probability: L('概率', 'probability'),
  stageProbability: L('阶段表概率', 'stage_table probability'),
  value: L('达成率', 'value'),
  metric: L('指标值', 'value'),
  weight: L('权重', 'weight'),
  start: L('开始日期', 'start'),
  close: L('成交日期', 'close'),
  score: L('评分', 'score'),
  hours: L('时限小时', 'hours'),
  threshold: L('门槛', 'threshold'),
  rate: L('提成比例', 'rate'),
  before: L('优化前', 'before'),
  after: L('优化后', 'after'),
} as const satisfies Record<string, ArgumentName>;

const between = (min: number, max: number) => L(`${min} 到 ${max} 之间`, `between ${min} and ${max}`);

export const FUNCTION_MESSAGES = {
  // Arguments
  notANumber: (name: ArgumentName) => L(`${name['zh-CN']}必须是数字`, `${name['en-US']} must be a number`),
  notFinite: (name: ArgumentName) => L(`${name['zh-CN']}不是有限的数`, `${name['en-US']} is not finite`),
  negative: (name: ArgumentName) => L(`${name['zh-CN']}不能为负数`, `${name['en-US']} cannot be negative`),
  notAbove: (name: ArgumentName, min: number) => L(`${name['zh-CN']}必须大于 ${min}`, `${name['en-US']} must be more than ${min}`),
  outside: (name: ArgumentName, min: number, max: number) =>
    L(`${name['zh-CN']}必须在${between(min, max)['zh-CN']}`, `${name['en-US']} must be ${between(min, max)['en-US']}`),
  aboveUpTo: (name: ArgumentName, min: number, max: number) =>
    L(`${name['zh-CN']}必须大于 ${min} 且不超过 ${max}`, `${name['en-US']} must be more than ${min} and at most ${max}`),
  rangeNotRectangular: L('区域参数为空或不是矩形', 'a range argument is empty or not rectangular'),
  shapesDiffer: (a: string, b: string) => L(`区域形状不一致(${a} 与 ${b})`, `ranges of different shapes (${a} and ${b})`),
  notOneLine: L('应为单行或单列', 'expected a single row or column'),
  resultTooLarge: L('结果过大', 'result is too large'),
  unknownFunction: (id: string) => L(`没有函数 ${id}`, `unknown function ${id}`),
  calculationFailed: (detail: string) => L(`计算失败:${detail}`, `calculation failed: ${detail}`),

  // Attainment family
  polarity: L('方向必须是 "higher" 或 "lower"(或 1 / -1)', 'polarity must be "higher" or "lower" (or 1 / -1)'),
  targetZero: L('目标为 0', 'target is 0'),
  beforeZero: L('优化前的值为 0', 'before is 0'),
  actualZero: L('实际值为 0', 'actual is 0'),

  // Funnel family
  totalZero: L('总数为 0', 'total is 0'),
  convertedAboveTotal: L('转化数大于总数', 'converted is larger than total'),
  noWonOrLost: L('没有赢单或输单', 'no won or lost deals'),
  mode: L('方式必须是 "step" 或 "cumulative"', 'mode must be "step" or "cumulative"'),
  firstStageZero: L('第一阶段为 0', 'first stage is 0'),
  stageZero: (stage: number) => L(`第 ${stage} 阶段为 0`, `stage ${stage} is 0`),
  stageAbovePrevious: (stage: number) => L(`第 ${stage} 阶段大于第 ${stage - 1} 阶段`, `stage ${stage} is larger than stage ${stage - 1}`),
  stagesCountsLength: L('阶段和数量的长度必须相同', 'stages and counts must have the same length'),
  benchmarksLength: L('每个阶段需要一个基准转化率', 'benchmarks must have one rate per stage'),
  tooFewStages: L('至少需要两个有数量的阶段', 'needs at least two stages with counts'),
  noStageBelowBenchmark: L('没有低于基准的阶段', 'no stage is below its benchmark'),

  // Pipeline family
  targetMet: L('目标已达成', 'target met'),
  ordersZero: L('订单数为 0', 'orders is 0'),
  noCustomers: L('没有客户', 'no customers'),
  stageTableColumns: L('阶段表需要两列:阶段和概率', 'stage_table needs two columns: stage and probability'),
  /** The name of one stage's probability in stage_table, for its bound message. */
  probabilityOf: (stage: string): ArgumentName => L(`"${stage}" 的概率`, `probability of "${stage}"`),
  stageNotInTable: (stage: string) => L(`阶段 "${stage}" 不在阶段表中`, `stage "${stage}" is not in stage_table`),

  // Scorecard, leads, time
  weightsZero: L('权重之和为 0', 'weights add up to 0'),
  emptyGroup: L('一组中没有同时有优化前和优化后的成员', 'a group has no member with both a before and an after'),
  comparison: L(
    '对比方式必须是 "previous"(环比)或 "year"(同比)',
    'compare must be "previous" (period before) or "year" (same period last year)',
  ),
  notAPeriod: (text: string) =>
    L(`“${text}”不是期间(如 2024-03、2024 Q1、2024)`, `"${text}" is not a period (e.g. 2024-03, 2024 Q1, 2024)`),
  noDataFor: (period: string) => L(`没有 ${period} 的数据`, `no data for ${period}`),
  comparedZero: (period: string) => L(`${period} 的合计为 0`, `the total for ${period} is 0`),
  tiersLength: L('门槛和提成比例必须一样多(至少一档)', 'thresholds and rates must have the same length (at least one tier)'),
  thresholdsAscending: L('门槛必须从小到大', 'thresholds must rise from tier to tier'),
  commissionMode: L('方式必须是 "progressive"(累进)或 "flat"(全额)', 'mode must be "progressive" or "flat"'),
  paceThresholds: L('进度阈值必须满足 领先 ≥ 正常 ≥ 落后', 'pace thresholds must satisfy ahead ≥ on_track ≥ behind'),
  thresholds: L('分级下限必须满足 0 ≤ B级下限 ≤ A级下限 ≤ 100', 'thresholds must satisfy 0 ≤ b_min ≤ a_min ≤ 100'),
  grade: L('等级必须是 A、B 或 C', 'grade must be A, B or C'),
  endBeforeStart: L('结束日期早于开始日期', 'end is before start'),
  notStarted: L('周期尚未开始', 'the period has not started'),
  noClosedDeals: L('没有已成交的商机', 'no closed deals'),
  method: L('方法必须是 "median" 或 "mean"', 'method must be "median" or "mean"'),
  closeBeforeStart: L('有成交日期早于开始日期', 'a close date is before its start date'),
} as const;
