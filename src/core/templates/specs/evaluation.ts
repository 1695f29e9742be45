/** Measurement tables: multi-dimensional KPIs (source 003 §4, docs/DOMAIN.md), before/after (source 002 step 4, docs/DOMAIN.md), review log (source 000, docs/DOMAIN.md). */
import type { TemplateSpec } from '../types';
import { L } from '../../i18n';
import { DIRECTION, PILOT_GROUPS, VERDICT_LABELS, nativeVerdict } from '../../domain';
import type { Locale } from '../../i18n';
import { attainmentColours, reviewIdColumn } from './common';

const CATEGORY = [L('结果', 'Result'), L('过程', 'Process'), L('效率', 'Efficiency')] as const;
const [HIGHER, LOWER] = DIRECTION;

export const kpi: TemplateSpec = {
  id: 'kpi',
  sheetName: L('KPI 多维追踪', 'KPI Tracking'),
  tableName: 'KpiTracking',
  purpose: L(
    '结果、过程、效率三类指标一起看,按方向计算达成率。',
    'Track result, process and efficiency KPIs together, each in its own direction.',
  ),
  source: { document: '003', part: L('四、构建多维度数据追踪体系', 'method 4, multi-dimensional tracking') },
  columns: [
    { key: 'category', label: L('类别', 'Category'), type: 'text', width: 10, list: CATEGORY, required: true },
    { key: 'metric', label: L('指标', 'Metric'), type: 'text', width: 20, required: true },
    { key: 'direction', label: L('方向', 'Direction'), type: 'text', width: 14, list: DIRECTION },
    { key: 'unit', label: L('单位', 'Unit'), type: 'text', width: 8 },
    { key: 'target', label: L('目标', 'Target'), type: 'number', width: 10, required: true },
    { key: 'actual', label: L('实际', 'Actual'), type: 'number', width: 10 },
    {
      key: 'attainment',
      label: L('达成率', 'Attainment'),
      type: 'percent',
      width: 10,
      formula: { call: 'ATTAINMENT', args: ['{actual}', '{target}', '{direction}'] },
    },
  ],
  // The metrics source 003 §4 names (docs/DOMAIN.md §2). Targets and actuals tell one story, so a
  // fresh sample opens the review with findings rather than warnings: leads are up, yet visits,
  // conversion and the cycle lag, and revenue misses by 7%.
  samples: [
    {
      category: L('结果', 'Result'),
      metric: L('销售额', 'Revenue'),
      direction: HIGHER,
      unit: L('万元', '10k CNY'),
      target: 500,
      actual: 465,
    },
    {
      category: L('过程', 'Process'),
      metric: L('新增线索量', 'New leads'),
      direction: HIGHER,
      unit: L('条', 'leads'),
      target: 300,
      actual: 330,
    },
    {
      category: L('过程', 'Process'),
      metric: L('有效拜访次数', 'Qualified visits'),
      direction: HIGHER,
      unit: L('次', 'visits'),
      target: 120,
      actual: 96,
    },
    { category: L('效率', 'Efficiency'), metric: L('线索转化率', 'Lead conversion'), direction: HIGHER, unit: '%', target: 15, actual: 12 },
    {
      category: L('效率', 'Efficiency'),
      metric: L('平均成交周期', 'Average sales cycle'),
      direction: LOWER,
      unit: L('天', 'days'),
      target: 60,
      actual: 72,
    },
  ],
  conditionalFormats: attainmentColours('attainment'),
};

/**
 * The metric's difference in differences on each member's row: the pilot members' mean change less
 * the control members' (rows with both a before and an after), as core/domain/pilot.ts computes it.
 */
function nativeDid(locale: Locale): string {
  const mean = (group: string) => {
    const where = `{metric#all},{metric},{group#all},"${group}",{before#all},"<>",{after#all},"<>"`;
    return `(SUMIFS({after#all},${where})-SUMIFS({before#all},${where}))/COUNTIFS(${where})`;
  };
  const [pilot, control] = PILOT_GROUPS.map((g) => g.label[locale]) as [string, string];
  return `IF(OR({metric}="",{group}=""),"",${mean(pilot)}-${mean(control)})`;
}

