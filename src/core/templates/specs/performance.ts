/**
 * 绩效考核 Performance review and the 提成方案 Commission plan it pays from (source 001 §八:
 * 考核涵盖销售额、客户满意度、团队合作; 销售额达到一定目标后获得一定比例的提成). The score is
 * SALES.SCORE over the three attainments and their weights, the level comes from PERFORMANCE_LEVELS
 * and the commission is SALES.COMMISSION on the rep's sales over the plan's tiers, on its own sheet
 * so one plan serves every row. A plan may also reward goal tiers (目标 / 冲刺 / 挑战, issue 24): each
 * rep's own levels give the tier reached, and the plan's rate for that tier is paid on the sales.
 */
import { PERFORMANCE_LEVELS, SAMPLE_COMMISSION_TIERS, SAMPLE_TIER_REWARDS } from '../../domain/records';
import { REACHED_TIERS, nativeTierReached } from '../../domain/tiers';
import { L, type Locale, type Localized } from '../../i18n';
import type { ConditionalFormatSpec, TemplateSpec } from '../types';
import { attainmentColours } from './common';

export const commissionTiers: TemplateSpec = {
  id: 'commissionTiers',
  sheetName: L('提成方案', 'Commission Plan'),
  tableName: 'CommissionPlan',
  purpose: L(
    '提成阶梯:每档的起点金额和提成比例(累进计算,从小到大,最多 10 档);绩效考核的提成按此计算。',
    'Commission tiers: where each tier starts and its rate (progressive, rising, up to 10 tiers); the performance review pays from it.',
  ),
  source: { document: '001', part: L('八、激励机制和绩效考核', '8, incentives and performance reviews') },
  columns: [
    { key: 'from', label: L('起点金额', 'From amount'), type: 'number', width: 14, required: true },
    { key: 'rate', label: L('提成比例', 'Rate'), type: 'percent', width: 10, required: true },
    { key: 'note', label: L('说明', 'Note'), type: 'text', width: 30 },
    // A second ladder beside the amounts: the reward for reaching a goal tier, on the whole sales.
    { key: 'goalTier', label: L('目标档位', 'Goal tier'), type: 'text', width: 10, list: REACHED_TIERS.map((t) => t.label) },
    { key: 'tierRate', label: L('档位奖励比例', 'Tier reward rate'), type: 'percent', width: 12 },
  ],
  samples: SAMPLE_COMMISSION_TIERS.map((tier, i) => ({
    from: tier.from,
    rate: tier.rate,
    goalTier: REACHED_TIERS.find((t) => t.key === SAMPLE_TIER_REWARDS[i]?.tier)?.label ?? null,
    tierRate: SAMPLE_TIER_REWARDS[i]?.rate ?? null,
    note: [
      L('起步档:全部销售额都有提成', 'Base tier: every sale earns commission'),
      L('超过该金额的部分按此比例', 'The part above this amount earns this rate'),
      L('冲刺档:鼓励超额完成', 'Stretch tier: rewards beating the target'),
    ][i] as Localized,
  })),
  conditionalFormats: [],
};

const tierOf = (locale: Locale) => nativeTierReached('{sales}', '{target}', '{stretchTarget}', '{challengeTarget}', locale);

const levelFormula = (lang: 'zh-CN' | 'en-US'): string => {
  const [last, ...higher] = [...PERFORMANCE_LEVELS].reverse();
  const chain = higher.reduce((inner, level) => `IF({score}>=${level.min},"${level.label[lang]}",${inner})`, `"${last?.label[lang]}"`);
  return `IF({score}="","",${chain})`;
};

const levelColours: ConditionalFormatSpec[] = [
  { column: 'level', rule: { kind: 'textEquals', text: PERFORMANCE_LEVELS[0].label }, tone: 'good' },
  { column: 'level', rule: { kind: 'textEquals', text: PERFORMANCE_LEVELS[2].label }, tone: 'warn' },
  { column: 'level', rule: { kind: 'textEquals', text: PERFORMANCE_LEVELS[3].label }, tone: 'bad' },
];

