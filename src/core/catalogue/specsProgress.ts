/** Goals, funnel and pace: the functions of 表2 and the funnel sheet, in catalogue order. */
import { ATTAINMENT, CHANGE, GAP } from '../metrics/attainment';
import { BOTTLENECK, CONVERSION, FUNNEL } from '../metrics/funnel';
import { PACE, RUNRATE } from '../metrics/time';
import { PERIODCHANGE } from '../metrics/periods';
import { DEFAULT_PACE_THRESHOLDS } from '../domain/pace';
import { FRACTION, NON_NEGATIVE, POSITIVE } from '../bounds';
import type { FunctionSpec } from './types';
import { p } from './param';

export const PROGRESS_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'ATTAINMENT',
    name: { 'en-US': 'ATTAINMENT', 'zh-CN': '达成率' },
    description: {
      'en-US': 'Attainment of a target: actual / target; handles negative targets and lower-is-better metrics.',
      'zh-CN': '目标达成率:实际 / 目标;支持负目标和越低越好的指标。',
    },
    params: [
      p('actual', '实际', 'Actual result (a cell or a range).', '实际完成值(单元格或区域)。'),
      p('target', '目标', 'Target (same shape as actual, or one cell).', '目标值(与实际同形状,或单个单元格)。'),
      p(
        'polarity',
        '方向',
        '"higher" (default) or "lower" / -1 for lower-is-better.',
        '"higher"(默认,越高越好)或 "lower" / -1(越低越好)。',
        { optional: true, kind: 'text' },
      ),
    ],
    result: 'percent',
    example: { args: ['165', '180'], shows: '91.7%' },
    shape: 'elementwise',
    cell: ATTAINMENT,
  },
  {
    id: 'CONVERSION',
    name: { 'en-US': 'CONVERSION', 'zh-CN': '转化率' },
    description: { 'en-US': 'Conversion rate: converted / total.', 'zh-CN': '转化率:转化数 / 总数。' },
    params: [
      p('converted', '转化数', 'Number converted.', '转化的数量。', { bounds: NON_NEGATIVE }),
      p('total', '总数', 'Total number.', '总数量。', { bounds: NON_NEGATIVE }),
    ],
    result: 'percent',
    example: { args: ['18', '100'], shows: '18.0%' },
    shape: 'elementwise',
    cell: CONVERSION,
  },
  {
    id: 'FUNNEL',
    name: { 'en-US': 'FUNNEL', 'zh-CN': '漏斗转化' },
    description: {
      'en-US': 'Conversion of each funnel stage: "step" (vs. the stage before, default) or "cumulative" (vs. the first stage). Spills.',
      'zh-CN': '漏斗各阶段转化率:"step" 逐级(相对上一阶段,默认)或 "cumulative" 累计(相对第一阶段)。结果溢出。',
    },
    params: [
      p('counts', '各阶段数量', 'Counts per stage, first stage first (one row or column).', '各阶段数量,从第一阶段开始(一行或一列)。', {
        kind: 'range',
        bounds: NON_NEGATIVE,
      }),
      p('mode', '方式', '"step" (default) or "cumulative".', '"step"(默认)或 "cumulative"。', { optional: true, kind: 'text' }),
    ],
    result: 'percent',
    example: { args: ['{100;60;30}'], shows: '100% / 60% / 50%' },
    shape: 'list',
    impl: FUNNEL,
  },
  {
    id: 'BOTTLENECK',
    name: { 'en-US': 'BOTTLENECK', 'zh-CN': '瓶颈阶段' },
    description: {
      'en-US': 'The funnel stage with the lowest step conversion, or with the largest shortfall below benchmark rates.',
      'zh-CN': '漏斗中逐级转化率最低的阶段;给出基准转化率时,为低于基准最多的阶段。',
    },
    params: [
      p('stages', '阶段', 'Stage names.', '阶段名称。', { kind: 'range' }),
      p('counts', '数量', 'Counts per stage, same length as stages.', '各阶段数量,与阶段等长。', { kind: 'range', bounds: NON_NEGATIVE }),
      p('benchmarks', '基准转化率', 'Benchmark step conversion per stage (optional).', '各阶段基准逐级转化率(可选)。', {
        optional: true,
        kind: 'range',
        bounds: FRACTION,
      }),
    ],
    result: 'text',
    example: { args: ['{"线索获取";"初步接洽";"需求确认"}', '{100;60;30}'], shows: '需求确认' },
    shape: 'list',
    impl: BOTTLENECK,
  },
  {
    id: 'GAP',
    name: { 'en-US': 'GAP', 'zh-CN': '目标差距' },
    description: {
      'en-US': 'Gap to target: target − actual (negative means the target was exceeded).',
      'zh-CN': '目标差距:目标 − 实际(负数表示超额完成)。',
    },
    params: [p('actual', '实际', 'Actual result.', '实际完成值。'), p('target', '目标', 'Target.', '目标值。')],
    result: 'number',
    example: { args: ['165', '180'], shows: '15' },
    shape: 'elementwise',
    cell: GAP,
  },
  {
    id: 'CHANGE',
    name: { 'en-US': 'CHANGE', 'zh-CN': '变化率' },
    description: {
      'en-US': 'Rate of change from before to after: (after − before) / |before|.',
      'zh-CN': '优化前后变化率:(优化后 − 优化前)/ |优化前|。',
    },
    params: [p('before', '优化前', 'Value before.', '优化前的值。'), p('after', '优化后', 'Value after.', '优化后的值。')],
    result: 'percent',
    example: { args: ['12%', '18%'], shows: '50.0%' },
    shape: 'elementwise',
    cell: CHANGE,
  },
  {
    id: 'RUNRATE',
    name: { 'en-US': 'RUNRATE', 'zh-CN': '预计完成' },
    description: {
      'en-US': 'Projected result for the whole period at the current pace: actual / elapsed days × period days.',
      'zh-CN': '按当前进度预计整个周期的完成值:实际 / 已过天数 × 周期天数。',
    },
    params: [
      p('actual', '实际', 'Actual result so far.', '截至目前的实际完成值。'),
      p('start', '开始日期', 'First day of the period.', '周期第一天。', { kind: 'date' }),
      p('end', '结束日期', 'Last day of the period.', '周期最后一天。', { kind: 'date' }),
      p('as_of', '截至日期', 'Date of the actual (default: today).', '实际值的截至日期(默认今天)。', { kind: 'date', default: 'today' }),
    ],
    result: 'number',
    volatile: true,
    example: { args: ['50', 'DATE(2024,3,1)', 'DATE(2024,3,31)', 'DATE(2024,3,10)'], shows: '155' },
    shape: 'elementwise',
    cell: RUNRATE,
  },
  {
    id: 'PACE',
    name: { 'en-US': 'PACE', 'zh-CN': '进度状态' },
    description: {
      'en-US':
        'Pace of a period: actual against target × the share of the period gone by — Ahead, On track, Behind or At risk (领先/正常/落后/风险).',
      'zh-CN': '周期进度:实际与(目标 × 已过天数占比)相比 —— 领先、正常、落后或风险。',
    },
    params: [
      p('actual', '实际', 'Actual result so far.', '截至目前的实际完成值。'),
      p('target', '目标', 'Target for the whole period (above 0).', '整个周期的目标(大于 0)。', { bounds: POSITIVE }),
      p('start', '开始日期', 'First day of the period.', '周期第一天。', { kind: 'date' }),
      p('end', '结束日期', 'Last day of the period.', '周期最后一天。', { kind: 'date' }),
      p('as_of', '截至日期', 'Date of the actual (default: today).', '实际值的截至日期(默认今天)。', { kind: 'date', default: 'today' }),
      p(
        'ahead',
        '领先线',
        `Actual / expected at or above this is Ahead (default ${DEFAULT_PACE_THRESHOLDS.ahead}).`,
        `实际 / 应完成 达到此值为领先(默认 ${DEFAULT_PACE_THRESHOLDS.ahead})。`,
        { default: DEFAULT_PACE_THRESHOLDS.ahead, bounds: NON_NEGATIVE },
      ),
      p(
        'on_track',
        '正常线',
        `At or above this is On track (default ${DEFAULT_PACE_THRESHOLDS.onTrack}).`,
        `达到此值为正常(默认 ${DEFAULT_PACE_THRESHOLDS.onTrack})。`,
        { default: DEFAULT_PACE_THRESHOLDS.onTrack, bounds: NON_NEGATIVE },
      ),
      p(
        'behind',
        '落后线',
        `At or above this is Behind, below it At risk (default ${DEFAULT_PACE_THRESHOLDS.behind}).`,
        `达到此值为落后,低于此值为风险(默认 ${DEFAULT_PACE_THRESHOLDS.behind})。`,
        { default: DEFAULT_PACE_THRESHOLDS.behind, bounds: NON_NEGATIVE },
      ),
      p('lang', '语言', 'Label language: "en-US" for English; default Chinese.', '结果语言:"en-US" 为英文;默认中文。', {
        optional: true,
        kind: 'text',
      }),
    ],
    result: 'text',
    volatile: true,
    example: { args: ['60', '150', 'DATE(2024,3,1)', 'DATE(2024,3,31)', 'DATE(2024,3,10)'], shows: '领先' },
    shape: 'elementwise',
    cell: PACE,
  },
  {
    id: 'PERIODCHANGE',
    name: { 'en-US': 'PERIODCHANGE', 'zh-CN': '环比同比' },
    description: {
      'en-US':
        'Change of a metric against the period before (环比) or the same period last year (同比): (this − that) / abs(that), rows summed by period.',
      'zh-CN': '指标的环比或同比:(本期 − 对比期)/ abs(对比期),按期间汇总各行。',
    },
    params: [
      p('values', '数值', 'The metric, one cell per row.', '指标值,每行一格。', { kind: 'range' }),
      p('periods', '期间', 'The period of each row: 2024-03, 2024 Q1, 2024 or a date.', '每行的期间:2024-03、2024 Q1、2024 或日期。', {
        kind: 'range',
      }),
      p('period', '本期', 'The period to compare (a month, quarter or year).', '要对比的期间(月、季度或年)。', { kind: 'text' }),
      p('compare', '对比', '"previous" (default, 环比) or "year" (同比).', '"previous"(默认,环比)或 "year"(同比)。', {
        optional: true,
        kind: 'text',
      }),
    ],
    result: 'percent',
    example: { args: ['{120;150}', '{"2024-02";"2024-03"}', '"2024-03"'], shows: '25.0%' },
    shape: 'list',
    impl: PERIODCHANGE,
  },
];
