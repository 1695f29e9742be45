/** Pipeline tables: the sales funnel (sources 003 §2 and 004 §3, docs/DOMAIN.md) and lead grading (source 002 step 2, docs/DOMAIN.md). */
import type { TemplateSpec } from '../types';
import { FUNNEL_STAGES, FUNNEL_STAGE_LABELS } from '../../domain/stages';
import { L } from '../../i18n';

/** Illustrative stage counts (the worked example 100 → 60 → 30 → 15 → 9 → 5). */
const SAMPLE_COUNTS = [100, 60, 30, 15, 9, 5];

export const funnel: TemplateSpec = {
  id: 'funnel',
  sheetName: L('销售漏斗', 'Sales Funnel'),
  tableName: 'SalesFunnel',
  purpose: L('按阶段看数量、转化率和停留时间,找出瓶颈阶段。', 'See counts, conversion and time per stage, and find the bottleneck.'),
  source: { document: '003', part: L('二、精细化的销售漏斗管理', 'method 2, the sales funnel') },
  columns: [
    { key: 'stage', label: L('阶段', 'Stage'), type: 'text', width: 12, list: FUNNEL_STAGE_LABELS, required: true },
    { key: 'count', label: L('数量', 'Count'), type: 'integer', width: 10, required: true },
    { key: 'amount', label: L('金额', 'Amount'), type: 'number', money: true, width: 12 },
    { key: 'probability', label: L('赢单概率', 'Win probability'), type: 'percent', width: 12 },
    {
      key: 'stepRate',
      label: L('阶段转化率', 'Step conversion'),
      type: 'percent',
      width: 12,
      firstRowFormula: { native: 'IF({count}="","",1)' },
      formula: { call: 'CONVERSION', args: ['{count}', '{count@prev}'] },
    },
    {
      key: 'cumulativeRate',
      label: L('累计转化率', 'Cumulative conversion'),
      type: 'percent',
      width: 12,
      formula: { call: 'CONVERSION', args: ['{count}', '{count@first}'] },
    },
    { key: 'avgDays', label: L('平均停留天数', 'Avg. days in stage'), type: 'number', width: 12 },
    {
      key: 'weighted',
      label: L('加权金额', 'Weighted amount'),
      type: 'number',
      money: true,
      width: 12,
      formula: { call: 'WEIGHTED', args: ['{amount}', '{probability}'] },
    },
    // 阶段标准 (issue 25), after the columns above so their letters stay put: the review's follow-up
    // and dwell limits are 标准停留天数 where the sheet gives them.
    { key: 'entryCriteria', label: L('进入标准', 'Entry criteria'), type: 'text', width: 22 },
    { key: 'exitCriteria', label: L('退出标准', 'Exit criteria'), type: 'text', width: 26 },
    { key: 'dwellDays', label: L('标准停留天数', 'Expected days in stage'), type: 'integer', width: 12 },
  ],
  samples: FUNNEL_STAGES.map((stage, i) => ({
    stage: stage.label,
    count: SAMPLE_COUNTS[i] ?? null,
    entryCriteria: stage.entry,
    exitCriteria: stage.exit,
    dwellDays: stage.followUpDays ?? null,
  })),
  conditionalFormats: [],
  summary: [
    {
      key: 'bottleneck',
      label: L('瓶颈阶段', 'Bottleneck stage'),
      type: 'text',
      formula: {
        call: 'BOTTLENECK',
        args: ['{stage#col}', '{count#col}'],
        portable: 'INDEX({stage#rest},MATCH(MIN({stepRate#rest}),{stepRate#rest},0))',
      },
    },
  ],
  chart: { kind: 'funnel', title: L('销售漏斗', 'Sales funnel'), category: 'stage', series: ['count'] },
};

const SIZE = [L('大', 'Large'), L('中', 'Medium'), L('小', 'Small')] as const;
const URGENCY = [L('高', 'High'), L('中', 'Medium'), L('低', 'Low')] as const;

export const leads: TemplateSpec = {
  id: 'leads',
  sheetName: L('线索分级', 'Lead Grading'),
  tableName: 'LeadGrading',
  purpose: L(
    '按行业、规模、紧急度评分分级,A级2小时、B级24小时内响应。',
    'Grade leads by score; respond to A within 2 h, B within 24 h, C within 7 days.',
  ),
  source: { document: '002', part: L('第二步', 'step 2') },
  columns: [
    { key: 'lead', label: L('线索', 'Lead'), type: 'text', width: 20, required: true },
    { key: 'industry', label: L('行业', 'Industry'), type: 'text', width: 12 },
    { key: 'size', label: L('规模', 'Size'), type: 'text', width: 8, list: SIZE },
    { key: 'urgency', label: L('需求紧急度', 'Urgency'), type: 'text', width: 10, list: URGENCY },
    { key: 'score', label: L('评分', 'Score'), type: 'integer', width: 8, required: true },
    { key: 'grade', label: L('等级', 'Grade'), type: 'text', width: 8, formula: { call: 'LEADGRADE', args: ['{score}'] } },
    { key: 'received', label: L('接收时间', 'Received'), type: 'datetime', width: 17, required: true },
    { key: 'firstResponse', label: L('首次响应时间', 'First response'), type: 'datetime', width: 17 },
    {
      key: 'due',
      label: L('响应时限', 'Response due'),
      type: 'datetime',
      width: 17,
      formula: { call: 'SLADUE', args: ['{grade}', '{received}'] },
    },
    {
      key: 'met',
      label: L('是否达标', 'Within SLA'),
      type: 'boolean',
      width: 10,
      // Not yet answered counts as a breach only once the limit has passed.
      formula: { native: 'IF(OR({due}="",{received}=""),"",IF({firstResponse}="",IF(NOW()>{due},FALSE,""),{firstResponse}<={due}))' },
    },
  ],
  samples: [
    {
      lead: L('示例线索 1', 'Sample lead 1'),
      industry: L('制造业', 'Manufacturing'),
      size: L('大', 'Large'),
      urgency: L('高', 'High'),
      score: 85,
      received: '2024-03-01 09:00',
      firstResponse: '2024-03-01 10:30',
    },
    {
      lead: L('示例线索 2', 'Sample lead 2'),
      industry: L('零售', 'Retail'),
      size: L('中', 'Medium'),
      urgency: L('中', 'Medium'),
      score: 62,
      received: '2024-03-01 14:00',
      firstResponse: '2024-03-02 16:00',
    },
    {
      lead: L('示例线索 3', 'Sample lead 3'),
      industry: L('教育', 'Education'),
      size: L('小', 'Small'),
      urgency: L('低', 'Low'),
      score: 30,
      received: '2024-03-02 10:00',
      firstResponse: '2024-03-05 09:00',
    },
  ],
  conditionalFormats: [{ column: 'met', rule: { kind: 'isFalse' }, tone: 'bad' }],
};