export const performance: TemplateSpec = {
  id: 'performance',
  sheetName: L('绩效考核', 'Performance Review'),
  tableName: 'PerformanceReview',
  purpose: L(
    '每人每期一行:销售额、客户满意度、团队合作的达成率按权重算综合得分和等级,提成按提成方案累进计算。',
    'One row per rep and period: sales, customer satisfaction and teamwork attainments weighted into a score and a level; commission from the commission plan.',
  ),
  source: { document: '001', part: L('八、激励机制和绩效考核', '8, incentives and performance reviews') },
  uses: [commissionTiers],
  columns: [
    { key: 'owner', label: L('销售人员', 'Sales rep'), type: 'text', width: 14, required: true },
    { key: 'period', label: L('周期', 'Period'), type: 'text', width: 10, required: true },
    { key: 'sales', label: L('销售额', 'Sales'), type: 'number', width: 12 },
    { key: 'salesAttainment', label: L('销售额达成率', 'Sales attainment'), type: 'percent', width: 12 },
    { key: 'satisfaction', label: L('客户满意度达成率', 'Satisfaction attainment'), type: 'percent', width: 14 },
    { key: 'teamwork', label: L('团队合作评分', 'Teamwork score'), type: 'percent', width: 12 },
    { key: 'salesWeight', label: L('销售额权重', 'Sales weight'), type: 'percent', width: 10 },
    { key: 'satisfactionWeight', label: L('满意度权重', 'Satisfaction weight'), type: 'percent', width: 10 },
    { key: 'teamworkWeight', label: L('团队合作权重', 'Teamwork weight'), type: 'percent', width: 10 },
    {
      key: 'score',
      label: L('综合得分', 'Score'),
      type: 'percent',
      width: 10,
      formula: { call: 'SCORE', args: ['{salesAttainment}:{teamwork}', '{salesWeight}:{teamworkWeight}'] },
    },
    {
      key: 'level',
      label: L('等级', 'Level'),
      type: 'text',
      width: 10,
      formula: { native: { 'zh-CN': levelFormula('zh-CN'), 'en-US': levelFormula('en-US') } },
    },
    {
      key: 'commission',
      label: L('提成', 'Commission'),
      type: 'number',
      width: 12,
      formula: { call: 'COMMISSION', args: ['{sales}', '{@commissionTiers.from}', '{@commissionTiers.rate}'] },
    },
    { key: 'note', label: L('激励与辅导', 'Reward or coaching'), type: 'text', width: 26 },
    // Goal tiers (core/domain/tiers.ts), after the columns above so their letters stay put.
    { key: 'target', label: L('目标', 'Target'), type: 'number', width: 12 },
    { key: 'stretchTarget', label: L('冲刺目标', 'Stretch target'), type: 'number', width: 12 },
    { key: 'challengeTarget', label: L('挑战目标', 'Challenge target'), type: 'number', width: 12 },
    {
      key: 'tier',
      label: L('达成档位', 'Tier reached'),
      type: 'text',
      width: 10,
      formula: { native: { 'zh-CN': tierOf('zh-CN'), 'en-US': tierOf('en-US') } },
    },
    {
      key: 'tierReward',
      label: L('档位奖励', 'Tier reward'),
      type: 'number',
      width: 12,
      formula: {
        native: 'IF(OR({sales}="",{tier}=""),"",{sales}*SUMIFS({@commissionTiers.tierRate#all},{@commissionTiers.goalTier#all},{tier}))',
      },
    },
  ],
  samples: [
    {
      owner: L('华南区销售', 'South sales rep'),
      period: '2024-Q1',
      sales: 620_000,
      salesAttainment: 1.24,
      satisfaction: 1.05,
      teamwork: 0.95,
      salesWeight: 0.6,
      satisfactionWeight: 0.25,
      teamworkWeight: 0.15,
      note: L('奖金并列入晋升评估', 'Bonus; considered for promotion'),
      // 620,000 of 500,000 = the 124% above; past the stretch (600,000), short of the challenge.
      target: 500_000,
      stretchTarget: 600_000,
      challengeTarget: 700_000,
    },
    {
      owner: L('华东区销售', 'East sales rep'),
      period: '2024-Q1',
      sales: 260_000,
      salesAttainment: 0.65,
      satisfaction: 0.9,
      teamwork: 1,
      salesWeight: 0.6,
      satisfactionWeight: 0.25,
      teamworkWeight: 0.15,
      note: L('安排跟进技巧培训和一对一辅导', 'Follow-up skills training and one-on-one coaching'),
      target: 400_000,
    },
  ],
  conditionalFormats: [...attainmentColours('score'), ...levelColours],
};
