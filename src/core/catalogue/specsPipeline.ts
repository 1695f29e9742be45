/** Pipeline, leads, forecast, scoring, pilots and commission, in catalogue order. */
import { FORECASTACCURACY } from '../metrics/attainment';
import { WINRATE } from '../metrics/funnel';
import { SLADUE, LEADGRADE } from '../metrics/leads';
import { AOV, COVERAGE, PIPELINENEEDED, REPEATRATE, VELOCITY, WEIGHTED } from '../metrics/pipeline';
import { SCORE } from '../metrics/score';
import { CYCLE, DELAY } from '../metrics/time';
import { COMMISSION } from '../metrics/commission';
import { DID } from '../metrics/pilot';
import { DEFAULT_GRADE_THRESHOLDS } from '../metrics/leads';
import { FRACTION, NON_NEGATIVE, POSITIVE, POSITIVE_FRACTION, SCORE_0_100 } from '../bounds';
import type { FunctionSpec } from './types';
import { p } from './param';

export const PIPELINE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'WINRATE',
    name: { 'en-US': 'WINRATE', 'zh-CN': '赢单率' },
    description: { 'en-US': 'Win rate: won / (won + lost).', 'zh-CN': '赢单率:赢单数 /(赢单数 + 输单数)。' },
    params: [
      p('won', '赢单数', 'Deals won.', '赢单数量。', { bounds: NON_NEGATIVE }),
      p('lost', '输单数', 'Deals lost.', '输单数量。', { bounds: NON_NEGATIVE }),
    ],
    result: 'percent',
    example: { args: ['5', '15'], shows: '25.0%' },
    shape: 'elementwise',
    cell: WINRATE,
  },
  {
    id: 'WEIGHTED',
    name: { 'en-US': 'WEIGHTED', 'zh-CN': '加权金额' },
    description: {
      'en-US': 'Weighted pipeline: the sum of amount × win probability, deal by deal.',
      'zh-CN': '加权金额:逐单计算 金额 × 赢单概率 后求和。',
    },
    params: [
      p('amounts', '金额', 'Deal amounts.', '商机金额。', { kind: 'range' }),
      p(
        'probs_or_stages',
        '概率或阶段',
        'Win probabilities (0–1), or stage names looked up in stage_table.',
        '赢单概率(0–1),或在阶段表中查找的阶段名称。',
        { kind: 'range', bounds: FRACTION },
      ),
      p('stage_table', '阶段表', 'Two columns: stage and probability (optional).', '两列:阶段和概率(可选)。', {
        optional: true,
        kind: 'range',
      }),
    ],
    result: 'number',
    example: { args: ['{100;200}', '{0.5;0.1}'], shows: '70' },
    shape: 'list',
    impl: WEIGHTED,
  },
  {
    id: 'COVERAGE',
    name: { 'en-US': 'COVERAGE', 'zh-CN': '覆盖率' },
    description: {
      'en-US': 'Pipeline coverage: open pipeline / (target − won).',
      'zh-CN': '商机覆盖率:在途商机 /(目标 − 已成交)。',
    },
    params: [
      p('pipeline', '在途商机', 'Open pipeline amount.', '在途商机金额。', { bounds: NON_NEGATIVE }),
      p('target', '目标', 'Target for the period.', '周期目标。'),
      p('won', '已成交', 'Already won this period (default 0).', '本周期已成交金额(默认 0)。', { default: 0 }),
    ],
    result: 'number',
    example: { args: ['900', '500', '200'], shows: '3.0' },
    shape: 'elementwise',
    cell: COVERAGE,
  },
  {
    id: 'PIPELINENEEDED',
    name: { 'en-US': 'PIPELINENEEDED', 'zh-CN': '所需商机' },
    description: {
      'en-US': 'Open pipeline still needed to reach the target at a win rate: (target − won) / win rate; 0 once the target is met.',
      'zh-CN': '按赢单率达成目标还需要的在途商机:(目标 − 已成交)/ 赢单率;目标已达成时为 0。',
    },
    params: [
      p('target', '目标', 'Target for the period.', '周期目标。'),
      p('won', '已成交', 'Already won this period.', '本周期已成交金额。'),
      p('win_rate', '赢单率', 'Win rate, above 0 and up to 1.', '赢单率,大于 0 且不超过 1。', { bounds: POSITIVE_FRACTION }),
    ],
    result: 'number',
    example: { args: ['500', '200', '25%'], shows: '1,200' },
    shape: 'elementwise',
    cell: PIPELINENEEDED,
  },
  {
    id: 'VELOCITY',
    name: { 'en-US': 'VELOCITY', 'zh-CN': '销售速度' },
    description: {
      'en-US': 'Sales velocity per day: opportunities × win rate × average deal / cycle days.',
      'zh-CN': '每日销售速度:商机数 × 赢单率 × 平均单额 / 成交周期天数。',
    },
    params: [
      p('opps', '商机数', 'Number of open opportunities.', '在途商机数量。', { bounds: NON_NEGATIVE }),
      p('win_rate', '赢单率', 'Win rate (0–1).', '赢单率(0–1)。', { bounds: FRACTION }),
      p('avg_deal', '平均单额', 'Average deal size.', '平均成交金额。'),
      p('cycle_days', '周期天数', 'Average sales cycle in days.', '平均成交周期(天)。', { bounds: POSITIVE }),
    ],
    result: 'number',
    example: { args: ['40', '25%', '12', '60'], shows: '2' },
    shape: 'elementwise',
    cell: VELOCITY,
  },
  {
    id: 'AOV',
    name: { 'en-US': 'AOV', 'zh-CN': '客单价' },
    description: { 'en-US': 'Average order value: revenue / orders.', 'zh-CN': '客单价:销售额 / 订单数。' },
    params: [
      p('revenue', '销售额', 'Revenue.', '销售额。'),
      p('orders', '订单数', 'Number of orders.', '订单数量。', { bounds: NON_NEGATIVE }),
    ],
    result: 'number',
    example: { args: ['500', '40'], shows: '12.5' },
    shape: 'elementwise',
    cell: AOV,
  },
  {
    id: 'REPEATRATE',
    name: { 'en-US': 'REPEATRATE', 'zh-CN': '复购率' },
    description: {
      'en-US': 'Repeat-purchase rate from an order list: customers with 2+ orders / distinct customers.',
      'zh-CN': '复购率(按订单列表):下单 2 次及以上的客户数 / 不同客户数。',
    },
    params: [
      p('customer_ids', '客户', 'The customer of each order (one cell per order).', '每张订单对应的客户(每单一格)。', { kind: 'range' }),
    ],
    result: 'percent',
    example: { args: ['{"甲";"乙";"甲";"丙"}'], shows: '33.3%' },
    shape: 'list',
    impl: REPEATRATE,
  },
  {
    id: 'CYCLE',
    name: { 'en-US': 'CYCLE', 'zh-CN': '成交周期' },
    description: {
      'en-US': 'Sales cycle in days from start to close: the median (or "mean"); open deals are skipped.',
      'zh-CN': '从开始到成交的天数:中位数(或 "mean" 平均);未成交的行跳过。',
    },
    params: [
      p('starts', '开始日期', 'Start dates.', '开始日期。', { kind: 'range' }),
      p('closes', '成交日期', 'Close dates (blank while open).', '成交日期(未成交留空)。', { kind: 'range' }),
      p('method', '方法', '"median" (default) or "mean".', '"median"(默认)或 "mean"。', { optional: true, kind: 'text' }),
    ],
    result: 'days',
    example: { args: ['{45352;45360}', '{45382;45450}'], shows: '60' },
    shape: 'list',
    impl: CYCLE,
  },
  {
    id: 'LEADGRADE',
    name: { 'en-US': 'LEADGRADE', 'zh-CN': '线索等级' },
    description: {
      'en-US': 'Lead grade from a 0–100 score: A (focus) ≥ 80, B (regular) ≥ 50, else C (nurture).',
      'zh-CN': '按 0–100 评分给线索分级:A(重点跟进)≥ 80,B(常规跟进)≥ 50,否则 C(长期培育)。',
    },
    params: [
      p('score', '评分', 'Lead score, 0–100.', '线索评分,0–100。', { bounds: SCORE_0_100 }),
      p('a_min', 'A级下限', 'Lowest A score (default 80).', 'A 级最低分(默认 80)。', {
        default: DEFAULT_GRADE_THRESHOLDS.a,
        bounds: SCORE_0_100,
      }),
      p('b_min', 'B级下限', 'Lowest B score (default 50).', 'B 级最低分(默认 50)。', {
        default: DEFAULT_GRADE_THRESHOLDS.b,
        bounds: SCORE_0_100,
      }),
    ],
    result: 'text',
    example: { args: ['85'], shows: 'A' },
    shape: 'elementwise',
    cell: LEADGRADE,
  },
  {
    id: 'SLADUE',
    name: { 'en-US': 'SLADUE', 'zh-CN': '响应时限' },
    description: {
      'en-US': 'When the first response is due: received + 2 h (A), 24 h (B) or 168 h (C).',
      'zh-CN': '首次响应截止时间:接收时间 + 2 小时(A)、24 小时(B)或 168 小时(C)。',
    },
    params: [
      p('grade', '等级', 'Lead grade A, B or C.', '线索等级 A、B 或 C。', { kind: 'text' }),
      p('received', '接收时间', 'When the lead was received (date and time).', '线索接收时间(日期时间)。', { kind: 'date' }),
      p('hours', '时限小时', 'Response limit in hours for every grade (optional).', '统一的响应时限(小时,可选)。', {
        optional: true,
        bounds: NON_NEGATIVE,
      }),
    ],
    result: 'datetime',
    example: { args: ['"A"', 'DATE(2024,3,1)+9/24'], shows: '2024-03-01 11:00' },
    shape: 'elementwise',
    cell: SLADUE,
  },
  {
    id: 'DELAY',
    name: { 'en-US': 'DELAY', 'zh-CN': '延期天数' },
    description: {
      'en-US': 'Days late: actual − planned; while open and past due, today − planned; blank while not yet due.',
      'zh-CN': '延期天数:实际 − 计划;未完成且已过期时为 今天 − 计划;未到期时为空。',
    },
    params: [
      p('planned', '计划完成', 'Planned completion date.', '计划完成日期。', { kind: 'date' }),
      p('actual', '实际完成', 'Actual completion date (blank while open).', '实际完成日期(未完成留空)。', { optional: true, kind: 'date' }),
      p('as_of', '截至日期', 'Date to measure open items against (default: today).', '计算未完成事项的截至日期(默认今天)。', {
        kind: 'date',
        default: 'today',
      }),
    ],
    result: 'days',
    volatile: true,
    example: { args: ['DATE(2024,3,25)', 'DATE(2024,3,28)'], shows: '3' },
    shape: 'elementwise',
    cell: DELAY,
  },
  {
    id: 'FORECASTACCURACY',
    name: { 'en-US': 'FORECASTACCURACY', 'zh-CN': '预测准确率' },
    description: {
      'en-US': 'Forecast accuracy: max(0, 1 − |actual − forecast| / |actual|).',
      'zh-CN': '预测准确率:max(0, 1 − |实际 − 预测| / |实际|)。',
    },
    params: [p('actual', '实际', 'Actual result.', '实际完成值。'), p('forecast', '预测', 'Forecast.', '预测值。')],
    result: 'percent',
    example: { args: ['165', '180'], shows: '90.9%' },
    shape: 'elementwise',
    cell: FORECASTACCURACY,
  },
  {
    id: 'SCORE',
    name: { 'en-US': 'SCORE', 'zh-CN': '绩效得分' },
    description: {
      'en-US': 'Weighted performance score of attainments; weights are normalised to sum to 1.',
      'zh-CN': '按权重计算的绩效得分(基于各项达成率);权重自动归一化。',
    },
    params: [
      p('values', '达成率', 'Attainments (or scores) per KPI.', '各指标的达成率(或得分)。', { kind: 'range' }),
      p('weights', '权重', 'Weight per KPI, same shape.', '各指标权重,形状相同。', { kind: 'range', bounds: NON_NEGATIVE }),
    ],
    result: 'percent',
    example: { args: ['{0.9;1.2}', '{0.6;0.4}'], shows: '102.0%' },
    shape: 'list',
    impl: SCORE,
  },
  {
    id: 'DID',
    name: { 'en-US': 'DID', 'zh-CN': '双重差分' },
    description: {
      'en-US':
        'Pilot against control: the pilot members’ mean change (after − before) less the control members’ (difference in differences).',
      'zh-CN': '试点组对比对照组:试点组成员平均变化(优化后 − 优化前)减去对照组成员平均变化(双重差分)。',
    },
    params: [
      p('pilot_before', '试点组优化前', 'Pilot members before.', '试点组成员的优化前数值。', { kind: 'range' }),
      p('pilot_after', '试点组优化后', 'Pilot members after, same shape.', '试点组成员的优化后数值,形状相同。', { kind: 'range' }),
      p('control_before', '对照组优化前', 'Control members before.', '对照组成员的优化前数值。', { kind: 'range' }),
      p('control_after', '对照组优化后', 'Control members after, same shape.', '对照组成员的优化后数值,形状相同。', { kind: 'range' }),
    ],
    result: 'number',
    example: { args: ['{12;11}', '{19;18}', '{12;12}', '{13;12}'], shows: '6.5' },
    shape: 'list',
    impl: DID,
  },
  {
    id: 'COMMISSION',
    name: { 'en-US': 'COMMISSION', 'zh-CN': '阶梯提成' },
    description: {
      'en-US':
        'Tiered commission on an amount: progressive (each tier’s rate on the part within it, default) or flat (the whole amount at the highest tier reached).',
      'zh-CN': '按阶梯计算提成:累进(每档比例只算落在该档的部分,默认)或全额(整笔按达到的最高档比例)。',
    },
    params: [
      p('amount', '金额', 'Sales amount (a cell or a range, ≥ 0).', '销售金额(单元格或区域,≥ 0)。', { kind: 'range' }),
      p('thresholds', '门槛', 'Where each tier starts, rising (e.g. 0, 100000, 500000).', '每档起点,从小到大(如 0、100000、500000)。', {
        kind: 'range',
        bounds: NON_NEGATIVE,
      }),
      p('rates', '提成比例', 'Rate of each tier (0–1), same length.', '每档提成比例(0–1),个数相同。', { kind: 'range', bounds: FRACTION }),
      p('mode', '方式', '"progressive" (累进, default) or "flat" (全额).', '"progressive"(累进,默认)或 "flat"(全额)。', {
        optional: true,
        kind: 'text',
      }),
    ],
    result: 'number',
    example: { args: ['600000', '{0;100000;500000}', '{0.02;0.05;0.08}'], shows: '30,000' },
    shape: 'list',
    impl: COMMISSION,
  },
];