export const evaluation: TemplateSpec = {
  id: 'evaluation',
  sheetName: L('效果评估', 'Before & After'),
  tableName: 'BeforeAfter',
  purpose: L(
    '对比优化前后的关键指标,判断是否达到目标变化。',
    'Compare key metrics before and after the changes, against the target change.',
  ),
  source: { document: '002', part: L('第四步', 'step 4') },
  columns: [
    { key: 'metric', label: L('指标', 'Metric'), type: 'text', width: 20, required: true },
    { key: 'direction', label: L('方向', 'Direction'), type: 'text', width: 14, list: DIRECTION },
    { key: 'before', label: L('优化前', 'Before'), type: 'general', width: 10, required: true },
    { key: 'after', label: L('优化后', 'After'), type: 'general', width: 10 },
    { key: 'change', label: L('变化率', 'Change'), type: 'percent', width: 10, formula: { call: 'CHANGE', args: ['{before}', '{after}'] } },
    { key: 'goalChange', label: L('目标变化', 'Target change'), type: 'percent', width: 10 },
    {
      key: 'verdict',
      label: L('结论', 'Verdict'),
      type: 'text',
      width: 10,
      formula: { native: { 'zh-CN': nativeVerdict('zh-CN'), 'en-US': nativeVerdict('en-US') } },
    },
    // Last of the method's columns, so follow-up rows the wizard writes can be upserted by review id.
    reviewIdColumn,
    // 试点组 vs 对照组 (issue 25; source 002 关键提醒): one row per member of either group for a metric.
    { key: 'member', label: L('成员', 'Member'), type: 'text', width: 12 },
    { key: 'group', label: L('分组', 'Group'), type: 'text', width: 10, list: PILOT_GROUPS.map((g) => g.label) },
    {
      key: 'did',
      label: L('组间差异', 'Pilot vs control'),
      type: 'general',
      width: 12,
      formula: { native: { 'zh-CN': nativeDid('zh-CN'), 'en-US': nativeDid('en-US') } },
    },
    // A pilot judged on the register or the activity log (core/review/summaryPilotMeasures.ts): 指标 names
    // the measure, this the day it began; the reps' groups are 组织架构's 试点分组.
    { key: 'pilotStart', label: L('试点开始', 'Pilot start'), type: 'date', width: 12 },
  ],
  samples: [
    // A rate shows as one (12.0% → 18.0%) in columns that hold days in the next row.
    {
      metric: L('线索转化率', 'Lead conversion rate'),
      direction: HIGHER,
      before: { value: 0.12, shownAs: 'percent' },
      after: { value: 0.18, shownAs: 'percent' },
      goalChange: 0.15,
    },
    { metric: L('新人平均上岗周期(天)', 'New-hire ramp-up (days)'), direction: LOWER, before: 60, after: 45, goalChange: -0.25 },
  ],
  conditionalFormats: [
    { column: 'verdict', rule: { kind: 'textEquals', text: VERDICT_LABELS.missed }, tone: 'bad' },
    { column: 'verdict', rule: { kind: 'textEquals', text: VERDICT_LABELS.worse }, tone: 'bad' },
    { column: 'verdict', rule: { kind: 'textEquals', text: VERDICT_LABELS.met }, tone: 'good' },
  ],
};

export const reviewLog: TemplateSpec = {
  id: 'reviewLog',
  sheetName: L('复盘记录', 'Review Log'),
  tableName: 'ReviewLog',
  purpose: L(
    '每次复盘一行:结论、诊断、措施数和下次复盘日期。',
    'One row per review: conclusions, diagnosis, actions and the next review date.',
  ),
  source: { document: '000' },
  columns: [
    { key: 'reviewId', label: L('复盘编号', 'Review ID'), type: 'text', width: 14, required: true },
    { key: 'date', label: L('日期', 'Date'), type: 'date', width: 12, required: true },
    { key: 'period', label: L('周期', 'Period'), type: 'text', width: 12 },
    { key: 'participants', label: L('参与人', 'Participants'), type: 'text', width: 20 },
    { key: 'dataFindings', label: L('数据分析结论', 'Data analysis'), type: 'text', width: 36 },
    { key: 'processEvaluation', label: L('过程评估', 'Process evaluation'), type: 'text', width: 30 },
    { key: 'diagnosisSummary', label: L('问题诊断摘要', 'Diagnosis summary'), type: 'text', width: 36 },
    { key: 'actionCount', label: L('改进措施数', 'Actions'), type: 'integer', width: 10 },
    { key: 'nextReview', label: L('下次复盘日期', 'Next review'), type: 'date', width: 14 },
  ],
  samples: [],
  conditionalFormats: [],
};
